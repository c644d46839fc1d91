import { z } from 'zod';
import { endpoint, perMinute } from './define';
import { chatId, cliqId, csv, idList, messageId } from './params';
import { noContent, v2Message, v2MessageId } from './shapes';

const MESSAGES = '/v2/chats/{CHAT_ID}/messages';
const MESSAGE = '/v2/chats/{CHAT_ID}/messages/{MESSAGE_ID}';
const REACTIONS = '/v2/chats/{CHAT_ID}/messages/{MESSAGE_ID}/reactions';

const text = z
  .string({ error: 'message text is required' })
  .min(1, { error: 'message text is empty' })
  .max(5000, { error: 'message text is longer than 5000 characters' });
const emoji = z.string({ error: 'emoji is required' }).min(1).max(100);
const inChat = { chatId: chatId() };
const onMessage = { chatId: chatId(), messageId: messageId() };
const messagePath = (p: { chatId: string; messageId: string }) => ({ CHAT_ID: p.chatId, MESSAGE_ID: p.messageId });
const messageList = z.object({ data: z.array(v2Message).default([]) });

/** Posting answers 204, or the new message's id when `syncMessage` asks to wait for it. */
const posted = z.object({ message_id: v2MessageId.optional() }).optional();
const postOptions = {
  replyTo: messageId('reply to').optional(),
  syncMessage: z.boolean().optional(),
};
const postBody = z.object({
  text: z.string().max(5000),
  reply_to: z.string().optional(),
  sync_message: z.boolean().optional(),
  mark_as_read: z.boolean().optional(),
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
      fromTime: z.number().int().nonnegative().optional(),
      toTime: z.number().int().nonnegative().optional(),
      limit: z.number().int().min(1).max(100, { error: 'at most 100 messages per page' }).optional(),
    }),
    query: z.object({ fromtime: z.number().optional(), totime: z.number().optional(), limit: z.number().optional() }),
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
    params: z.object({ ...inChat, text, ...postOptions, markAsRead: z.boolean().optional() }),
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
      asBot: cliqId('bot name').optional(),
      markAsRead: z.boolean().optional(),
    }),
    query: z.object({ bot_unique_name: z.string().optional(), mark_as_read: z.boolean().optional() }),
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
      userIds: idList({ label: 'user id', min: 1, max: 100 }).optional(),
    }),
    body: postBody.extend({ userids: z.string().optional() }),
    toWire: (p) => ({
      path: { BOT_UNIQUE_NAME: p.botName },
      body: { text: p.text, reply_to: p.replyTo, sync_message: p.syncMessage, userids: p.userIds && csv(p.userIds) },
    }),
    response: z
      .object({
        user_ids: z.array(z.string()).optional(),
        message_details: z.record(z.string(), z.object({ chat_id: z.string(), message_id: v2MessageId })).optional(),
      })
      .optional(),
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
        .max(254)
        .regex(/^([^\s@/?#]+@[^\s@/?#]+|\d+)$/, { error: 'user must be an email address or a numeric user id' }),
      text,
      ...postOptions,
      markAsRead: z.boolean().optional(),
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
    params: z.object({ ...onMessage, text, notifyEdit: z.boolean().optional() }),
    body: z.object({ text: z.string().max(5000), notify_edit: z.boolean().optional() }),
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
    response: z.object({ data: z.record(z.string(), z.array(z.string())).default({}) }),
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
