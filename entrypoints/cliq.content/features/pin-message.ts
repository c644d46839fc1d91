import { t } from '../../../lib/i18n';
import { ask, follow } from '../../../lib/page/background';
import type { FeatureEnv, PageFeature } from '../../../lib/page/features';
import {
  findMessage,
  findMessages,
  isMessage,
  type MessageReader,
  messageIdIn,
  messageOf,
  messagePreview,
} from '../../../lib/page/messages';
import { observeAdded } from '../../../lib/page/observe';
import { OWN_NODE_ATTRIBUTE, shownChatId } from '../../../lib/page/selectors';
import { pinDialogFor } from '../ui/pin-dialog-host';

const CONTROL = 'pin-control';
const CONTROL_SELECTOR = `[${OWN_NODE_ATTRIBUTE}="${CONTROL}"]`;
/** Thousands of messages are given their control a few hundred per frame. */
const MESSAGES_PER_FRAME = 300;

/** A pinned message shows its pin; others show theirs while hovered or focused. */
function showState(control: HTMLElement, pinned: boolean, near = false): void {
  const label = pinned ? t('pageEditPin') : t('pagePinMessage');
  control.setAttribute('aria-pressed', String(pinned));
  control.setAttribute('aria-label', label);
  control.setAttribute('title', label);
  control.style.opacity = pinned || near ? '1' : '0';
}

const CONTROL_STYLE =
  'float:inline-end;margin:0 0 0 6px;padding:0 4px;border:0;background:none;font:inherit;font-size:14px;' +
  'line-height:20px;cursor:pointer;transition:opacity 120ms';

const ownControl = (message: Element) => message.querySelector<HTMLElement>(`:scope > ${CONTROL_SELECTOR}`);

/**
 * Nobody has seen the markup of Cliq's hover menu, so the control sits in the message itself, floated to its
 * top corner, styled inline (the page's styles and its class names are no concern of ours).
 */
function addControl(reader: MessageReader, message: Element, pinned: ReadonlySet<string>): void {
  const id = messageIdIn(reader, message);
  if (!id || ownControl(message) || !isMessage(reader, message)) return;
  const control = document.createElement('button');
  control.type = 'button';
  control.setAttribute(OWN_NODE_ATTRIBUTE, CONTROL);
  control.textContent = '📌';
  // One declaration block, parsed once: thousands of messages get one each.
  control.style.cssText = CONTROL_STYLE;
  showState(control, pinned.has(id));
  message.prepend(control);
}

/**
 * The open chat's messages: a pin control in each message (new messages get theirs in per-frame batches),
 * showing whether the message is pinned; one delegated click listener opens the pin dialog.
 */
function attach(env: FeatureEnv, list: Element, reader: MessageReader, signal: AbortSignal): void {
  // The chat view belongs to the same render as the messages; the URL may already name the next chat.
  const chatId = shownChatId(env.location.chatId);
  if (!chatId) return;
  if (reader.source === 'fallback') tellFallbackOnce();
  let pinned: ReadonlySet<string> = new Set();
  // Controls go with the feature (navigation, extension update): none is left in the page without its listener.
  signal.addEventListener(
    'abort',
    () => {
      for (const control of list.querySelectorAll(CONTROL_SELECTOR)) control.remove();
    },
    { once: true },
  );

  observeAdded(list, reader.candidates, {
    schedule: env.schedule,
    signal,
    includeExisting: true,
    maxPerFrame: MESSAGES_PER_FRAME,
    onAdded: env.guard((messages: Element[]) => {
      for (const message of messages) addControl(reader, message, pinned);
    }),
  });

  let near: HTMLElement | null = null;
  const approach = env.guard((event: Event) => {
    const message = messageOf(reader, event.target);
    const control = message && ownControl(message);
    if (control === near) return;
    if (near) showState(near, near.getAttribute('aria-pressed') === 'true');
    near = control;
    if (near) showState(near, near.getAttribute('aria-pressed') === 'true', true);
  });
  list.addEventListener('mouseover', approach, { signal, passive: true });
  list.addEventListener('focusin', approach, { signal });
  list.addEventListener('mouseleave', approach, { signal, passive: true });

  follow({
    lists: [`pins:${chatId}`],
    load: () => ask('getChatPins', { chatId }),
    signal,
    onData: env.guard(({ pins }) => {
      const before = pinned;
      pinned = new Set(pins.map((pin) => pin.messageId));
      // Only messages whose state changed are looked up: never a walk over every message.
      for (const id of new Set([...before, ...pinned])) {
        if (before.has(id) === pinned.has(id)) continue;
        const message = findMessage(reader, list, id);
        const control = message && ownControl(message);
        if (control) showState(control, pinned.has(id), control === near);
      }
    }),
    onError: () => undefined,
  });

  list.addEventListener(
    'click',
    env.guard(async (event: Event) => {
      const control = event.target instanceof Element ? event.target.closest(CONTROL_SELECTOR) : null;
      const message = messageOf(reader, control);
      const messageId = message && messageIdIn(reader, message);
      if (!control || !message || !messageId) return;
      // The click is ours: the page's own message handlers should not also act on it.
      event.stopPropagation();
      event.preventDefault();
      if (!event.isTrusted) return;
      const dialog = await pinDialogFor(env);
      dialog.open({ chatId, messageId, preview: messagePreview(reader, message) }, message, control as HTMLElement);
    }),
    { capture: true, signal },
  );
}

let toldFallback = false;
function tellFallbackOnce(): void {
  if (toldFallback) return;
  toldFallback = true;
  console.info(
    "Cliq Pins: this page's messages are not where lib/page/selectors.ts expects them; recognising them by their id attributes instead (fallback).",
  );
}

export const pinMessage: PageFeature = {
  name: 'pin-message',
  scope: 'chat',
  start(env) {
    let reader: MessageReader | undefined;
    env.track(
      'messages',
      () => {
        const found = findMessages();
        reader = found?.reader;
        return found?.root ?? null;
      },
      (root, signal) => reader && attach(env, root, reader, signal),
    );
  },
};
