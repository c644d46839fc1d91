// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  currentMessage,
  fallbackReader,
  findMessage,
  findMessages,
  isOwnMessage,
  type MessageReader,
  messageIdIn,
  messageIdShape,
  messageOf,
  messagePreview,
} from '../../../lib/page/messages';
import {
  chatIdShape,
  chatItemOf,
  chatOfItem,
  findChatHeader,
  findChatHeaderFor,
  findChatList,
  headerActionsOf,
  headerChat,
  type PagePart,
  pageChatId,
  SELECTORS,
  shownChatId,
} from '../../../lib/page/selectors';
import { CHAT, EVIDENCE, MESSAGE_IDS, scrambleClasses } from './evidence';

/** Elements a part matches, looked up inside every element of the part it sits `within`, as features do. */
function matches(part: PagePart): Element[] {
  const spec: { css: string; within?: string } = SELECTORS[part];
  const parents = spec.within ? matches(spec.within as PagePart) : [document.documentElement];
  return parents.flatMap((parent) => [...parent.querySelectorAll(spec.css)]);
}

function messagesOnPage(fallback = false): { reader: MessageReader; messages: Element[] } {
  const found = findMessages();
  if (!found) throw new Error('no messages recognised');
  const { root } = found;
  const reader = fallback ? (fallbackReader(root) as MessageReader) : found.reader;
  const messages = [...root.querySelectorAll(reader.candidates)].filter((el) => messageOf(reader, el) === el);
  return { reader, messages };
}

describe('every selector against the evidence fixture', () => {
  beforeEach(() => {
    document.body.innerHTML = EVIDENCE;
  });
  const expected: Record<PagePart, number> = {
    chatView: 1,
    message: 6,
    messageBody: 7,
    messageSender: 5,
    quotedReply: 1,
    chatList: 1,
    chatItem: 3,
    chatItemTitle: 3,
    chatHeader: 1,
    chatHeaderTitle: 1,
    chatHeaderActions: 1,
  };
  it.each(Object.keys(SELECTORS) as PagePart[])('%s finds its elements', (part) => {
    expect(matches(part)).toHaveLength(expected[part]);
  });
});

describe('messages on the evidence markup', () => {
  beforeEach(() => {
    document.body.innerHTML = EVIDENCE;
  });

  it('finds every message by the selectors, and neither date dividers nor quoted replies', () => {
    const { reader, messages } = messagesOnPage();
    expect(reader.source).toBe('selector');
    expect(messages.map((m) => messageIdIn(reader, m))).toEqual(MESSAGE_IDS);
    expect(messages.some((m) => m.getAttribute('purpose') === 'date' || m.closest('blockquote'))).toBe(false);
    const divider = document.querySelector('[purpose=date]') as Element;
    expect(messageOf(reader, divider)).toBeNull();
    // A click in a quoted reply belongs to the message that quotes, not to the quoted one.
    const quote = document.querySelector('blockquote p') as Element;
    expect(messageIdIn(reader, messageOf(reader, quote) as Element)).toBe(MESSAGE_IDS[2]);
  });

  it('writes ids with _ however the page spells them (%20, space, _), and finds them back', () => {
    const { reader } = messagesOnPage();
    expect(messageIdShape('1675428007330%202281018395736')).toBe('1675428007330_2281018395736');
    expect(messageIdShape('1675428007330 2281018395736')).toBe('1675428007330_2281018395736');
    expect(messageIdShape('1.675428007330E12')).toBeUndefined();
    expect(messageIdShape('CT_2231796882690347967_654200107')).toBeUndefined();
    const root = document.body;
    for (const id of MESSAGE_IDS) expect(messageIdIn(reader, findMessage(reader, root, id) as Element)).toBe(id);
    // The divider before the first message carries the same msguid: the message is found, not the divider.
    expect(findMessage(reader, root, MESSAGE_IDS[0] as string)?.hasAttribute('msg-cont')).toBe(true);
    expect(findMessage(reader, root, '"]<script>')).toBeNull();
  });

  it("takes the sender from the run's first message, text from .zcmsgcnt (as text), never from a quote", () => {
    const { reader, messages } = messagesOnPage();
    const previews = messages.map((m) => messagePreview(reader, m));
    expect(previews).toEqual([
      { text: 'Deploy window is Thursday 3pm.', senderName: 'Hannah Schmidt' },
      // No sender of its own: the first message of Hannah's run says who.
      { text: '<img src=x onerror="window.__pwned=true">', senderName: 'Hannah Schmidt' },
      // Its own sender, not the quoted one; its own text, not the quote's.
      { text: 'Works for me.', senderName: 'Alex Morgan' },
      { text: 'npm run deploy -- --prod', senderName: 'Alex Morgan' },
      { text: 'Rolling back', senderName: 'Omar Haddad' },
      { text: 'done, all green', senderName: 'Omar Haddad' },
    ]);
    expect(messages.map(isOwnMessage)).toEqual([false, false, true, true, false, false]);
    expect(document.querySelector('img[src=x]')).toBeNull();
  });

  it('takes the focused message, and none when focus is elsewhere', () => {
    const { reader } = messagesOnPage();
    expect(currentMessage(reader)).toBeNull();
    document.querySelector<HTMLButtonElement>('[msguid="1772440800000%20375412769226"] button')?.focus();
    expect(messageIdIn(reader, currentMessage(reader) as Element)).toBe(MESSAGE_IDS[2]);
  });
});

