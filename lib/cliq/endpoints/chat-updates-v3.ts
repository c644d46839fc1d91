import * as z from '../zod';
import { endpoint } from './define';
import { chatId as chatIdOf, messageId, title } from './params';
import { perMinute } from './routes';
import { noContent } from './shapes';

/*
 * `PUT /v3/chats/{CHAT_ID}` carries six operations chosen by the body's `operation`; they share one budget.
 * The docs give the lock as 5 minutes in one place and 10 in another: the longer one is used.
 */
const CHAT = '/v3/chats/{CHAT_ID}';
const chatPut = { method: 'PUT', path: CHAT, scope: 'ZohoCliq.Chats.UPDATE', limit: perMinute(60, 10) } as const;
const chatPath = (p: { chatId: string }) => ({ CHAT_ID: p.chatId });
const chatId = chatIdOf();

export const chatUpdateV3Endpoints = {
  /** Channels cannot be renamed this way. */
  renameChat: endpoint({
    ...chatPut,
    params: z.object({ chatId, title: title('chat title') }),
    body: z.object({ operation: z.literal('update_title'), title: z.string().check(z.minLength(1), z.maxLength(255)) }),
    toWire: (p) => ({ path: chatPath(p), body: { operation: 'update_title', title: p.title } }),
    response: z.object({ data: z.object({ chat_id: z.string(), title: z.string() }) }),
  }),

  setChatHistory: endpoint({
    ...chatPut,
    params: z.object({ chatId, history: z.literal(['enabled', 'disabled']) }),
    body: z.object({
      operation: z.literal('update_history_status'),
      history_status: z.literal(['enabled', 'disabled']),
    }),
    toWire: (p) => ({ path: chatPath(p), body: { operation: 'update_history_status', history_status: p.history } }),
    response: noContent,
  }),

  /** Read up to and including `lastMessageId`. */
  markChatRead: endpoint({
    ...chatPut,
    params: z.object({ chatId, lastMessageId: messageId('last message id') }),
    body: z.object({ operation: z.literal('mark_as_read'), last_message_id: z.string() }),
    toWire: (p) => ({ path: chatPath(p), body: { operation: 'mark_as_read', last_message_id: p.lastMessageId } }),
    response: noContent,
  }),

  /** Unread from `messageId` on. */
  markChatUnread: endpoint({
    ...chatPut,
    params: z.object({ chatId, messageId: messageId() }),
    body: z.object({ operation: z.literal('mark_as_unread'), message_id: z.string() }),
    toWire: (p) => ({ path: chatPath(p), body: { operation: 'mark_as_unread', message_id: p.messageId } }),
    response: noContent,
  }),

  /** Hides the history for this user only; direct and group chats only. */
  clearLocalHistory: endpoint({
    ...chatPut,
    params: z.object({ chatId }),
    body: z.object({ operation: z.literal('clear_local_history') }),
    toWire: (p) => ({ path: chatPath(p), body: { operation: 'clear_local_history' } }),
    response: noContent,
  }),

  /** Removes the chat from the recent list; nothing else changes. */
  closeChat: endpoint({
    ...chatPut,
    params: z.object({ chatId }),
    body: z.object({ operation: z.literal('close_chat') }),
    toWire: (p) => ({ path: chatPath(p), body: { operation: 'close_chat' } }),
    response: noContent,
  }),
};
