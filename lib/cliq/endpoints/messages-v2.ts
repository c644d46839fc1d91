import * as z from '../zod';
import { endpoint } from './define';
import { chatId, cliqId, csv, idList, messageId } from './params';
import { perMinute } from './routes';
import { noContent, v2Message, v2MessageId } from './shapes';

const MESSAGES = '/v2/chats/{CHAT_ID}/messages';
const MESSAGE = '/v2/chats/{CHAT_ID}/messages/{MESSAGE_ID}';
const REACTIONS = '/v2/chats/{CHAT_ID}/messages/{MESSAGE_ID}/reactions';

const text = z
  .string({ error: 'message text is required' })
  .check(
    z.minLength(1, { error: 'message text is empty' }),
    z.maxLength(5000, { error: 'message text is longer than 5000 characters' }),
  );
const emoji = z.string({ error: 'emoji is required' }).check(z.minLength(1), z.maxLength(100));
const inChat = { chatId: chatId() };
const onMessage = { chatId: chatId(), messageId: messageId() };
const messagePath = (p: { chatId: string; messageId: string }) => ({ CHAT_ID: p.chatId, MESSAGE_ID: p.messageId });
const messageList = z.object({ data: z._default(z.array(v2Message), []) });

/** Posting answers 204, or the new message's id when `syncMessage` asks to wait for it. */
const posted = z.optional(z.object({ message_id: z.optional(v2MessageId) }));
const postOptions = {
  replyTo: z.optional(messageId('reply to')),
  syncMessage: z.optional(z.boolean()),
};
const postBody = z.object({
  text: z.string().check(z.maxLength(5000)),
  reply_to: z.optional(z.string()),
  sync_message: z.optional(z.boolean()),
  mark_as_read: z.optional(z.boolean()),
});
const postLimit = perMinute(20, 10);

