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

/** The three labels, read once: thousands of controls share them (one `i18n.getMessage` call each was per message). */
let labels: { unknown: string; pinned: string; unpinned: string } | undefined;
function labelFor(pinned: boolean | undefined): string {
  labels ??= { unknown: t('pagePinStateUnknown'), pinned: t('pageEditPin'), unpinned: t('pagePinMessage') };
  return pinned === undefined ? labels.unknown : pinned ? labels.pinned : labels.unpinned;
}

/**
 * A pinned message shows its pin; others show theirs while hovered or focused. `undefined`: the chat's pins could
 * not be read, so the control does not claim either state.
 */
function showState(control: HTMLElement, pinned: boolean | undefined, near = false): void {
  const label = labelFor(pinned);
  if (pinned === undefined) control.removeAttribute('aria-pressed');
  else control.setAttribute('aria-pressed', String(pinned));
  control.setAttribute('aria-label', label);
  control.setAttribute('title', label);
  control.style.opacity = pinned || near ? '1' : '0';
}

const CONTROL_STYLE =
  'float:inline-end;margin:0 0 0 6px;padding:0 4px;border:0;background:none;font:inherit;font-size:14px;' +
  'line-height:20px;cursor:pointer;transition:opacity 120ms';

let template: HTMLElement | undefined;
/**
 * A control for a message that is not pinned, the state of nearly every message: built, styled and labelled once,
 * then cloned, so thousands of messages cost one clone each rather than a style parse and a string of attributes.
 */
function newControl(): HTMLElement {
  if (!template) {
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute(OWN_NODE_ATTRIBUTE, CONTROL);
    button.textContent = '📌';
    button.style.cssText = CONTROL_STYLE;
    showState(button, false);
    template = button;
  }
  return template.cloneNode(true) as HTMLElement;
}

const ownControl = (message: Element) => message.querySelector<HTMLElement>(`:scope > ${CONTROL_SELECTOR}`);

/** The chat's pinned message ids, or null when reading them failed. */
type Pinned = ReadonlySet<string> | null;

const stateOf = (pinned: Pinned, id: string) => (pinned ? pinned.has(id) : undefined);
/** What a control shows now (undefined: it claims neither state). */
const shownState = (control: HTMLElement) =>
  control.hasAttribute('aria-pressed') ? control.getAttribute('aria-pressed') === 'true' : undefined;

/**
 * Nobody has seen the markup of Cliq's hover menu, so the control sits in the message itself, floated to its
 * top corner, styled inline (the page's styles and its class names are no concern of ours).
 */
function addControl(reader: MessageReader, message: Element, pinned: Pinned): void {
  const id = messageIdIn(reader, message);
  if (!id || ownControl(message) || !isMessage(reader, message)) return;
  const control = newControl();
  const state = stateOf(pinned, id);
  if (state !== false) showState(control, state);
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
  let pinned: Pinned = new Set();
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
    if (near) showState(near, shownState(near));
    near = control;
    if (near) showState(near, shownState(near), true);
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
      const now = new Set(pins.map((pin) => pin.messageId));
      pinned = now;
      if (before === null) {
        // After a failed read every control said "unknown": all of them get their state again.
        for (const control of list.querySelectorAll<HTMLElement>(CONTROL_SELECTOR)) {
          const message = messageOf(reader, control);
          const id = message && messageIdIn(reader, message);
          if (id) showState(control, now.has(id), control === near);
        }
        return;
      }
      // Only messages whose state changed are looked up: never a walk over every message.
      for (const id of new Set([...before, ...now])) {
        if (before.has(id) === now.has(id)) continue;
        const message = findMessage(reader, list, id);
        const control = message && ownControl(message);
        if (control) showState(control, now.has(id), control === near);
      }
    }),
    // A failed read must not show pinned messages as unpinned: the controls stop claiming either state.
    onError: env.guard(() => {
      pinned = null;
      for (const control of list.querySelectorAll<HTMLElement>(CONTROL_SELECTOR)) {
        showState(control, undefined, control === near);
      }
    }),
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