describe('the open chat on the evidence markup', () => {
  beforeEach(() => {
    document.body.innerHTML = EVIDENCE;
  });

  it("reads the chat from the chat view's id, before the URL", () => {
    expect(pageChatId()).toBe(CHAT);
    expect(shownChatId(undefined)).toBe(CHAT);
    expect(shownChatId('CT_from_url')).toBe(CHAT);
  });

  it("falls back to the messages' chid, and never to text", () => {
    document.querySelector('section')?.removeAttribute('id');
    expect(pageChatId()).toBe(CHAT);
    document.body.innerHTML = '<section class="currentchat" purpose="chatview"><h1>CT_1_2</h1></section>';
    expect(pageChatId()).toBeUndefined();
    expect(shownChatId('CT_from_url')).toBe('CT_from_url');
  });

  it.each([
    'CT_2231796882690347967_654200107',
    'CT_2231796882690347967_654200107-B1',
    'CT_2231796882690347967_654200107-PC',
    'CT_2231796882690347968_654200107-T-1720154931280',
    '1488288613043522033',
  ])('accepts the chat id shape %s', (id) => {
    expect(chatIdShape(id)).toBe(id);
  });

  it.each(['', 'Security Drills', 'CT_1_x"><img>', 'javascript:alert(1)', '12'])('refuses %j as a chat id', (id) => {
    expect(chatIdShape(id)).toBeUndefined();
  });

  it('reads the chat list and the header (invented markup in Cliq’s convention)', () => {
    expect(findChatList()).not.toBeNull();
    const item = chatItemOf(document.querySelector('[chid="1488288613043522033"] span'));
    expect(item && chatOfItem(item)).toEqual({ chatId: '1488288613043522033', name: 'Hannah Schmidt' });
    // A message carries a chid too; it is not a chat of the list.
    expect(chatItemOf(document.querySelector('[msg-cont]'))).toBeNull();
    const header = findChatHeader();
    expect(header && headerChat(header)).toEqual({ chatId: CHAT, name: 'Security Drills' });
    expect(header && headerActionsOf(header)?.children).toHaveLength(2);
    expect(findChatHeaderFor(CHAT)).toBe(header);
    expect(findChatHeaderFor('1488288613043522033')).toBeNull();
  });
});

describe('the same page with every class renamed (the fallback)', () => {
  beforeEach(() => {
    document.body.innerHTML = EVIDENCE;
    scrambleClasses();
  });

  it('finds exactly the same messages by their id-shaped attributes', () => {
    // The selectors name no class for messages, so they still work; the fallback must agree with them.
    expect(messagesOnPage().messages.map((m) => m.getAttribute('msguid'))).toHaveLength(MESSAGE_IDS.length);
    const { reader, messages } = messagesOnPage(true);
    expect(reader.source).toBe('fallback');
    expect(reader.idAttributes).toContain('msguid');
    expect(messages.map((m) => messageIdIn(reader, m))).toEqual(MESSAGE_IDS);
    expect(findMessage(reader, document.body, MESSAGE_IDS[0] as string)?.hasAttribute('msg-cont')).toBe(true);
    expect(messageOf(reader, document.querySelector('[purpose=date]'))).toBeNull();
    const quote = document.querySelector('blockquote p') as Element;
    expect(messageIdIn(reader, messageOf(reader, quote) as Element)).toBe(MESSAGE_IDS[2]);
  });

  it('takes over by itself when the marker attribute is gone too, and still reads chat, senders and texts', () => {
    for (const message of document.querySelectorAll('[msg-cont]')) message.removeAttribute('msg-cont');
    const { reader, messages } = messagesOnPage();
    expect(reader.source).toBe('fallback');
    expect(messages.map((m) => messageIdIn(reader, m))).toEqual(MESSAGE_IDS);
    expect(pageChatId()).toBe(CHAT);
    expect(messagePreview(reader, messages[1] as Element)).toEqual({
      text: '<img src=x onerror="window.__pwned=true">',
      senderName: 'Hannah Schmidt',
    });
    expect(messagePreview(reader, messages[2] as Element)).toEqual({
      text: 'Works for me.',
      senderName: 'Alex Morgan',
    });
  });

  it('recognises nothing on a page without id-shaped attributes', () => {
    document.body.innerHTML = '<div data-x="1772440500000">x</div><p title="1772440500000_1 and more">y</p>';
    expect(findMessages()).toBeNull();
  });
});