export const messageV2Endpoints = {
  /** Without `limit` Cliq returns up to 100 messages. Times are epoch milliseconds. */
  listMessages: endpoint({
    method: 'GET',
    path: MESSAGES,
    scope: 'ZohoCliq.Messages.READ',
    limit: perMinute(15, 10),
    params: z.object({
      ...inChat,
      fromTime: z.optional(z.int().check(z.nonnegative())),
      toTime: z.optional(z.int().check(z.nonnegative())),
      limit: z.optional(z.int().check(z.gte(1), z.lte(100, { error: 'at most 100 messages per page' }))),
    }),
    query: z.object({
      fromtime: z.optional(z.number()),
      totime: z.optional(z.number()),
      limit: z.optional(z.number()),
    }),
    toWire: (p) => ({ path: { CHAT_ID: p.chatId }, query: { fromtime: p.fromTime, totime: p.toTime, limit: p.limit } }),
    response: messageList,
  }),

  getMessage: endpoint({
    method: 'GET',
    path: MESSAGE,
    scope: 'ZohoCliq.Messages.READ',
    limit: perMinute(30, 10),
    params: z.object(onMessage),
    toWire: (p) => ({ path: messagePath(p) }),
    response: v2Message,
  }),

  /** The replies in a message's thread; the docs give it the single-message limit. */
  listThreadMessages: endpoint({
    method: 'GET',
    path: `${MESSAGE}/messages`,
    scope: 'ZohoCliq.Messages.READ',
    limit: perMinute(30, 10),
    params: z.object(onMessage),
    toWire: (p) => ({ path: messagePath(p) }),
    response: messageList,
  }),

  postToChat: endpoint({
    method: 'POST',
    path: '/v2/chats/{CHAT_ID}/message',
    scope: 'ZohoCliq.Webhooks.CREATE',
    limit: postLimit,
    params: z.object({ ...inChat, text, ...postOptions, markAsRead: z.optional(z.boolean()) }),
    body: postBody,
    toWire: (p) => ({
      path: { CHAT_ID: p.chatId },
      body: { text: p.text, reply_to: p.replyTo, sync_message: p.syncMessage, mark_as_read: p.markAsRead },
    }),
    response: posted,
  }),

  /** `asBot` posts as a bot that is already in the channel. */
  postToChannel: endpoint({
    method: 'POST',
    path: '/v2/channelsbyname/{CHANNEL_UNIQUE_NAME}/message',
    scope: 'ZohoCliq.Webhooks.CREATE',
    limit: perMinute(50, 10),
    params: z.object({
      channelName: cliqId('channel name'),
      text,
      ...postOptions,
      asBot: z.optional(cliqId('bot name')),
      markAsRead: z.optional(z.boolean()),
    }),
    query: z.object({ bot_unique_name: z.optional(z.string()), mark_as_read: z.optional(z.boolean()) }),
    body: postBody,
    toWire: (p) => ({
      path: { CHANNEL_UNIQUE_NAME: p.channelName },
      query: { bot_unique_name: p.asBot, mark_as_read: p.markAsRead },
      body: { text: p.text, reply_to: p.replyTo, sync_message: p.syncMessage },
    }),
    response: posted,
  }),

  /** `userIds` broadcasts to those subscribers of the bot. */
  postToBot: endpoint({
    method: 'POST',
    path: '/v2/bots/{BOT_UNIQUE_NAME}/message',
    scope: 'ZohoCliq.Webhooks.CREATE',
    limit: postLimit,
    params: z.object({
      botName: cliqId('bot name'),
      text,
      ...postOptions,
      userIds: z.optional(idList({ label: 'user id', labels: 'user ids', min: 1, max: 100 })),
    }),
    body: z.extend(postBody, { userids: z.optional(z.string()) }),
    toWire: (p) => ({
      path: { BOT_UNIQUE_NAME: p.botName },
      body: { text: p.text, reply_to: p.replyTo, sync_message: p.syncMessage, userids: p.userIds && csv(p.userIds) },
    }),
    response: z.optional(
      z.object({
        user_ids: z.optional(z.array(z.string())),
        message_details: z.optional(z.record(z.string(), z.object({ chat_id: z.string(), message_id: v2MessageId }))),
      }),
    ),
  }),

  /** Only to a mutual contact or someone in the organisation; `user` is an email address or a user id. */
  postToUser: endpoint({
    method: 'POST',
    path: '/v2/buddies/{EMAIL_ID}/message',
    scope: 'ZohoCliq.Webhooks.CREATE',
    limit: postLimit,
    params: z.object({
      user: z
        .string({ error: 'user (an email address or user id) is required' })
        .check(
          z.maxLength(254),
          z.regex(/^([^\s@/?#]+@[^\s@/?#]+|\d+)$/, { error: 'user must be an email address or a numeric user id' }),
        ),
      text,
      ...postOptions,
      markAsRead: z.optional(z.boolean()),
    }),
    body: postBody,
    toWire: (p) => ({
      path: { EMAIL_ID: p.user },
      body: { text: p.text, reply_to: p.replyTo, sync_message: p.syncMessage, mark_as_read: p.markAsRead },
    }),
    response: posted,
  }),

  editMessage: endpoint({
    method: 'PUT',
    path: MESSAGE,
    scope: 'ZohoCliq.Webhooks.UPDATE',
    limit: perMinute(20, 10),
    params: z.object({ ...onMessage, text, notifyEdit: z.optional(z.boolean()) }),
    body: z.object({ text: z.string().check(z.maxLength(5000)), notify_edit: z.optional(z.boolean()) }),
    toWire: (p) => ({ path: messagePath(p), body: { text: p.text, notify_edit: p.notifyEdit } }),
    response: noContent,
  }),

  deleteMessage: endpoint({
    method: 'DELETE',
    path: MESSAGE,
    scope: 'ZohoCliq.Messages.DELETE',
    limit: perMinute(20, 10),
    params: z.object(onMessage),
    toWire: (p) => ({ path: messagePath(p) }),
    response: noContent,
  }),

  /** `emoji` is a zomoji code such as `:smile:` or a Unicode emoji. */
  addReaction: endpoint({
    method: 'POST',
    path: REACTIONS,
    scope: 'ZohoCliq.messageactions.CREATE',
    limit: perMinute(20, 10),
    params: z.object({ ...onMessage, emoji }),
    body: z.object({ emoji_code: z.string() }),
    toWire: (p) => ({ path: messagePath(p), body: { emoji_code: p.emoji } }),
    response: noContent,
  }),

  /** Per emoji, the reactors as `time:userId:name` strings. */
  listReactions: endpoint({
    method: 'GET',
    path: REACTIONS,
    scope: 'ZohoCliq.messageactions.READ',
    limit: perMinute(20, 10),
    params: z.object(onMessage),
    toWire: (p) => ({ path: messagePath(p) }),
    response: z.object({ data: z._default(z.record(z.string(), z.array(z.string())), {}) }),
  }),

  removeReaction: endpoint({
    method: 'DELETE',
    path: REACTIONS,
    scope: 'ZohoCliq.messageactions.CREATE',
    limit: perMinute(20, 10),
    params: z.object({ ...onMessage, emoji }),
    query: z.object({ emoji_code: z.string() }),
    toWire: (p) => ({ path: messagePath(p), query: { emoji_code: p.emoji } }),
    response: noContent,
  }),
};
