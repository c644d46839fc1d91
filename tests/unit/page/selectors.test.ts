// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  chatItemOf,
  chatOfItem,
  currentMessage,
  findChatHeader,
  findChatHeaderFor,
  findChatList,
  findMessage,
  findMessageList,
  headerActionsOf,
  headerChat,
  messageActionsOf,
  messageIdOf,
  messageOf,
  messagePreview,
  type PagePart,
  SELECTORS,
  shownChatId,
} from '../../../lib/page/selectors';

const fixture = (name: string) => readFileSync(`tests/unit/page/fixtures/${name}`, 'utf8');
const V1 = fixture('cliq-v1.html');
const V2 = fixture('cliq-v2.html');

/** Elements a part matches, looked up inside every element of the part it sits `within`, as features do. */
function matches(part: PagePart): Element[] {
  const spec: { css: string; within?: string } = SELECTORS[part];
  const parents = spec.within ? matches(spec.within as PagePart) : [document.documentElement];
  return parents.flatMap((parent) => [...parent.querySelectorAll(spec.css)]);
}

const PARTS = Object.keys(SELECTORS) as PagePart[];

describe('every selector against the Cliq page fixtures', () => {
  describe('markup v1 (the page Cliq Pins knows)', () => {
    beforeEach(() => {
      document.body.innerHTML = V1;
    });
    const expected: Record<PagePart, number> = {
      chatList: 1,
      chatItem: 3,
      chatItemTitle: 3,
      chatHeader: 1,
      chatHeaderTitle: 1,
      chatHeaderActions: 1,
      messageList: 1,
      message: 3,
      messageSender: 3,
      messageText: 3,
      messageActions: 3,
    };
    it.each(PARTS)('%s finds its elements', (part) => {
      expect(matches(part)).toHaveLength(expected[part]);
    });
  });

  describe('markup v2 (changed class names: how "Cliq changed its markup" looks)', () => {
    beforeEach(() => {
      document.body.innerHTML = V2;
    });
    it.each(PARTS)('%s finds nothing, so features that need it stay off', (part) => {
      expect(matches(part)).toHaveLength(0);
    });
    it('leaves every reader empty-handed instead of throwing', () => {
      expect(findChatList()).toBeNull();
      expect(findChatHeader()).toBeNull();
      expect(findMessageList()).toBeNull();
      expect(currentMessage()).toBeNull();
      expect(shownChatId('CT_from_url')).toBe('CT_from_url');
      expect(chatItemOf(document.querySelector('.zc-conv'))).toBeNull();
      expect(messageOf(document.querySelector('.zc-bubble'))).toBeNull();
    });
  });
});

describe('readers on markup v1', () => {
  beforeEach(() => {
    document.body.innerHTML = V1;
  });

  it('reads chats from the sidebar and the header', () => {
    const item = chatItemOf(document.querySelector('[data-chat-id="CT_1002_700012345"] .chat-title'));
    expect(item && chatOfItem(item)).toEqual({ chatId: 'CT_1002_700012345', name: 'Hannah Schmidt' });
    const header = findChatHeader();
    expect(header && headerChat(header)).toEqual({ chatId: 'CT_1001_700012345', name: 'Security Drills' });
    expect(header && headerActionsOf(header)?.children).toHaveLength(3);
    expect(findChatHeaderFor('CT_1001_700012345')).toBe(header);
    // While the page still shows the previous chat, its header is not this chat's.
    expect(findChatHeaderFor('CT_1002_700012345')).toBeNull();
    expect(shownChatId('CT_from_url')).toBe('CT_1001_700012345');
  });

  it('reads messages: ids with _, text as text, whitespace collapsed', () => {
    const list = findMessageList();
    expect(list).not.toBeNull();
    const messages = [...(list as Element).querySelectorAll(SELECTORS.message.css)];
    expect(messages.map(messageIdOf)).toEqual([
      '1772440500000_375412769224',
      '1772440800000_375412769225',
      '1772441100000_375412769226',
    ]);
    expect(messagePreview(messages[0] as Element)).toEqual({
      text: 'Deploy window is Thursday 3pm.',
      senderName: 'Hannah Schmidt',
    });
    expect(messagePreview(messages[1] as Element).text).toBe('<img src=x onerror="window.__pwned=true">');
    expect(messages[1]?.querySelector('img')).toBeNull();
    expect(messageActionsOf(messages[0] as Element)?.querySelectorAll('button')).toHaveLength(3);
  });

  it('finds a message by id whichever way the page spells it', () => {
    const list = findMessageList() as Element;
    expect(findMessage(list, '1772440500000_375412769224')?.getAttribute('data-sender-id')).toBe('61000002');
    expect(findMessage(list, '1772441100000_375412769226')?.getAttribute('data-sender-id')).toBe('61000003');
    expect(findMessage(list, '"]<script>')).toBeNull();
  });

  it('takes the focused message first, and no message when focus is elsewhere', () => {
    expect(currentMessage()).toBeNull();
    const reply = document.querySelector<HTMLButtonElement>('[data-message-id^="1772440800000"] button');
    reply?.focus();
    expect(currentMessage() && messageIdOf(currentMessage() as Element)).toBe('1772440800000_375412769225');
  });
});
