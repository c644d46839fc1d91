/**
 * Chats v3 operations on one chat: the `operation`-switched PUT, members, forks, typing activities,
 * and leave/mute/unmute (answered like their v2 twins).
 */
import { createChat } from '../chats';
import { ApiError, badRequest, STATUS_MESSAGES } from '../errors';
import { bodyObject, csv, optionalBoolean, optionalString, optionalStringArray } from '../input';
import type { Route, RouteContext } from '../router';
import { ADD_MEMBERS_MAX, CHAT_TITLE_MAX, FORK_COPY_MAX, GROUP_MEMBERS_CAP } from '../rules';
import { chatV3View, memberView } from '../views';
import { leave, setMuted } from './chats-v2';
import { chatFromPath, SCOPE } from './common';

const FAILED = 'chat_operation_failed';
const DENIED = 'chat_access_denied';
const missing = (param: string) => badRequest('param_missing', `The param '${param}' is missing.`);

function participant(ctx: RouteContext) {
  const chat = chatFromPath(ctx);
  if (!ctx.state.isParticipant(chat)) throw badRequest(DENIED, 'You are not a participant of this chat.');
  return chat;
}

/** `mark_as_read`/`mark_as_unread` also accept `ZohoCliq.Messages.UPDATE`; the rest need Chats.UPDATE. */
function update(ctx: RouteContext) {
  const { state } = ctx;
  const chat = chatFromPath(ctx);
  const body = bodyObject(ctx.body, FAILED);
  const operation = optionalString(body, 'operation', FAILED) ?? (body.status === 'closed' ? 'close_chat' : undefined);
  if (!operation) throw missing('operation');
  const readState = operation === 'mark_as_read' || operation === 'mark_as_unread';
  if (!readState && !ctx.hasScope(SCOPE.chatsUpdate)) throw new ApiError(403, undefined, STATUS_MESSAGES[403]);
  if (!state.isParticipant(chat)) throw badRequest(DENIED, 'You are not a participant of this chat.');
  switch (operation) {
    case 'update_title': {
      if (body.title === undefined) throw missing('title');
      const title = body.title;
      if (typeof title !== 'string' || title.trim() === '')
        throw badRequest('chat_title_empty', 'Title cannot be empty.');
      if (chat.type === 'channel')
        throw badRequest('channel_title_update_not_supported', 'Channels are renamed elsewhere.');
      if (chat.type === 'direct_message')
        throw badRequest('contact_rename_not_supported', 'Direct chats are not renamed.');
      if (chat.type === 'bot') throw badRequest('chatlet_title_modification_not_allowed', 'Bot chats are not renamed.');
      if (title.length > CHAT_TITLE_MAX)
        throw badRequest('chat_title_update_failed', `At most ${CHAT_TITLE_MAX} characters.`);
      chat.previousTitles.push(chat.title);
      chat.title = title;
      chat.modifiedAt = state.now();
      return { status: 200, body: { type: 'chat.title', data: { title, chat_id: chat.id } } };
    }
    case 'update_history_status': {
      const status = body.history_status;
      if (status !== 'enabled' && status !== 'disabled') throw missing('history_status');
      chat.historyEnabled = status === 'enabled';
      return { status: 204 };
    }
    case 'mark_as_read':
    case 'mark_as_unread': {
      const key = operation === 'mark_as_read' ? 'last_message_id' : 'message_id';
      const id = optionalString(body, key, FAILED);
      if (!id) throw missing(key);
      const messages = state.visibleMessages(chat);
      const message = state.message(chat, id);
      if (!message) throw badRequest(FAILED, `No message ${id} in this chat.`);
      const index = messages.indexOf(message);
      chat.unreadCount = operation === 'mark_as_read' ? messages.length - index - 1 : messages.length - index;
      return { status: 204 };
    }
    case 'clear_local_history':
      if (chat.type !== 'direct_message' && chat.type !== 'group_chat') {
        throw badRequest('chat_clear_local_history_not_supported', 'Only direct and group chats.');
      }
      chat.clearedBefore = state.now() + 1;
      return { status: 204 };
    case 'close_chat':
      chat.closed = true;
      return { status: 204 };
    default:
      throw badRequest('invalid_inputs', `Unknown operation ${operation}.`);
  }
}

function members(ctx: RouteContext) {
  const chat = participant(ctx);
  const fields = ctx.query.has('fields') ? csv(ctx.query.get('fields')) : undefined;
  return { status: 200, body: { members: chat.memberIds.map((id) => memberView(ctx.state, id, fields)) } };
}

