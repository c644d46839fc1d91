import { t } from '../../../lib/i18n';
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
import { OWN_NODE_ATTRIBUTE, pageChatId, shownChatId } from '../../../lib/page/selectors';
import { pinDialogFor } from '../ui/pin-dialog-host';

const CONTROL = 'pin-control';
const MARKER = 'pin-marker';
/** New messages are indexed in slices of this many ms, then the page gets the frame back. */
const SLICE_MS = 8;
/** Readable on Cliq's light and dark backgrounds; the jump highlight uses the same amber. */
const PINNED_COLOUR = '#d36b00';
const NAME_LENGTH = 60;
const FOCUS_RING = '2px solid #1a73e8';

/** Whether a message is pinned; `undefined`: the chat's pins could not be read, so neither is claimed. */
type State = boolean | undefined;
/** The chat's pinned message ids, or null when reading them failed. */
type Pinned = ReadonlySet<string> | null;

const SVG = 'http://www.w3.org/2000/svg';
const PIN_PATH = 'M5.5 1.5h5v1.2l-1 .8v3.2l2.5 2.6v1.4H8.7v4.3L8 16l-.7-1v-4.3H4V9.3l2.5-2.6V3.5l-1-.8z';

/** A push pin drawn as SVG (never markup from a string): filled for pinned, outlined otherwise. */
function pinIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [name, value] of [
    ['viewBox', '0 0 16 16'],
    ['width', '14'],
    ['height', '14'],
    ['aria-hidden', 'true'],
    ['stroke', 'currentColor'],
    ['stroke-width', '1.2'],
    ['stroke-linejoin', 'round'],
  ])
    svg.setAttribute(name as string, value as string);
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', PIN_PATH);
  svg.append(path);
  return svg;
}

let markerTemplate: HTMLElement | undefined;
/**
 * The mark a pinned message wears without hover, inline after its text: in the flow, so it moves nothing of the
 * page's layout (a float or a corner badge would collide with Cliq's own row layout). Built once, then cloned.
 */
function newMarker(): HTMLElement {
  if (!markerTemplate) {
    const marker = document.createElement('span');
    marker.setAttribute(OWN_NODE_ATTRIBUTE, MARKER);
    marker.setAttribute('role', 'img');
    marker.setAttribute('aria-label', t('pageMarkerPinned'));
    marker.title = t('pageMarkerPinned');
    marker.style.cssText = `display:inline-block;margin-inline-start:6px;vertical-align:-2px;line-height:0;color:${PINNED_COLOUR}`;
    const icon = pinIcon();
    icon.setAttribute('fill', 'currentColor');
    marker.append(icon);
    markerTemplate = marker;
  }
  return markerTemplate.cloneNode(true) as HTMLElement;
}

/** The one pin control: it goes to the message under the pointer or the keyboard, so no message pays for one. */
function newControl(): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute(OWN_NODE_ATTRIBUTE, CONTROL);
  button.setAttribute('aria-haspopup', 'dialog');
  // Out of the flow, in the message's top corner: showing and hiding it never moves the page's text.
  button.style.cssText =
    'position:absolute;top:2px;inset-inline-end:6px;z-index:1;margin:0;padding:3px;line-height:0;border:0;' +
    'border-radius:4px;background:none;font:inherit;cursor:pointer;transition:opacity 120ms';
  button.append(pinIcon());
  return button;
}

/** "Hello team, the build is…": enough of a message to tell it from its neighbours in a control's name. */
function describe(reader: MessageReader, message: Element): string {
  const { text, senderName } = messagePreview(reader, message);
  const words = text.replace(/\s+/g, ' ').trim() || senderName || '';
  return words.length > NAME_LENGTH ? `${words.slice(0, NAME_LENGTH - 1)}…` : words;
}

function nameFor(state: State, what: string): string {
  if (state === undefined) return what ? t('pagePinStateUnknownNamed', what) : t('pagePinStateUnknown');
  if (state) return what ? t('pageEditPinNamed', what) : t('pageEditPin');
  return what ? t('pagePinMessageNamed', what) : t('pagePinMessage');
}

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
  control.addEventListener('focus', () => {
    // Keys pressed inside a dialog opened by a click make the returned focus look like the keyboard's; it is not,
    // and the control must go on following the pointer.
    keyboardFocus = !openedByPointer && control.matches(':focus-visible');
    openedByPointer = false;
    control.style.outline = keyboardFocus ? FOCUS_RING : '';
    paint();
  });
  control.addEventListener('blur', () => {
    keyboardFocus = false;
    control.style.outline = '';
    // Focus may move into the dialog, which needs the control where it is to return to.
    paint();
  });
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
