/**
 * Chats v3: list with filters, search, get, create, the bulk read-state PUT and the per-chat PUT
 * operations. Members, forks, typing activities and leave/mute live in chats-v3-members.ts.
 */
import { createChat, directChatBetween } from '../chats';
import { ApiError, badRequest } from '../errors';
import { isChatPinned } from '../folders';
import { bodyObject, csv, limitParam, optionalString, optionalStringArray, parseTime, queryFlag } from '../input';
import type { Route, RouteContext } from '../router';
import {
  CHAT_TITLE_MAX,
  CHATS_DEFAULT_LIMIT,
  GET_CHAT_FIELDS_MAX,
  GROUP_CREATE_USERS_MAX,
  GROUP_MIN_MEMBERS,
  SEARCH_LIMIT_MAX,
  SEARCH_TITLE_MAX,
  V3_CHATS_LIMIT_MAX,
} from '../rules';
import type { Chat, SandboxState } from '../state';
import { chatV3View, createdChatView } from '../views';
import { chatOperationRoutes } from './chat-operations';
import { chatFromPath, SCOPE } from './common';

const INVALID = 'invalid_inputs';
const FAILED = 'chat_operation_failed';
const LIST_TYPES: Record<string, (chat: Chat, state: SandboxState) => boolean> = {
  guests: (chat, state) => chat.memberIds.some((id) => state.users.get(id)?.external),
  threads: (chat) => chat.type === 'thread',
  channel: (chat) => chat.type === 'channel',
  bot: (chat) => chat.type === 'bot',
  dm: (chat) => chat.type === 'direct_message',
  muted: (chat) => chat.muted,
};

/** The signed-in user's chats: those they are in, or were removed from (still listed). */
function ownChats(state: SandboxState): Chat[] {
  return [...state.chats.values()].filter((chat) => chat.memberIds.includes(state.currentUserId) || chat.removed);
}

const byRecent = (state: SandboxState) => (a: Chat, b: Chat) => state.lastActivity(b) - state.lastActivity(a);

/** Threads and closed chats stay out of the default listing; `type=threads` / `closed=true` ask for them. */
function list(ctx: RouteContext) {
  const { state, query } = ctx;
  const limit = limitParam(query, V3_CHATS_LIMIT_MAX, CHATS_DEFAULT_LIMIT, INVALID);
  const type = query.get('type');
  const typeFilter = type === null ? undefined : LIST_TYPES[type];
  if (type !== null && !typeFilter)
    throw badRequest(INVALID, `type must be one of ${Object.keys(LIST_TYPES).join(', ')}.`);
  const before = epochParam(query, 'modified_before');
  const after = epochParam(query, 'modified_after');
  const name = query.get('name')?.toLowerCase();
  const recipient = query.get('recipient');
  const chatIds = query.has('chat_ids') ? csv(query.get('chat_ids')) : undefined;
  const parent = query.get('parent_chid');
  const closed = queryFlag(query, 'closed');
  const chats = ownChats(state)
    .filter((c) => (typeFilter ? typeFilter(c, state) : c.type !== 'thread' || chatIds || parent))
    .filter((c) => c.closed === closed || chatIds !== undefined)
    .filter((c) => !name || state.chatName(c).toLowerCase().includes(name))
    .filter((c) => !recipient || c.memberIds.includes(recipient))
    .filter((c) => !queryFlag(query, 'muted') || c.muted)
    .filter((c) => !queryFlag(query, 'drafts') || c.drafts)
    .filter((c) => !queryFlag(query, 'pinned') || isChatPinned(state, c.id))
    .filter((c) => !queryFlag(query, 'joined') || state.isParticipant(c))
    .filter((c) => !chatIds || chatIds.includes(c.id))
    .filter((c) => !parent || c.parentChatId === parent)
    .filter((c) => before === undefined || state.lastActivity(c) < before)
    .filter((c) => after === undefined || state.lastActivity(c) > after)
    .sort(byRecent(state))
    .slice(0, limit);
  return { status: 200, body: { chats: chats.map((c) => chatV3View(state, c, true)) } };
}

