import { t } from '../../../lib/i18n';
import { ask, follow } from '../../../lib/page/background';
import type { FeatureEnv, PageFeature } from '../../../lib/page/features';
import { observeAdded } from '../../../lib/page/observe';
import {
  findMessage,
  findMessageList,
  messageActionsOf,
  messageIdOf,
  messageOf,
  messagePreview,
  messageSelector,
  OWN_NODE_ATTRIBUTE,
  shownChatId,
} from '../../../lib/page/selectors';
import { pinDialogFor } from '../ui/pin-dialog-host';

const CONTROL = 'pin-control';
const CONTROL_SELECTOR = `[${OWN_NODE_ATTRIBUTE}="${CONTROL}"]`;
/** Thousands of messages are given their control a few hundred per frame. */
const MESSAGES_PER_FRAME = 300;

/** `undefined`: the chat's pins could not be read, so the control does not claim either state. */
function showState(control: Element, pinned: boolean | undefined): void {
  const label = pinned === undefined ? t('pagePinStateUnknown') : pinned ? t('pageEditPin') : t('pagePinMessage');
  if (pinned === undefined) control.removeAttribute('aria-pressed');
  else control.setAttribute('aria-pressed', String(pinned));
  control.setAttribute('aria-label', label);
  control.setAttribute('title', label);
}

/** The chat's pinned message ids, or null when reading them failed. */
type Pinned = ReadonlySet<string> | null;

const stateOf = (pinned: Pinned, id: string) => (pinned ? pinned.has(id) : undefined);

function addControl(message: Element, pinned: Pinned): void {
  const actions = messageActionsOf(message);
  const id = messageIdOf(message);
  if (!actions || !id || actions.querySelector(CONTROL_SELECTOR)) return;
  const control = document.createElement('button');
  control.type = 'button';
  control.setAttribute(OWN_NODE_ATTRIBUTE, CONTROL);
  control.textContent = '📌';
  showState(control, stateOf(pinned, id));
  actions.append(control);
}

/**
 * One list of messages: a pin control in each message's hover actions (new messages get theirs in per-frame
 * batches), showing whether the message is pinned; one delegated click listener opens the pin dialog.
 */
function attach(env: FeatureEnv, list: Element, signal: AbortSignal): void {
  // The header belongs to the same render as the list; the URL may already name the next chat.
  const chatId = shownChatId(env.location.chatId);
  if (!chatId) return;
  let pinned: Pinned = new Set();
  // Controls go with the feature (navigation, extension update): none is left in the page without its listener.
  signal.addEventListener(
    'abort',
    () => {
      for (const control of list.querySelectorAll(CONTROL_SELECTOR)) control.remove();
    },
    { once: true },
  );

  observeAdded(list, messageSelector(), {
    schedule: env.schedule,
    signal,
    includeExisting: true,
    maxPerFrame: MESSAGES_PER_FRAME,
    onAdded: env.guard((messages: Element[]) => {
      for (const message of messages) addControl(message, pinned);
    }),
  });

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
        for (const control of list.querySelectorAll(CONTROL_SELECTOR)) {
          const id = messageIdOf(messageOf(control) ?? control);
          if (id) showState(control, now.has(id));
        }
        return;
      }
      // Only messages whose state changed are looked up: never a walk over every message.
      for (const id of new Set([...before, ...now])) {
        if (before.has(id) === now.has(id)) continue;
        const control = findMessage(list, id)?.querySelector(CONTROL_SELECTOR);
        if (control) showState(control, now.has(id));
      }
    }),
    // A failed read must not show pinned messages as unpinned: the controls stop claiming either state.
    onError: env.guard(() => {
      pinned = null;
      for (const control of list.querySelectorAll(CONTROL_SELECTOR)) showState(control, undefined);
    }),
  });

  list.addEventListener(
    'click',
    env.guard(async (event: Event) => {
      const control = event.target instanceof Element ? event.target.closest(CONTROL_SELECTOR) : null;
      const message = messageOf(control);
      const messageId = message && messageIdOf(message);
      if (!control || !message || !messageId) return;
      // The click is ours: the page's own message handlers should not also act on it.
      event.stopPropagation();
      event.preventDefault();
      if (!event.isTrusted) return;
      const dialog = await pinDialogFor(env);
      dialog.open({ chatId, messageId, preview: messagePreview(message) }, message, control as HTMLElement);
    }),
    { capture: true, signal },
  );
}

export const pinMessage: PageFeature = {
  name: 'pin-message',
  scope: 'chat',
  start(env) {
    env.track(
      'message list',
      () => findMessageList(),
      (list, signal) => attach(env, list, signal),
    );
  },
};
