import { browser } from 'wxt/browser';
import { firstIssueLine } from '../cliq/issues';
import { t } from '../i18n';
import {
  envelopeSchema,
  type MessageType,
  type ParsedRequestOf,
  protocol,
  type Reply,
  type ResponseOf,
} from './protocol';

export { sendMessage } from './page-send';
export type { MessageType, ResponseOf } from './protocol';

export type Handlers = {
  [T in MessageType]: (data: ParsedRequestOf<T>, sender: Sender) => Promise<ResponseOf<T>>;
};

export interface Sender {
  id?: string;
  url?: string;
  /** `url` is the tab's address as the browser knows it: what a content script's authority is judged by. */
  tab?: { id?: number; url?: string };
}

type SenderKind = 'extension' | 'content' | 'foreign';

/** The browser fills `sender`; a content script cannot forge it. Only extension pages have our own origin. */
export function classifySender(sender: Sender): SenderKind {
  if (sender.id !== browser.runtime.id) return 'foreign';
  if (sender.url?.startsWith(browser.runtime.getURL('/'))) return 'extension';
  return sender.tab ? 'content' : 'foreign';
}

/** Validate and dispatch one raw message. Exported for tests that forge senders and payloads. */
export async function dispatch(handlers: Partial<Handlers>, raw: unknown, sender: Sender): Promise<Reply<MessageType>> {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success || !Object.hasOwn(protocol, envelope.data.type)) {
    return { ok: false, error: t('messagingUnknown') };
  }
  const type = envelope.data.type as MessageType;
  const spec = protocol[type];
  const from = classifySender(sender);
  if (from === 'foreign' || (from === 'content' && !spec.fromContentScript)) {
    return { ok: false, error: t('messagingNotAllowed', type) };
  }
  const request = spec.request.safeParse(envelope.data.data);
  if (!request.success) return { ok: false, error: t('messagingInvalid', type, firstIssueLine(request.error)) };
  try {
    const handler = handlers[type] as ((data: unknown, sender: Sender) => Promise<ResponseOf<MessageType>>) | undefined;
    if (!handler) return { ok: false, error: t('messagingUnavailable', type) };
    return { ok: true, data: await handler(request.data, sender) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Register the background's listener. Must run synchronously at worker start, or a message that woke the
 * worker is lost. Replies through `sendResponse` + `return true`, which the polyfill, Firefox and Chrome
 * all honour.
 */
export function listenForMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender, sendResponse: (reply: unknown) => void) => {
    void dispatch(handlers, raw, sender).then(sendResponse);
    return true;
  });
}
