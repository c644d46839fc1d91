/** Scope names and lookups shared by the route modules. */
import { badRequest, notFound } from '../errors';
import type { RouteContext } from '../router';
import type { Chat, Message } from '../state';

/** OAuth scopes as the OpenAPI `security` sections and the docs name them. */
export const SCOPE = {
  chatsRead: 'ZohoCliq.Chats.READ',
  chatsCreate: 'ZohoCliq.Chats.CREATE',
  chatsUpdate: 'ZohoCliq.Chats.UPDATE',
  chatsDelete: 'ZohoCliq.Chats.DELETE',
  messagesRead: 'ZohoCliq.Messages.READ',
  messagesUpdate: 'ZohoCliq.Messages.UPDATE',
  messagesDelete: 'ZohoCliq.Messages.DELETE',
  webhooksCreate: 'ZohoCliq.Webhooks.CREATE',
  webhooksUpdate: 'ZohoCliq.Webhooks.UPDATE',
  reactionsRead: 'ZohoCliq.messageactions.READ',
  reactionsCreate: 'ZohoCliq.messageactions.CREATE',
} as const;

/** The chat named in the path; 404 when it does not exist. */
export function chatFromPath(ctx: RouteContext): Chat {
  const id = ctx.params.CHAT_ID ?? '';
  const chat = ctx.state.chat(id);
  if (!chat) throw notFound(`chat ${id}`);
  return chat;
}

/** The chat named in the path, which the signed-in user must take part in (else 400 with `code`). */
export function participantChat(ctx: RouteContext, code: string): Chat {
  const chat = chatFromPath(ctx);
  if (!ctx.state.isParticipant(chat)) throw badRequest(code, 'You are not a participant of this chat.');
  return chat;
}

/** The message named in the path; 404 when the chat has no such message. */
export function messageFromPath(ctx: RouteContext, chat: Chat): Message {
  const id = ctx.params.MESSAGE_ID ?? '';
  const message = ctx.state.message(chat, id);
  if (!message) throw notFound(`message ${id}`);
  return message;
}