function addMembers(ctx: RouteContext) {
  const { state } = ctx;
  const chat = participant(ctx);
  const userIds = optionalStringArray(bodyObject(ctx.body, 'member_add_failed'), 'user_ids', 'member_add_failed') ?? [];
  if (chat.type === 'direct_message' || chat.type === 'bot') {
    throw badRequest('one_to_one_chat_add_member_not_allowed', 'One-to-one chats keep their two members.');
  }
  if (userIds.length < 1 || userIds.length > ADD_MEMBERS_MAX) {
    throw badRequest('member_add_failed', `user_ids must list 1 to ${ADD_MEMBERS_MAX} users.`);
  }
  const users = userIds.map((id) => state.users.get(id));
  if (users.some((u) => !u?.active)) throw badRequest('member_add_failed', 'Unknown or inactive users.');
  if (users.some((u) => u?.external)) throw badRequest('chat_with_other_org_disabled', 'External users cannot join.');
  const added = userIds.filter((id) => !chat.memberIds.includes(id));
  if (chat.type === 'group_chat' && chat.memberIds.length + added.length > GROUP_MEMBERS_CAP) {
    throw badRequest('group_chat_participants_limit_exceeded', `A group chat holds ${GROUP_MEMBERS_CAP} members.`);
  }
  chat.memberIds.push(...added);
  return { status: 200, body: { type: 'chat.member', data: { chat_id: chat.id, added_user_ids: added } } };
}

function removeMembers(ctx: RouteContext) {
  const chat = participant(ctx);
  if (chat.type === 'direct_message' || chat.type === 'bot') {
    throw badRequest('one_to_one_chat_delete_member_not_allowed', 'One-to-one chats keep their two members.');
  }
  const removed = csv(ctx.query.get('user_ids')).filter((id) => chat.memberIds.includes(id));
  if (removed.length === 0) throw badRequest('member_delete_failed', 'user_ids must list members of this chat.');
  chat.memberIds = chat.memberIds.filter((id) => !removed.includes(id));
  if (removed.includes(ctx.userId)) chat.removed = true;
  return { status: 200, body: { type: 'chat.member', data: { chat_id: chat.id, removed_user_ids: removed } } };
}

/** A fork is a new group chat holding copies of the messages from `message_id` onwards. */
function fork(ctx: RouteContext) {
  const { state } = ctx;
  const chat = participant(ctx);
  const body = bodyObject(ctx.body, 'invalid_request');
  const messageId = optionalString(body, 'message_id', 'invalid_request');
  const title = optionalString(body, 'title', 'invalid_request');
  const includeAll = optionalBoolean(body, 'include_participants', 'invalid_request') ?? false;
  const from = messageId ? state.message(chat, messageId) : undefined;
  if (!from || !title || title.length > CHAT_TITLE_MAX) {
    throw badRequest('invalid_request', 'A fork needs an existing message_id and a title of up to 255 characters.');
  }
  const chosen = csv(optionalString(body, 'user_ids', 'invalid_request')).filter((id) => state.users.has(id));
  const memberIds = includeAll ? chat.memberIds : [ctx.userId, ...chosen];
  const forked = createChat(state, { type: 'group_chat', title, memberIds, creatorId: ctx.userId });
  const messages = state.messagesOf(chat);
  for (const m of messages.slice(messages.indexOf(from), messages.indexOf(from) + FORK_COPY_MAX)) {
    forked.messages.push({ ...m, id: state.newMessageId(m.time), chatId: forked.id, reactions: {} });
  }
  return { status: 200, body: { type: 'chat', data: chatV3View(state, forked, false) } };
}

function activity(ctx: RouteContext) {
  const action = optionalString(bodyObject(ctx.body, FAILED), 'action', FAILED);
  if (action !== 'typing' && action !== 'text_entered' && action !== 'text_cleared') throw missing('action');
  participant(ctx);
  return { status: 204 };
}

const CHAT = '/v3/chats/{CHAT_ID}';

export const chatOperationRoutes: Route[] = [
  {
    method: 'PUT',
    template: CHAT,
    scopes: [SCOPE.chatsUpdate, SCOPE.messagesUpdate],
    failCode: FAILED,
    handle: update,
  },
  { method: 'GET', template: `${CHAT}/members`, scopes: [SCOPE.chatsRead], failCode: FAILED, handle: members },
  {
    method: 'POST',
    template: `${CHAT}/members`,
    scopes: [SCOPE.chatsUpdate],
    failCode: 'member_add_failed',
    handle: addMembers,
  },
  {
    method: 'DELETE',
    template: `${CHAT}/members`,
    scopes: [SCOPE.chatsDelete],
    failCode: 'member_delete_failed',
    handle: removeMembers,
  },
  {
    method: 'POST',
    template: `${CHAT}/forks`,
    scopes: [SCOPE.chatsCreate],
    failCode: 'operation_failed',
    handle: fork,
  },
  { method: 'POST', template: `${CHAT}/activities`, scopes: [SCOPE.chatsUpdate], failCode: FAILED, handle: activity },
  { method: 'POST', template: `${CHAT}/leave`, scopes: [SCOPE.chatsUpdate], failCode: FAILED, handle: leave },
  { method: 'POST', template: `${CHAT}/mute`, scopes: [SCOPE.chatsUpdate], failCode: FAILED, handle: setMuted(true) },
  {
    method: 'POST',
    template: `${CHAT}/unmute`,
    scopes: [SCOPE.chatsUpdate],
    failCode: FAILED,
    handle: setMuted(false),
  },
];