/** Search reports errors in its own documented shape: `{"error": {"code", "message"}}`. */
function search(ctx: RouteContext) {
  const { state, query } = ctx;
  const invalid = (message: string) => new ApiError(400, 'invalid.inputs.submitted', message, true);
  const invalidTime = (message: string) => new ApiError(400, 'invalid.time.submitted', message, true);
  const title = query.get('title')?.toLowerCase() ?? '';
  if (title.length > SEARCH_TITLE_MAX) throw invalid(`title is limited to ${SEARCH_TITLE_MAX} characters.`);
  const limit = Number(query.get('limit') ?? SEARCH_LIMIT_MAX);
  if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_LIMIT_MAX) throw invalid('limit must be 1 to 500.');
  const types = csv(query.get('chat_type'));
  if (types.some((t) => !['direct_message', 'group_chat', 'channel', 'thread'].includes(t)))
    throw invalid('Unknown chat_type.');
  const sortBy = query.get('sort_by') ?? 'recent';
  if (sortBy !== 'recent' && sortBy !== 'usage') throw invalid('sort_by must be usage or recent.');
  const [before, after] = ['modified_before', 'modified_after'].map((name) => {
    const raw = query.get(name);
    const ms = raw === null ? undefined : parseTime(raw);
    if (raw !== null && ms === undefined) throw invalidTime(`${name} must be epoch milliseconds or ISO 8601.`);
    return ms;
  });
  if (before !== undefined && after !== undefined && after >= before) {
    throw invalidTime('modified_after must be earlier than modified_before.');
  }
  const recipient = query.get('recipient');
  const parent = query.get('parent_chat_id');
  const chats = ownChats(state)
    .filter((c) => state.chatName(c).toLowerCase().includes(title))
    .filter((c) => types.length === 0 || types.includes(c.type))
    .filter((c) => !recipient || c.memberIds.includes(recipient))
    .filter((c) => !parent || c.parentChatId === parent)
    .filter((c) => before === undefined || state.lastActivity(c) < before)
    .filter((c) => after === undefined || state.lastActivity(c) > after)
    .sort(sortBy === 'usage' ? (a, b) => b.usage - a.usage : byRecent(state))
    .slice(0, limit);
  return { status: 200, body: { chats: chats.map((c) => chatV3View(state, c, true)) } };
}

function get(ctx: RouteContext) {
  const { state, query } = ctx;
  const chat = chatFromPath(ctx);
  if (!state.isParticipant(chat)) throw badRequest('chat_access_denied', 'You are not a participant of this chat.');
  const fields = query.has('fields') ? csv(query.get('fields')) : undefined;
  if (fields && fields.length > GET_CHAT_FIELDS_MAX) throw badRequest(FAILED, `At most ${GET_CHAT_FIELDS_MAX} fields.`);
  const view: Record<string, unknown> = chatV3View(
    state,
    chat,
    csv(query.get('include')).includes('last_message_info'),
  );
  if (!fields) return { status: 200, body: { type: 'chat', data: view } };
  const withTitle: Record<string, unknown> = { ...view, title: view.name };
  const data = Object.fromEntries(Object.entries(withTitle).filter(([k]) => k === 'chat_id' || fields.includes(k)));
  return { status: 200, body: { type: 'chat', data } };
}

