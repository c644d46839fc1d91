import { ask, follow } from '../../../lib/page/background';
import type { FeatureEnv, PageFeature } from '../../../lib/page/features';
import { messageIndex } from '../../../lib/page/message-index';
import {
  findMessages,
  isMessage,
  type MessageReader,
  messageBody,
  messageIdIn,
  messageOf,
  messagePreview,
} from '../../../lib/page/messages';
import { observeAdded } from '../../../lib/page/observe';
import { pageChatId, shownChatId } from '../../../lib/page/selectors';
import { pinDialogFor } from '../ui/pin-dialog-host';
import {
  describe,
  FOCUS_RING,
  nameFor,
  newControl,
  newMarker,
  PINNED_COLOUR,
  type Pinned,
  type State,
} from './pin-control-parts';

/** New messages are indexed in slices of this many ms, then the page gets the frame back. */
const SLICE_MS = 5;

/** The next message up or down from `message` among its siblings (messages sit side by side, dividers between). */
function neighbour(reader: MessageReader, message: Element, up: boolean): Element | null {
  for (let at = up ? message.previousElementSibling : message.nextElementSibling; at; ) {
    if (isMessage(reader, at)) return at;
    at = up ? at.previousElementSibling : at.nextElementSibling;
  }
  return null;
}

/**
 * The open chat's messages: pinned ones wear a marker; one pin control follows the pointer and the keyboard (it
 * sits in the message it serves, in the tab order; ↑/↓ move it between messages) and opens the pin dialog.
 */
