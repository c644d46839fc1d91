/**
 * Every place Cliq Pins reads the Cliq page's markup, and nowhere else.
 *
 * When Cliq changes its markup: open the page, find the element each entry describes, change the selector here,
 * update `tests/unit/page/fixtures/cliq-v1.html` to the new markup, and run `npx vitest run --project unit
 * tests/unit/page`. A feature whose selectors find nothing stays off and is named in one console warning;
 * nothing else breaks.
 *
 * Scoped entries (`within`) are looked up inside their parent's element only.
 */
export const SELECTORS = {
  /** The sidebar's list of chats. */
  chatList: { css: 'nav#chat-list' },
  /** One chat in the sidebar; `data-chat-id` holds its id. */
  chatItem: { css: 'a.chat-item[data-chat-id]', within: 'chatList' },
  chatItemTitle: { css: '.chat-title', within: 'chatItem' },
  /** The open chat's header; `data-chat-id` holds its id. */
  chatHeader: { css: 'header.chat-header[data-chat-id]' },
  chatHeaderTitle: { css: '.chat-title', within: 'chatHeader' },
  chatHeaderActions: { css: '.chat-header-actions', within: 'chatHeader' },
  /** The open chat's messages. */
  messageList: { css: '.message-list[role=log]' },
  /** One message; `data-message-id` holds its id. */
  message: { css: '.message[data-message-id]', within: 'messageList' },
  messageSender: { css: '.message-sender', within: 'message' },
  messageText: { css: '.message-text', within: 'message' },
  /** The buttons shown when a message is hovered. */
  messageActions: { css: '.message-actions', within: 'message' },
} as const satisfies Record<string, { css: string; within?: string }>;

export type PagePart = keyof typeof SELECTORS;

const ATTR = { chatId: 'data-chat-id', messageId: 'data-message-id' } as const;

const css = (part: PagePart) => SELECTORS[part].css;

/** Our own nodes in the page carry this attribute, so observers can skip them. */
export const OWN_NODE_ATTRIBUTE = 'data-cliq-pins';

function closest(target: EventTarget | null, part: PagePart): Element | null {
  return target instanceof Element ? target.closest(css(part)) : null;
}

function cleanText(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export const findChatList = (root: ParentNode = document) => root.querySelector(css('chatList'));
export const findChatHeader = (root: ParentNode = document) => root.querySelector(css('chatHeader'));
export const findMessageList = (root: ParentNode = document) => root.querySelector(css('messageList'));

export const chatItemOf = (target: EventTarget | null) => closest(target, 'chatItem');

export function chatOfItem(item: Element): { chatId: string; name: string } | null {
  const chatId = item.getAttribute(ATTR.chatId);
  return chatId ? { chatId, name: cleanText(item.querySelector(css('chatItemTitle')) ?? item) } : null;
}

export function headerChat(header: Element): { chatId: string; name: string } | null {
  const chatId = header.getAttribute(ATTR.chatId);
  return chatId ? { chatId, name: cleanText(header.querySelector(css('chatHeaderTitle'))) } : null;
}

export const headerActionsOf = (header: Element) => header.querySelector(css('chatHeaderActions'));

export const messageSelector = () => css('message');
export const messageOf = (target: EventTarget | null) => closest(target, 'message');
export const messageActionsOf = (message: Element) => message.querySelector(css('messageActions'));

/** Cliq writes the `_` of a message id as a space in some places; the extension always uses `_`. */
export function messageIdOf(message: Element): string | null {
  const raw = message.getAttribute(ATTR.messageId);
  return raw ? raw.replace(/%20| /g, '_') : null;
}

export function findMessage(root: ParentNode, messageId: string): Element | null {
  if (!/^[\w.:-]{1,100}$/.test(messageId)) return null;
  for (const spelling of new Set([messageId, messageId.replace('_', ' ')])) {
    const found = root.querySelector(`${css('message')}[${ATTR.messageId}="${CSS.escape(spelling)}"]`);
    if (found) return found;
  }
  return null;
}

/** What the page shows of a message, for the pin's preview before Cliq confirms it. Read as text, never HTML. */
export function messagePreview(message: Element): { text: string; senderName?: string } {
  const text = cleanText(message.querySelector(css('messageText'))).slice(0, 5000);
  const senderName = cleanText(message.querySelector(css('messageSender'))).slice(0, 255);
  return senderName ? { text, senderName } : { text };
}

/** The message a keyboard user is on, else the one under the mouse pointer (no listener needed for either). */
export function currentMessage(root: Document = document): Element | null {
  return messageOf(root.activeElement) ?? root.querySelector(`${css('message')}:hover`);
}

/** The chat whose messages the page shows: its header says; the URL (which changes first) is the fallback. */
export function shownChatId(urlChatId: string | undefined, root: ParentNode = document): string | undefined {
  const header = findChatHeader(root);
  return (header && headerChat(header)?.chatId) ?? urlChatId;
}

/** The header of this chat; null while the page still shows another chat's (the URL changes first). */
export function findChatHeaderFor(chatId: string, root: ParentNode = document): Element | null {
  const header = findChatHeader(root);
  return header && headerChat(header)?.chatId === chatId ? header : null;
}
