import { parseCliqUrl } from '../web/url';
import { findMessages, isMessage } from './messages';
import { findChatHeader, findChatList, findChatView, pageChatId } from './selectors';
import { pathShape, structureSkeleton } from './structure';

/** What the extension recognises on a Cliq page: what the options page's page check shows the user. */
export interface PageCheck {
  /** The open chat's id, and where it was read: the address, else the page (chat view `id`, `chid`). */
  chat: { id?: string; from: 'address' | 'page' | 'none' };
  messages: { count: number; by: 'selector' | 'fallback' | 'none' };
  chatView: boolean;
  header: boolean;
  chatList: boolean;
}

/** Asked of a Cliq tab by an extension page; only the extension can send on this channel. */
export interface PageCheckRequest {
  cliqPinsPageCheck: 'summary' | 'report';
}

export function isPageCheckRequest(message: unknown): message is PageCheckRequest {
  const kind = (message as Partial<PageCheckRequest> | null)?.cliqPinsPageCheck;
  return kind === 'summary' || kind === 'report';
}

export function checkPage(doc: Document, href: string, allowLoopback?: boolean): PageCheck {
  const fromAddress = parseCliqUrl(href, allowLoopback)?.chatId;
  const fromPage = pageChatId(doc);
  const chatId = fromAddress ?? fromPage;
  const found = findMessages(doc);
  const count = found
    ? [...found.root.querySelectorAll(found.reader.candidates)].filter((el) => isMessage(found.reader, el)).length
    : 0;
  return {
    chat: chatId ? { id: chatId, from: fromAddress ? 'address' : 'page' } : { from: 'none' },
    messages: { count, by: found?.reader.source ?? 'none' },
    chatView: findChatView(doc) !== null,
    header: findChatHeader(doc) !== null,
    chatList: findChatList(doc) !== null,
  };
}

const yes = (found: boolean) => (found ? 'found' : 'not found');

/**
 * The sanitised page-structure report: what was recognised (counts and sources, no ids), the address's shape
 * and the skeleton of the page. No text, names, ids or addresses of the user's organisation.
 */
export function pageStructureReport(doc: Document, href: string, allowLoopback?: boolean): string {
  const check = checkPage(doc, href, allowLoopback);
  return [
    'Cliq Pins page-structure report 1',
    `address: ${pathShape(new URL(href).pathname)}`,
    `messages: ${check.messages.count} (${check.messages.by})`,
    `open chat: from ${check.chat.from}`,
    `chat view: ${yes(check.chatView)}; header: ${yes(check.header)}; chat list: ${yes(check.chatList)}`,
    '',
    structureSkeleton(doc.body),
  ].join('\n');
}
