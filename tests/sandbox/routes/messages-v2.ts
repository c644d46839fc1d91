/**
 * Messages v2: list, retrieve one, thread, edit, delete and reactions. Listing answers the newest `limit`
 * messages inside [fromtime, totime], oldest first; page back with `totime` = oldest time − 1.
 * Only the author may edit or delete a message (400 `operation_not_allowed` otherwise).
 */
import { badRequest } from '../errors';
import { bodyObject, limitParam, optionalBoolean, optionalString } from '../input';
import { livePins, notePinnedMessageChanged, removePins } from '../pins';
import type { Route, RouteContext } from '../router';
import { MESSAGE_TEXT_MAX, MESSAGES_LIMIT_MAX } from '../rules';
import type { Chat, Message } from '../state';
import { messageV2View, singleMessageV2View } from '../views';
import { messageFromPath, participantChat, SCOPE } from './common';

const INVALID = 'invalid_inputs';
const NOT_ALLOWED = 'operation_not_allowed';

function windowOf(ctx: RouteContext, messages: Message[]) {
  const from = timeParam(ctx.query, 'fromtime');
  const to = timeParam(ctx.query, 'totime');
  const limit = limitParam(ctx.query, MESSAGES_LIMIT_MAX, MESSAGES_LIMIT_MAX, INVALID);
  const inWindow = messages.filter((m) => (from === undefined || m.time >= from) && (to === undefined || m.time <= to));
  return { status: 200, body: { data: inWindow.slice(-limit).map((m) => messageV2View(ctx.state, m)) } };
}

function list(ctx: RouteContext) {
  const chat = participantChat(ctx, NOT_ALLOWED);
  return windowOf(ctx, ctx.state.visibleMessages(chat));
}

function retrieve(ctx: RouteContext) {
  const chat = participantChat(ctx, NOT_ALLOWED);
  return { status: 200, body: singleMessageV2View(ctx.state, messageFromPath(ctx, chat)) };
}

/** A thread is the chat whose parent is this chat and whose head is this message; none answers `data: []`. */
function thread(ctx: RouteContext) {
  const { state } = ctx;
  const chat = participantChat(ctx, NOT_ALLOWED);
  const head = messageFromPath(ctx, chat);
  const threadChat = [...state.chats.values()].find(
    (c) => c.type === 'thread' && c.parentChatId === chat.id && c.threadMessageId === head.id,
  );
  return windowOf(ctx, threadChat ? state.visibleMessages(threadChat) : []);
}

function ownMessage(ctx: RouteContext): { chat: Chat; message: Message } {
  const chat = participantChat(ctx, NOT_ALLOWED);
  const message = messageFromPath(ctx, chat);
  if (message.senderId !== ctx.userId) throw badRequest(NOT_ALLOWED, 'Only the author can change this message.');
  return { chat, message };
}

function edit(ctx: RouteContext) {
  const body = bodyObject(ctx.body, INVALID);
  const text = messageText(body.text);
  optionalBoolean(body, 'notify_edit', INVALID);
  const { chat, message } = ownMessage(ctx);
  ctx.state.editMessage(chat, message, text);
  notePinnedMessageChanged(ctx.state, chat, message.id);
  return { status: 204 };
}

/** Deleting a pinned message unpins it too. */
function remove(ctx: RouteContext) {
  const { chat, message } = ownMessage(ctx);
  if (livePins(ctx.state, chat).some((pin) => pin.messageId === message.id)) removePins(ctx.state, chat, [message.id]);
  ctx.state.deleteMessage(chat, message);
  return { status: 204 };
}

function react(ctx: RouteContext) {
  const emoji = emojiCode(optionalString(bodyObject(ctx.body, INVALID), 'emoji_code', INVALID));
  const chat = participantChat(ctx, NOT_ALLOWED);
  const message = messageFromPath(ctx, chat);
  const reactions = message.reactions[emoji] ?? [];
  if (!reactions.some((r) => r.userId === ctx.userId)) reactions.push({ userId: ctx.userId, at: ctx.state.now() });
  message.reactions[emoji] = reactions;
  return { status: 204 };
}

/** `{data: {emoji: ["time:userId:name", …]}}` as the docs' example shows. */
function reactions(ctx: RouteContext) {
  const { state } = ctx;
  const chat = participantChat(ctx, NOT_ALLOWED);
  const message = messageFromPath(ctx, chat);
  const data = Object.fromEntries(
    Object.entries(message.reactions)
      .filter(([, who]) => who.length > 0)
      .map(([emoji, who]) => [emoji, who.map((r) => `${r.at}:${r.userId}:${state.users.get(r.userId)?.name ?? ''}`)]),
  );
  return { status: 200, body: { data } };
}

function unreact(ctx: RouteContext) {
  const fromBody = optionalString(bodyObject(ctx.body, INVALID), 'emoji_code', INVALID);
  const emoji = emojiCode(ctx.query.get('emoji_code') ?? fromBody);
  const chat = participantChat(ctx, NOT_ALLOWED);
  const message = messageFromPath(ctx, chat);
  message.reactions[emoji] = (message.reactions[emoji] ?? []).filter((r) => r.userId !== ctx.userId);
  return { status: 204 };
}

export function messageText(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(INVALID, 'text is required.');
  if (value.length > MESSAGE_TEXT_MAX) throw badRequest(INVALID, `text is limited to ${MESSAGE_TEXT_MAX} characters.`);
  return value;
}

function emojiCode(value: string | null | undefined): string {
  if (!value) throw badRequest(INVALID, 'emoji_code is required.');
  return value;
}

function timeParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const ms = Number(raw);
  if (!Number.isInteger(ms)) throw badRequest(INVALID, `${name} must be epoch milliseconds.`);
  return ms;
}

const MESSAGE = '/v2/chats/{CHAT_ID}/messages/{MESSAGE_ID}';

export const messageV2Routes: Route[] = [
  { method: 'GET', template: '/v2/chats/{CHAT_ID}/messages', scopes: [SCOPE.messagesRead], handle: list },
  { method: 'GET', template: MESSAGE, scopes: [SCOPE.messagesRead], handle: retrieve },
  { method: 'PUT', template: MESSAGE, scopes: [SCOPE.webhooksUpdate], handle: edit },
  { method: 'DELETE', template: MESSAGE, scopes: [SCOPE.messagesDelete], handle: remove },
  { method: 'GET', template: `${MESSAGE}/messages`, scopes: [SCOPE.messagesRead], handle: thread },
  { method: 'POST', template: `${MESSAGE}/reactions`, scopes: [SCOPE.reactionsCreate], handle: react },
  { method: 'GET', template: `${MESSAGE}/reactions`, scopes: [SCOPE.reactionsRead], handle: reactions },
  { method: 'DELETE', template: `${MESSAGE}/reactions`, scopes: [SCOPE.reactionsCreate], handle: unreact },
];
