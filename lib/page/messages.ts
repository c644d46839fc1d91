import { cleanText, css, findChatView, OWN_NODE_ATTRIBUTE } from './selectors';

/** A message id as the page writes it: `<13-digit epoch ms>`, then `_`, `%20` or a space, then digits. */
const MESSAGE_ID = /^\s*(\d{13})(?:_|%20| )(\d{1,25})\s*$/;

/** The id in the extension's spelling (`<ms>_<digits>`), or nothing when `value` is not one. */
export function messageIdShape(value: string | null | undefined): string | undefined {
  const match = value ? MESSAGE_ID.exec(value) : null;
  return match ? `${match[1]}_${match[2]}` : undefined;
}

/**
 * How messages are found on this page: by the selectors (`source: 'selector'`), or, when those match nothing,
 * by any attribute whose value has the message-id shape (`'fallback'`), which survives renamed classes.
 */
export interface MessageReader {
  source: 'selector' | 'fallback';
  /** Matches every message and possibly more (dividers, quotes): `isMessage` decides. */
  candidates: string;
  /** Attributes that carry a message's id. */
  idAttributes: readonly string[];
}

const SELECTOR_READER: MessageReader = { source: 'selector', candidates: css('message'), idAttributes: ['msguid'] };

/** Date dividers carry a message id too (`purpose="date"`); a separator role says the same in other markup. */
const isDivider = (element: Element) =>
  element.getAttribute('purpose') === 'date' || element.getAttribute('role') === 'separator';

export function messageIdIn(reader: MessageReader, element: Element): string | undefined {
  for (const name of reader.idAttributes) {
    const id = messageIdShape(element.getAttribute(name));
    if (id) return id;
  }
  return undefined;
}

/** A message, not a divider and not a quote or preview inside another message. */
export function isMessage(reader: MessageReader, element: Element): boolean {
  if (!element.matches(reader.candidates) || isDivider(element) || !messageIdIn(reader, element)) return false;
  for (
    let up = element.parentElement?.closest(reader.candidates);
    up;
    up = up.parentElement?.closest(reader.candidates)
  )
    if (!isDivider(up) && messageIdIn(reader, up)) return false;
  return true;
}

/** Elements looked at when learning the fallback: enough for any chat view, bounded on a huge page. */
const LEARN_LIMIT = 20_000;

/** Names of the attributes whose values have the message-id shape somewhere under `root`. */
function idCarryingAttributes(root: Element): string[] {
  const names = new Set<string>();
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let n = 0, node = walker.nextNode(); node && n < LEARN_LIMIT; n++, node = walker.nextNode()) {
    const element = node as Element;
    if (element.hasAttribute(OWN_NODE_ATTRIBUTE)) continue;
    for (const attribute of element.attributes)
      if (!names.has(attribute.name) && messageIdShape(attribute.value)) names.add(attribute.name);
  }
  return [...names];
}

let learned: MessageReader | undefined;

/** The fallback: messages recognised by attributes whose values have the message-id shape, whatever their names. */
export function fallbackReader(root: Element): MessageReader | undefined {
  const has = (reader: MessageReader) =>
    [...root.querySelectorAll(reader.candidates)].some((element) => isMessage(reader, element));
  if (learned && root.querySelector(learned.candidates) && has(learned)) return learned;
  const names = idCarryingAttributes(root);
  if (names.length === 0) return undefined;
  const reader: MessageReader = {
    source: 'fallback',
    candidates: names.map((name) => `[${CSS.escape(name)}]`).join(','),
    idAttributes: names,
  };
  if (!has(reader)) return undefined;
  learned = reader;
  return reader;
}

/** Where the open chat's messages are and how to read them; null while the page shows none. */
export function findMessages(doc: Document = document): { root: Element; reader: MessageReader } | null {
  const root = findChatView(doc) ?? doc.body;
  if (!root) return null;
  if (root.querySelector(SELECTOR_READER.candidates)) return { root, reader: SELECTOR_READER };
  const reader = fallbackReader(root);
  return reader ? { root, reader } : null;
}

/** The message `target` is in (the outer one when it is inside a quoted reply). */
export function messageOf(reader: MessageReader, target: EventTarget | null): Element | null {
  let element = target instanceof Element ? target.closest(reader.candidates) : null;
  while (element && !isMessage(reader, element)) element = element.parentElement?.closest(reader.candidates) ?? null;
  return element;
}

export function findMessage(reader: MessageReader, root: ParentNode, messageId: string): Element | null {
  const match = MESSAGE_ID.exec(messageId);
  if (!match) return null;
  for (const name of reader.idAttributes)
    for (const gap of ['%20', ' ', '_']) {
      const value = `${match[1]}${gap}${match[2]}`;
      for (const found of root.querySelectorAll(`[${CSS.escape(name)}="${value}"]`))
        if (isMessage(reader, found)) return found;
    }
  return null;
}

/** `mymsg="true"` marks your own messages. */
export const isOwnMessage = (message: Element) => message.getAttribute('mymsg') === 'true';

const outside = (reader: MessageReader, message: Element) => (element: Element) =>
  messageOf(reader, element) === message && !element.closest(css('quotedReply'));

/** The sender's name: the message's own, else that of the first message of its run (Cliq shows it only there). */
function senderName(reader: MessageReader, message: Element): string {
  const own = isOwnMessage(message);
  let at: Element | null = message;
  for (let step = 0; at && step < 500; step++, at = at.previousElementSibling) {
    if (!isMessage(reader, at)) continue;
    if (isOwnMessage(at) !== own) break;
    const name = [...at.querySelectorAll(css('messageSender'))].find(outside(reader, at));
    if (name) return cleanText(name);
  }
  return '';
}

/** The element holding a message's own text (not a quoted reply's), when the markup is known. */
export const messageBody = (reader: MessageReader, message: Element): Element | undefined =>
  [...message.querySelectorAll(css('messageBody'))].find(outside(reader, message));

/** What the page shows of a message, for the pin's preview before Cliq confirms it. Read as text, never HTML. */
export function messagePreview(reader: MessageReader, message: Element): { text: string; senderName?: string } {
  const body = messageBody(reader, message);
  const text = cleanText(body ?? textOutsideQuotes(reader, message)).slice(0, 5000);
  const sender = senderName(reader, message).slice(0, 255);
  return sender ? { text, senderName: sender } : { text };
}

/** Unknown markup: the message's own text, without quoted replies, nested messages or our own controls. */
function textOutsideQuotes(reader: MessageReader, message: Element): Element {
  const copy = message.cloneNode(true) as Element;
  const notText = `${reader.candidates},${css('quotedReply')},[${OWN_NODE_ATTRIBUTE}],button,time,[purpose=msgtime]`;
  for (const inner of copy.querySelectorAll(notText)) inner.remove();
  return copy;
}

/** The message a keyboard user is on, else the one under the mouse pointer (no listener needed for either). */
export function currentMessage(reader: MessageReader, root: Document = document): Element | null {
  const hovered = [...root.querySelectorAll(':hover')].reverse();
  return messageOf(reader, root.activeElement) ?? messageOf(reader, hovered[0] ?? null);
}
