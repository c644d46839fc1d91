import * as z from '../zod';
import { chatList } from './chat-list';
import { endpoint } from './define';
import { chatId, cliqId, csv, idList, messageId, timestamp, title } from './params';
import { perMinute } from './routes';
import { noContent, v3Chat } from './shapes';

const chatPath = (p: { chatId: string }) => ({ CHAT_ID: p.chatId });
const userIds = (max: number) => idList({ label: 'user id', labels: 'user ids', min: 1, max });

export const chatV3Endpoints = {
  searchChats: endpoint({
    method: 'GET',
    path: '/v3/chats/search',
    scope: 'ZohoCliq.Chats.READ',
    limit: perMinute(50, 10),
    params: z.object({
      title: z.optional(z.string().check(z.maxLength(200, { error: 'search text is longer than 200 characters' }))),
      limit: z.optional(z.int().check(z.gte(1), z.lte(500, { error: 'at most 500 chats per search' }))),
      modifiedBefore: z.optional(timestamp('modified before')),
      modifiedAfter: z.optional(timestamp('modified after')),
      recipient: z.optional(cliqId('recipient')),
      chatTypes: z.optional(z.array(z.literal(['direct_message', 'group_chat', 'channel', 'thread']))),
      parentChatId: z.optional(chatId('parent chat id')),
      sortBy: z.optional(z.literal(['usage', 'recent'])),
    }),
    query: z.object({
      title: z.optional(z.string()),
      limit: z.optional(z.number()),
      modified_before: z.optional(z.union([z.string(), z.number()])),
      modified_after: z.optional(z.union([z.string(), z.number()])),
      recipient: z.optional(z.string()),
      chat_type: z.optional(z.string()),
      parent_chat_id: z.optional(z.string()),
      sort_by: z.optional(z.string()),
    }),
    toWire: (p) => ({
      query: {
        title: p.title,
        limit: p.limit,
        modified_before: p.modifiedBefore,
        modified_after: p.modifiedAfter,
        recipient: p.recipient,
        chat_type: p.chatTypes && csv(p.chatTypes),
        parent_chat_id: p.parentChatId,
        sort_by: p.sortBy,
      },
    }),
    response: chatList,
  }),

  getChat: endpoint({
    method: 'GET',
    path: '/v3/chats/{CHAT_ID}',
    scope: 'ZohoCliq.Chats.READ',
    limit: perMinute(60, 10),
    params: z.object({
      chatId: chatId(),
      fields: z.optional(
        z.array(z.string().check(z.minLength(1))).check(z.maxLength(20, { error: 'at most 20 fields' })),
      ),
      includeLastMessage: z.optional(z.boolean()),
    }),
    query: z.object({ fields: z.optional(z.string()), include: z.optional(z.literal('last_message_info')) }),
    toWire: (p) => ({
      path: chatPath(p),
      query: {
        fields: p.fields && csv(p.fields),
        include: p.includeLastMessage ? ('last_message_info' as const) : undefined,
      },
    }),
    response: z.object({ data: v3Chat }),
  }),

  /** A direct chat with one user, or a group chat with a title and 1..50 others. */
  createChat: endpoint({
    method: 'POST',
    path: '/v3/chats',
    scope: 'ZohoCliq.Chats.CREATE',
    limit: perMinute(30, 10),
    params: z.discriminatedUnion('type', [
      z.object({ type: z.literal('direct_message'), userId: cliqId('user id') }),
      z.object({ type: z.literal('group_chat'), userIds: userIds(50), title: title('chat title') }),
    ]),
    body: z.object({
      chat_type: z.literal(['direct_message', 'group_chat']),
      user_id: z.optional(z.string()),
      user_ids: z.optional(z.array(z.string()).check(z.minLength(1), z.maxLength(50))),
      title: z.optional(z.string().check(z.maxLength(255))),
    }),
    toWire: (p) => ({
      body:
        p.type === 'direct_message'
          ? { chat_type: p.type, user_id: p.userId }
          : { chat_type: p.type, user_ids: p.userIds, title: p.title },
    }),
    response: z.object({ data: v3Chat }),
  }),

  /** Marks each chat read up to its given message; the result lists which chats succeeded. */
  markChatsRead: endpoint({
    method: 'PUT',
    path: '/v3/chats',
    scope: 'ZohoCliq.Chats.UPDATE',
    limit: perMinute(60, 5),
    params: z.object({
      chats: z
        .array(z.object({ chatId: chatId(), lastMessageId: messageId('last message id') }))
        .check(
          z.minLength(1, { error: 'at least 1 chat is required' }),
          z.maxLength(100, { error: 'at most 100 chats fit in one request' }),
        ),
    }),
    body: z.object({
      operation: z.literal('read_status_update'),
      read_status: z.literal('read'),
      chats: z
        .array(z.object({ chat_id: z.string(), last_message_id: z.string() }))
        .check(z.minLength(1), z.maxLength(100)),
    }),
    toWire: (p) => ({
      body: {
        operation: 'read_status_update',
        read_status: 'read',
        chats: p.chats.map((c) => ({ chat_id: c.chatId, last_message_id: c.lastMessageId })),
      },
    }),
    response: z.optional(
      z.object({
        data: z.object({ success: z._default(z.array(z.string()), []), failure: z._default(z.array(z.string()), []) }),
      }),
    ),
  }),

  /** Chats without unread messages are skipped silently. */
  clearUnreadCounts: endpoint({
    method: 'PUT',
    path: '/v3/chats',
    scope: 'ZohoCliq.Chats.UPDATE',
    limit: perMinute(60, 5),
    params: z.object({ chatIds: idList({ label: 'cliqLabelChatId', labels: 'cliqLabelChatIds', min: 1, max: 100 }) }),
    body: z.object({
      operation: z.literal('clear_unread'),
      chat_ids: z.array(z.string()).check(z.minLength(1), z.maxLength(100)),
    }),
    toWire: (p) => ({ body: { operation: 'clear_unread', chat_ids: p.chatIds } }),
    response: noContent,
  }),

  addChatMembers: endpoint({
    method: 'POST',
    path: '/v3/chats/{CHAT_ID}/members',
    scope: 'ZohoCliq.Chats.UPDATE',
    limit: perMinute(20, 10),
    params: z.object({ chatId: chatId(), userIds: userIds(100) }),
    body: z.object({ user_ids: z.array(z.string()).check(z.minLength(1), z.maxLength(100)) }),
    toWire: (p) => ({ path: chatPath(p), body: { user_ids: p.userIds } }),
    response: z.object({
      data: z.object({ chat_id: z.string(), added_user_ids: z._default(z.array(z.string()), []) }),
    }),
  }),

  removeChatMembers: endpoint({
    method: 'DELETE',
    path: '/v3/chats/{CHAT_ID}/members',
    scope: 'ZohoCliq.Chats.DELETE',
    limit: perMinute(20, 10),
    params: z.object({ chatId: chatId(), userIds: userIds(100) }),
    query: z.object({ user_ids: z.string().check(z.minLength(1)) }),
    toWire: (p) => ({ path: chatPath(p), query: { user_ids: csv(p.userIds) } }),
    response: z.object({
      data: z.object({ chat_id: z.string(), removed_user_ids: z._default(z.array(z.string()), []) }),
    }),
  }),

  /** A new chat starting from `messageId`, with chosen users or everyone in the original chat. */
  forkChat: endpoint({
    method: 'POST',
    path: '/v3/chats/{CHAT_ID}/forks',
    scope: 'ZohoCliq.Chats.CREATE',
    limit: { perMinute: 50, lockMs: 10_000 },
    params: z.object({
      chatId: chatId(),
      messageId: messageId(),
      title: title('chat title'),
      userIds: z.optional(userIds(100)),
      includeParticipants: z.optional(z.boolean()),
    }),
    body: z.object({
      message_id: z.string(),
      title: z.string().check(z.maxLength(255)),
      user_ids: z.optional(z.string()),
      include_participants: z.optional(z.boolean()),
    }),
    toWire: (p) => ({
      path: chatPath(p),
      body: {
        message_id: p.messageId,
        title: p.title,
        user_ids: p.userIds && csv(p.userIds),
        include_participants: p.includeParticipants,
      },
    }),
    response: z.object({ data: v3Chat }),
  }),

  /** Cliq locks this for 50 minutes after 100 a minute: send it on state changes only. */
  sendTypingActivity: endpoint({
    method: 'POST',
    path: '/v3/chats/{CHAT_ID}/activities',
    scope: 'ZohoCliq.Chats.UPDATE',
    limit: perMinute(100, 50),
    params: z.object({ chatId: chatId(), action: z.literal(['typing', 'text_entered', 'text_cleared']) }),
    body: z.object({ action: z.literal(['typing', 'text_entered', 'text_cleared']) }),
    toWire: (p) => ({ path: chatPath(p), body: { action: p.action } }),
    response: noContent,
  }),
};
