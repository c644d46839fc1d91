/**
 * Every place Cliq Pins reads the Cliq page's markup, and nowhere else.
 *
 * Cliq's own scripts select by bare custom attributes (`msguid`, `chid`, `purpose=…`), so these do too; class
 * names are the least stable part of its markup. Each entry says how sure we are: **evidence** (public markup
 * of the live app, see the README's "The Cliq page") or **guess** (nothing public: built in Cliq's convention, and
 * everything that uses it has a home that does not need it, such as the corner dock).
 *
 * When Cliq changes its markup: ask the user for the page-structure report (options page, "Page check"), turn it
 * into a fixture (`scripts/report-to-fixture.ts`), change the entry here, and run
 * `npx vitest run --project unit tests/unit/page`.
 * When no message matches, `messages.ts` recognises messages by their id-shaped attributes instead.
 */
export const SELECTORS = {
  /** evidence: the open chat; its `id` is the chat id. */
  chatView: { css: 'section.currentchat[purpose=chatview]' },
  /** evidence: one message (`msguid="<ms>%20<id>"`, `chid`, `mymsg="true"` on your own); date dividers carry a `msguid` too. */
  message: { css: '[msguid][msg-cont]:not([purpose=date])' },
  /** evidence: the body (`.zcmsgcnt`, `postedchatid` seen on it); its `id` repeats on every message, so never by id. */
  messageBody: { css: '.zcmsgcnt, [postedchatid], pre[msgtype]' },
  /** evidence: the sender's name (`.sender span[elemtype=user][uid]`), on the first message of a run only. */
  messageSender: { css: '[elemtype=user][uid]:not(img)' },
  /** evidence: a quoted reply inside a message: its text is not the message's. */
  quotedReply: { css: 'blockquote.quotedmsgdiv, [purpose=viewreplied]' },
  /** guess: the sidebar's list of chats. */
  chatList: { css: '[purpose=chatlist]' },
  /** guess: one chat in the sidebar, carrying its id in `chid` as messages do. */
  chatItem: { css: '[chid]', within: 'chatList' },
  chatItemTitle: { css: '[purpose=chatname]', within: 'chatItem' },
  /** guess: the open chat's header, carrying its id in `chid`. */
  chatHeader: { css: '[purpose=chatheader][chid]' },
  chatHeaderTitle: { css: '[purpose=chattitle]', within: 'chatHeader' },
  chatHeaderActions: { css: '[purpose=hdractions]', within: 'chatHeader' },
} as const satisfies Record<string, { css: string; within?: string }>;

export type PagePart = keyof typeof SELECTORS;

export const css = (part: PagePart): string => SELECTORS[part].css;

/** Our own nodes in the page carry this attribute, so observers can skip them. */
export const OWN_NODE_ATTRIBUTE = 'data-cliq-pins';

/** Chat ids as Cliq writes them: `CT_<digits>_<digits>` with an optional `-B1`, `-PC`, `-T-…` suffix, or digits. */
const CHAT_ID = /^(?:CT_\d{1,25}_\d{1,25}(?:-[A-Za-z0-9]{1,30}){0,4}|\d{6,25})$/;

/** A chat id from the page, or nothing: whatever else an attribute holds is never passed on. */
export function chatIdShape(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && CHAT_ID.test(trimmed) ? trimmed : undefined;
}

export function cleanText(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export const findChatList = (root: ParentNode = document) => root.querySelector(css('chatList'));
export const findChatHeader = (root: ParentNode = document) => root.querySelector(css('chatHeader'));
export const findChatView = (root: ParentNode = document) => root.querySelector(css('chatView'));

export const chatItemOf = (target: EventTarget | null): Element | null => {
  const item = target instanceof Element ? target.closest(css('chatItem')) : null;
  return item && findChatList()?.contains(item) ? item : null;
};

export function chatOfItem(item: Element): { chatId: string; name: string } | null {
  const chatId = chatIdShape(item.getAttribute('chid'));
  return chatId ? { chatId, name: cleanText(item.querySelector(css('chatItemTitle')) ?? item) } : null;
}

export function headerChat(header: Element): { chatId: string; name: string } | null {
  const chatId = chatIdShape(header.getAttribute('chid'));
  return chatId ? { chatId, name: cleanText(header.querySelector(css('chatHeaderTitle'))) } : null;
}

export const headerActionsOf = (header: Element) => header.querySelector(css('chatHeaderActions'));

/**
 * The chat the page shows, from the page alone: the chat view's `id`, else the `chid` its messages carry.
 * Never from visible text.
 */
export function pageChatId(root: ParentNode = document): string | undefined {
  const view = findChatView(root) ?? root.querySelector('[purpose=chatview][id]');
  const fromView = chatIdShape(view?.id);
  if (fromView) return fromView;
  return chatIdShape((view ?? root).querySelector('[msguid][chid]')?.getAttribute('chid'));
}

/** The chat whose messages the page shows: the page says; the URL (which changes first) is the fallback. */
export function shownChatId(urlChatId: string | undefined, root: ParentNode = document): string | undefined {
  return pageChatId(root) ?? urlChatId;
}

/** The header of this chat; null while the page still shows another chat's (the URL changes first). */
export function findChatHeaderFor(chatId: string, root: ParentNode = document): Element | null {
  const header = findChatHeader(root);
  return header && headerChat(header)?.chatId === chatId ? header : null;
}