function attach(env: FeatureEnv, list: Element, reader: MessageReader, signal: AbortSignal): void {
  // The chat view belongs to the same render as the messages; the URL may already name the next chat.
  const chatId = shownChatId(env.location.chatId);
  if (!chatId) return;
  if (reader.source === 'fallback') tellFallbackOnce();
  const index = messageIndex(reader, list);
  const markers = new Map<string, Element>();
  const control = newControl();
  let pinned: Pinned = new Set();
  /** The message holding the control, its id, and the message that arrived last (the control's home by default). */
  let at: { message: Element; id: string; name?: string } | undefined;
  let latest: Element | undefined;
  let pointerNear = false;
  /** The control has the keyboard's focus (not a click's): the pointer leaves it where it is. */
  let keyboardFocus = false;
  /** The dialog was opened by a click: the focus it gives back on closing is not the keyboard's. */
  let openedByPointer = false;

  // Marks and the control go with the feature (navigation, extension update): nothing is left without its listener.
  signal.addEventListener(
    'abort',
    () => {
      control.remove();
      for (const marker of markers.values()) marker.remove();
      for (const message of anchored) message.style.position = '';
    },
    { once: true },
  );

  const stateOf = (id: string): State => (pinned ? pinned.has(id) : undefined);

  function paint(): void {
    if (!at) return;
    const state = stateOf(at.id);
    at.name ??= describe(reader, at.message);
    control.setAttribute('aria-label', nameFor(state, at.name));
    control.title = nameFor(state, '');
    control.firstElementChild?.setAttribute('fill', state ? 'currentColor' : 'none');
    control.style.color = state ? PINNED_COLOUR : 'inherit';
    const shown = pointerNear || document.activeElement === control;
    if (shown) anchor(at.message);
    control.style.opacity = shown ? '1' : '0';
  }

  /** The control's corner is its message's: a message not positioned by the page is made the containing block. */
  const anchored = new Set<HTMLElement>();
  function anchor(message: Element): void {
    if (!(message instanceof HTMLElement) || anchored.has(message)) return;
    if (getComputedStyle(message).position !== 'static') return;
    message.style.position = 'relative';
    anchored.add(message);
  }

  function place(message: Element): void {
    const id = messageIdIn(reader, message);
    if (!id || at?.message === message) return;
    at = { message, id };
    message.prepend(control);
  }

  function setMarker(id: string, on: boolean): void {
    const marker = markers.get(id);
    if (!on || !marker?.isConnected) {
      marker?.remove();
      markers.delete(id);
    }
    if (!on || markers.has(id)) return;
    const message = index.get(id);
    if (!message) return;
    const added = newMarker();
    (messageBody(reader, message) ?? message).append(added);
    markers.set(id, added);
  }

  observeAdded(list, reader.candidates, {
    schedule: env.schedule,
    signal,
    includeExisting: true,
    sliceMs: SLICE_MS,
    onAdded: env.guard((elements: Element[]) => {
      const ids = index.add(elements);
      ids.forEach((id, i) => {
        if (!id) return;
        latest = elements[i];
        if (pinned?.has(id)) setMarker(id, true);
      });
      if (!control.isConnected) home();
    }),
  });

  /** A marker the page threw out is put back; a control whose message went, in the message that arrived last. */
  function home(): void {
    // The page may re-render a message's text, and its marker with it.
    for (const [id, marker] of markers) if (!marker.isConnected) setMarker(id, true);
    if (control.isConnected || !latest?.isConnected) return;
    const message = isMessage(reader, latest) ? latest : messageOf(reader, latest);
    if (!message) return;
    place(message);
    paint();
  }
  env.onPageChange(home);

  const approach = env.guard((event: Event) => {
    if (event.type === 'mouseleave') pointerNear = false;
    else if (event.type === 'mouseover') {
      pointerNear = true;
      const message = messageOf(reader, event.target);
      // A keyboard user's control stays where they are: moving a focused element would drop its focus.
      if (message && !keyboardFocus) place(message);
    } else if (event.type === 'focusin' && event.target !== control) {
      const message = messageOf(reader, event.target);
      if (message) place(message);
    }
    paint();
  });
  list.addEventListener('mouseover', approach, { signal, passive: true });
  list.addEventListener('mouseleave', approach, { signal, passive: true });
  list.addEventListener('focusin', approach, { signal });
  // Guarded like every page listener: once the extension is updated, painting (its labels) would throw into the page.
  control.addEventListener(
    'focus',
    env.guard(() => {
      // Keys pressed inside a dialog opened by a click make the returned focus look like the keyboard's; it is not,
      // and the control must go on following the pointer.
      keyboardFocus = !openedByPointer && control.matches(':focus-visible');
      openedByPointer = false;
      control.style.outline = keyboardFocus ? FOCUS_RING : '';
      paint();
    }),
    { signal },
  );
  control.addEventListener(
    'blur',
    env.guard(() => {
      keyboardFocus = false;
      control.style.outline = '';
      // Focus may move into the dialog, which needs the control where it is to return to.
      paint();
    }),
    { signal },
  );
  control.addEventListener(
    'keydown',
    env.guard((event: KeyboardEvent) => {
      if (!at || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
      // Cliq's own arrow keys scroll the list: on the control they move it instead.
      event.preventDefault();
      event.stopPropagation();
      const next = neighbour(reader, at.message, event.key === 'ArrowUp');
      if (!next) return;
      place(next);
      control.focus();
      // Moving it blurred it; the focus given back is the keyboard's whatever the browser's heuristics say.
      keyboardFocus = true;
      control.style.outline = FOCUS_RING;
      control.scrollIntoView({ block: 'nearest' });
      paint();
    }),
  );

  follow({
    lists: [`pins:${chatId}`],
    load: () => ask('getChatPins', { chatId }),
    signal,
    onData: env.guard(({ pins }) => {
      const before = pinned ?? new Set<string>();
      const now = new Set(pins.map((pin) => pin.messageId));
      pinned = now;
      // Only messages whose state changed are looked up, each through the index: never a walk over every message.
      for (const id of new Set([...before, ...now])) if (before.has(id) !== now.has(id)) setMarker(id, now.has(id));
      paint();
    }),
    // A failed read must not show pinned messages as unpinned, nor stale ones as pinned: no marks, "could not check".
    onError: env.guard(() => {
      pinned = null;
      for (const id of [...markers.keys()]) setMarker(id, false);
      paint();
    }),
  });

  list.addEventListener(
    'click',
    env.guard(async (event: Event) => {
      if (!at || !(event.target instanceof Node) || !control.contains(event.target)) return;
      // The click is ours: the page's own message handlers should not also act on it.
      event.stopPropagation();
      event.preventDefault();
      if (!event.isTrusted) return;
      openedByPointer = (event as MouseEvent).detail > 0;
      const { message, id } = at;
      const dialog = await pinDialogFor(env);
      dialog.open({ chatId, messageId: id, preview: messagePreview(reader, message) }, message, control);
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
        // The URL names the next chat before the page shows it: until then these messages are another chat's.
        const shown = pageChatId();
        if (shown && shown !== env.location.chatId) return null;
        const found = findMessages();
        reader = found?.reader;
        return found?.root ?? null;
      },
      (root, signal) => reader && attach(env, root, reader, signal),
    );
  },
};
