import { z } from 'zod';
import { endpoint, perMinute } from './define';
import { chatId, messageId } from './params';
import { noContent, v2Chat, v2MessageId } from './shapes';

const chatPath = (p: { chatId: string }) => ({ CHAT_ID: p.chatId });
const chatOnly = z.object({ chatId: chatId() });
const STICKY = '/v2/chats/{CHAT_ID}/stickymessage';

/** A v2 "sticky" pin: the single pin older clients know about. Times are epoch milliseconds here. */
const stickyMessage = z.object({
  expiry_time: z.number(),
  creator: z.object({ id: z.string().optional(), name: z.string().optional() }).optional(),
  message: z.object({
    msguid: v2MessageId,
    msg: z.string().optional(),
    sender: z.string().optional(),
    dname: z.string().optional(),
    time: z.string().optional(),
  }),
  created_time: z.number().optional(),
  last_modified_time: z.number().optional(),
  chat_id: z.string().optional(),
});

export const chatV2Endpoints = {
  listChatsV2: endpoint({
    method: 'GET',
    path: '/v2/chats',
    scope: 'ZohoCliq.Chats.READ',
    limit: perMinute(20, 10),
    params: z.object({
      limit: z.number().int().min(1).max(100, { error: 'at most 100 chats per page' }).optional(),
      modifiedBefore: z.number().int().nonnegative().optional(),
      modifiedAfter: z.number().int().nonnegative().optional(),
      drafts: z.boolean().optional(),
    }),
    query: z.object({
      limit: z.number().int().max(100).optional(),
      modified_before: z.number().optional(),
      modified_after: z.number().optional(),
      drafts: z.boolean().optional(),
    }),
    toWire: (p) => ({
      query: { limit: p.limit, modified_before: p.modifiedBefore, modified_after: p.modifiedAfter, drafts: p.drafts },
    }),
    response: z.object({ chats: z.array(v2Chat).default([]) }),
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
      expiryTime: z.union([z.literal(-1), z.number().int().positive()]).optional(),
      notify: z.boolean().optional(),
    }),
    body: z.object({ id: z.string(), expiry_time: z.number().optional(), notify: z.boolean().optional() }),
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
    response: z.object({ data: stickyMessage.optional() }).optional(),
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