function create(ctx: RouteContext) {
  const { state } = ctx;
  const body = bodyObject(ctx.body, INVALID);
  const chatType = optionalString(body, 'chat_type', INVALID);
  if (chatType === 'direct_message') {
    const userId = optionalString(body, 'user_id', INVALID);
    if (!userId || userId === ctx.userId) throw badRequest(INVALID, 'user_id must name another user.');
    const user = state.users.get(userId);
    if (!user) throw badRequest('no_valid_users_available_to_create_chat', 'No such user.');
    if (user.external) throw badRequest('chat_continue_nonorg_nonmutual_contact_failed', 'Not a contact or colleague.');
    const existing = directChatBetween(state, ctx.userId, userId);
    if (!existing && !user.active) {
      throw badRequest('chat_not_available_with_this_inactive_user_and_cannot_create_newchat', 'Inactive user.');
    }
    const chat =
      existing ??
      createChat(state, {
        type: 'direct_message',
        title: user.name,
        memberIds: [ctx.userId, userId],
        creatorId: ctx.userId,
      });
    return { status: 200, body: { url: '/v3/chats', type: 'chat', data: createdChatView(state, chat) } };
  }
  if (chatType !== 'group_chat') throw badRequest(INVALID, 'chat_type must be direct_message or group_chat.');
  const userIds = optionalStringArray(body, 'user_ids', INVALID) ?? [];
  const title = optionalString(body, 'title', INVALID);
  if (userIds.length < 1 || userIds.length > GROUP_CREATE_USERS_MAX || !title || title.length > CHAT_TITLE_MAX) {
    throw badRequest(
      INVALID,
      `A group chat needs 1 to ${GROUP_CREATE_USERS_MAX} user_ids and a title of up to ${CHAT_TITLE_MAX} characters.`,
    );
  }
  const valid = userIds.filter((id) => {
    const user = state.users.get(id);
    return id !== ctx.userId && user?.active && !user.external;
  });
  if (valid.length === 0) throw badRequest('no_valid_users_available_to_create_chat', 'No valid users.');
  if (valid.length + 1 < GROUP_MIN_MEMBERS) {
    throw badRequest('insufficient_members_to_create_group_chat', `At least ${GROUP_MIN_MEMBERS} members.`);
  }
  const chat = createChat(state, {
    type: 'group_chat',
    title,
    memberIds: [ctx.userId, ...valid],
    creatorId: ctx.userId,
  });
  return { status: 200, body: { url: '/v3/chats', type: 'chat', data: createdChatView(state, chat) } };
}

function bulkUpdate(ctx: RouteContext) {
  const { state } = ctx;
  const body = bodyObject(ctx.body, FAILED);
  const operation = optionalString(body, 'operation', FAILED);
  const readable = (id: string) => {
    const chat = state.chat(id);
    return chat && state.isParticipant(chat) ? chat : undefined;
  };
  if (operation === 'read_status_update') {
    if (body.read_status !== 'read') throw badRequest('param_missing', "The param 'read_status' is missing.");
    if (!Array.isArray(body.chats)) throw badRequest('param_missing', "The param 'chats' is missing.");
    const items = body.chats as { chat_id?: unknown }[];
    if (items.some((item) => typeof item?.chat_id !== 'string'))
      throw badRequest('param_missing', "The param 'chat_id' is missing.");
    if (items.length > 100) throw badRequest(FAILED, 'At most 100 chats.');
    const ids = items.map((item) => item.chat_id as string);
    for (const id of ids) {
      const chat = readable(id);
      if (chat) chat.unreadCount = 0;
    }
    const success = ids.filter((id) => readable(id));
    const failure = ids.filter((id) => !readable(id));
    return { status: 200, body: { type: 'chat.read_status', data: { success, failure } } };
  }
  if (operation !== 'clear_unread') throw badRequest('param_missing', "The param 'operation' is missing.");
  const chatIds = optionalStringArray(body, 'chat_ids', FAILED);
  if (!chatIds) throw badRequest('param_missing', 'One or more required params are missing: operation or chat_ids.');
  if (chatIds.length > 100) throw badRequest(FAILED, 'At most 100 chat_ids.');
  for (const id of chatIds) {
    const chat = readable(id);
    if (chat) chat.unreadCount = 0;
  }
  return { status: 204 };
}

function epochParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw)) throw badRequest(INVALID, `${name} must be epoch milliseconds.`);
  return Number(raw);
}

export const chatV3Routes: Route[] = [
  { method: 'GET', template: '/v3/chats', scopes: [SCOPE.chatsRead], failCode: FAILED, handle: list },
  { method: 'POST', template: '/v3/chats', scopes: [SCOPE.chatsCreate], failCode: FAILED, handle: create },
  { method: 'PUT', template: '/v3/chats', scopes: [SCOPE.chatsUpdate], failCode: FAILED, handle: bulkUpdate },
  { method: 'GET', template: '/v3/chats/search', scopes: [SCOPE.chatsRead], failCode: FAILED, handle: search },
  { method: 'GET', template: '/v3/chats/{CHAT_ID}', scopes: [SCOPE.chatsRead], failCode: FAILED, handle: get },
  ...chatOperationRoutes,
];
