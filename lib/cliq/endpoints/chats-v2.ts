import * as z from '../zod';
import { endpoint } from './define';
import { chatId, messageId } from './params';
import { perMinute } from './routes';
import { noContent, v2Chat, v2MessageId } from './shapes';

const chatPath = (p: { chatId: string }) => ({ CHAT_ID: p.chatId });
const chatOnly = z.object({ chatId: chatId() });
const STICKY = '/v2/chats/{CHAT_ID}/stickymessage';

/** A v2 "sticky" pin: the single pin older clients know about. Times are epoch milliseconds here. */
const stickyMessage = z.object({
  expiry_time: z.number(),
  creator: z.optional(z.object({ id: z.optional(z.string()), name: z.optional(z.string()) })),
  message: z.object({
    msguid: v2MessageId,
    msg: z.optional(z.string()),
    sender: z.optional(z.string()),
    dname: z.optional(z.string()),
    time: z.optional(z.string()),
  }),
  created_time: z.optional(z.number()),
  last_modified_time: z.optional(z.number()),
  chat_id: z.optional(z.string()),
});

export const chatV2Endpoints = {
  listChatsV2: endpoint({
    method: 'GET',
    path: '/v2/chats',
    scope: 'ZohoCliq.Chats.READ',
    limit: perMinute(20, 10),
    params: z.object({
      limit: z.optional(z.int().check(z.gte(1), z.lte(100, { error: 'at most 100 chats per page' }))),
      modifiedBefore: z.optional(z.int().check(z.nonnegative())),
      modifiedAfter: z.optional(z.int().check(z.nonnegative())),
      drafts: z.optional(z.boolean()),
    }),
    query: z.object({
      limit: z.optional(z.int().check(z.lte(100))),
      modified_before: z.optional(z.number()),
      modified_after: z.optional(z.number()),
      drafts: z.optional(z.boolean()),
    }),
    toWire: (p) => ({
      query: { limit: p.limit, modified_before: p.modifiedBefore, modified_after: p.modifiedAfter, drafts: p.drafts },
    }),
    response: z.object({ chats: z._default(z.array(v2Chat), []) }),
  }),

  /** v2 pin; `expiryTime` is epoch milliseconds, `-1` for never. */
  setStickyMessage: endpoint({
    method: 'POST',
    path: STICKY,
    scope: 'ZohoCliq.Chats.CREATE',
    limit: perMinute(20, 10),
    params: z.object({
      chatId: chatId(),
      messageId: messageId(),
      expiryTime: z.optional(z.union([z.literal(-1), z.int().check(z.positive())])),
      notify: z.optional(z.boolean()),
    }),
    body: z.object({ id: z.string(), expiry_time: z.optional(z.number()), notify: z.optional(z.boolean()) }),
    toWire: (p) => ({ path: chatPath(p), body: { id: p.messageId, expiry_time: p.expiryTime, notify: p.notify } }),
    response: z.object({ data: stickyMessage }),
  }),

  /** `data` is absent when the chat has no sticky message. */
  getStickyMessage: endpoint({
    method: 'GET',
    path: STICKY,
    scope: 'ZohoCliq.Chats.READ',
    limit: perMinute(20, 10),
    params: chatOnly,
    toWire: (p) => ({ path: chatPath(p) }),
    response: z.optional(z.object({ data: z.optional(stickyMessage) })),
  }),

  removeStickyMessage: endpoint({
    method: 'DELETE',
    path: STICKY,
    scope: 'ZohoCliq.Chats.DELETE',
    limit: perMinute(20, 10),
    params: chatOnly,
    toWire: (p) => ({ path: chatPath(p) }),
    response: noContent,
  }),
};
