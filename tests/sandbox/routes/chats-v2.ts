/**
 * Chats v2: list, members, mute/unmute, leave, and the v2 "sticky" message. The v2 docs list no error
 * codes; the sandbox answers 400 with `operation_not_allowed` for non-participants and `invalid_inputs`
 * for bad parameters. The sticky message is a v2 view of the v3 primary pin.
 */
import { badRequest } from '../errors';
import { bodyObject, csv, limitParam, optionalBoolean, optionalString, parseTime, queryFlag } from '../input';
import { addPin, livePins, removePins } from '../pins';
import type { Route, RouteContext } from '../router';
import { CHATS_DEFAULT_LIMIT, V2_CHATS_LIMIT_MAX } from '../rules';
import { chatV2View, memberView, stickyView } from '../views';
import { participantChat, SCOPE } from './common';

const INVALID = 'invalid_inputs';
const NOT_ALLOWED = 'operation_not_allowed';
const MEMBER_FIELDS = ['name', 'email_id', 'user_id'];

/** v2 lists direct and group chats ("direct chats" in the docs' sense): no channels, bots or threads. */
function list(ctx: RouteContext) {
  const { state, query } = ctx;
  const limit = limitParam(query, V2_CHATS_LIMIT_MAX, CHATS_DEFAULT_LIMIT, INVALID);
  const before = timeParam(query, 'modified_before');
  const after = timeParam(query, 'modified_after');
  const drafts = queryFlag(query, 'drafts');
  const chats = [...state.chats.values()]
    .filter((chat) => chat.type === 'direct_message' || chat.type === 'group_chat')
    .filter((chat) => chat.memberIds.includes(state.currentUserId) || chat.removed)
    .filter((chat) => !drafts || chat.drafts)
    .filter((chat) => before === undefined || state.lastActivity(chat) < before)
    .filter((chat) => after === undefined || state.lastActivity(chat) > after)
    .sort((a, b) => state.lastActivity(b) - state.lastActivity(a))
    .slice(0, limit);
  return { status: 200, body: { chats: chats.map((chat) => chatV2View(state, chat)) } };
}

function members(ctx: RouteContext) {
  const chat = participantChat(ctx, NOT_ALLOWED);
  const fieldsParam = ctx.query.get('fields');
  const fields = fieldsParam === null ? undefined : csv(fieldsParam);
  if (fields?.some((f) => !MEMBER_FIELDS.includes(f))) {
    throw badRequest(INVALID, `fields may list ${MEMBER_FIELDS.join(', ')}.`);
  }
  return { status: 200, body: { members: chat.memberIds.map((id) => memberView(ctx.state, id, fields)) } };
}

export function setMuted(muted: boolean) {
  return (ctx: RouteContext) => {
    participantChat(ctx, NOT_ALLOWED).muted = muted;
    return { status: 204 };
  };
}

/** Leaving keeps the chat listed with `removed: true`; it is read-only afterwards. */
export function leave(ctx: RouteContext) {
  const chat = participantChat(ctx, NOT_ALLOWED);
  if (chat.type === 'direct_message' || chat.type === 'bot') {
    throw badRequest(NOT_ALLOWED, 'Only group chats and channels can be left.');
  }
  chat.memberIds = chat.memberIds.filter((id) => id !== ctx.userId);
  chat.removed = true;
  return { status: 204 };
}

function addSticky(ctx: RouteContext) {
  const { state } = ctx;
  const chat = participantChat(ctx, NOT_ALLOWED);
  const body = bodyObject(ctx.body, INVALID);
  const id = optionalString(body, 'id', INVALID);
  optionalBoolean(body, 'notify', INVALID);
  if (!id) throw badRequest(INVALID, 'id is required.');
  const message = state.message(chat, id);
  if (!message) throw badRequest(INVALID, 'No such message in this chat.');
  const expiry = body.expiry_time === undefined ? -1 : Number(body.expiry_time);
  if (!Number.isInteger(expiry) || (expiry !== -1 && expiry <= state.now())) {
    throw badRequest('operation_failed', 'expiry_time must be -1 or a future time in epoch milliseconds.');
  }
  const pin = addPin(state, chat, { messageId: message.id, expiry, primary: true, creatorId: ctx.userId });
  return { status: 200, body: { data: stickyView(state, chat, pin) } };
}

function getSticky(ctx: RouteContext) {
  const chat = participantChat(ctx, NOT_ALLOWED);
  const primary = livePins(ctx.state, chat)[0];
  if (!primary) return { status: 204 };
  return { status: 200, body: { type: 'stickymessage', data: stickyView(ctx.state, chat, primary) } };
}

function removeSticky(ctx: RouteContext) {
  const chat = participantChat(ctx, NOT_ALLOWED);
  const primary = livePins(ctx.state, chat)[0];
  if (primary) removePins(ctx.state, chat, [primary.messageId]);
  return { status: 204 };
}

function timeParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const ms = parseTime(raw);
  if (ms === undefined) throw badRequest(INVALID, `${name} must be ISO 8601 or epoch milliseconds.`);
  return ms;
}

const CHAT = '/v2/chats/{CHAT_ID}';

export const chatV2Routes: Route[] = [
  { method: 'GET', template: '/v2/chats', scopes: [SCOPE.chatsRead], handle: list },
  { method: 'GET', template: `${CHAT}/members`, scopes: [SCOPE.chatsRead], handle: members },
  { method: 'POST', template: `${CHAT}/mute`, scopes: [SCOPE.chatsUpdate], handle: setMuted(true) },
  { method: 'POST', template: `${CHAT}/unmute`, scopes: [SCOPE.chatsUpdate], handle: setMuted(false) },
  { method: 'POST', template: `${CHAT}/leave`, scopes: [SCOPE.chatsUpdate], handle: leave },
  { method: 'POST', template: `${CHAT}/stickymessage`, scopes: [SCOPE.chatsCreate], handle: addSticky },
  { method: 'GET', template: `${CHAT}/stickymessage`, scopes: [SCOPE.chatsRead], handle: getSticky },
  { method: 'DELETE', template: `${CHAT}/stickymessage`, scopes: [SCOPE.chatsDelete], handle: removeSticky },
];
