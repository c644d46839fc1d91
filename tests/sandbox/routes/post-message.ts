/**
 * Posting messages v2: to a chat, a channel by unique name, a bot, or a user by email/zuid. With
 * `sync_message: true` the answer carries the new message id; otherwise it is 204 (the sandbox's reading
 * of the docs, whose examples differ per endpoint).
 */
import { createChat, directChatBetween } from '../chats';
import { badRequest, notFound } from '../errors';
import { type Body, bodyObject, csv, optionalBoolean, optionalString } from '../input';
import type { Reply, Route, RouteContext } from '../router';
import type { Chat } from '../state';
import { participantChat, SCOPE } from './common';
import { messageText } from './messages-v2';

const INVALID = 'invalid_inputs';
const NOT_ALLOWED = 'operation_not_allowed';

function post(ctx: RouteContext, chat: Chat, senderId: string, body: Body): Reply {
  const text = messageText(body.text);
  const replyTo = optionalString(body, 'reply_to', INVALID);
  const sync = optionalBoolean(body, 'sync_message', INVALID) ?? false;
  optionalBoolean(body, 'mark_as_read', INVALID);
  if (replyTo !== undefined && !ctx.state.message(chat, replyTo))
    throw badRequest(INVALID, 'reply_to is not a message of this chat.');
  const message = ctx.state.appendMessage(chat, senderId, text, replyTo ? { replyTo } : {});
  return sync ? { status: 200, body: { message_id: message.id } } : { status: 204 };
}

function toChat(ctx: RouteContext) {
  const chat = participantChat(ctx, NOT_ALLOWED);
  return post(ctx, chat, ctx.userId, bodyObject(ctx.body, INVALID));
}

function botChatByName(ctx: RouteContext, name: string): Chat {
  const chat = [...ctx.state.chats.values()].find((c) => c.type === 'bot' && c.uniqueName === name);
  if (!chat) throw notFound(`bot ${name}`);
  return chat;
}

const botUserOf = (chat: Chat): string => chat.creatorId;

/** `bot_unique_name` posts as that bot, which must already be in the channel. */
function toChannel(ctx: RouteContext) {
  const name = ctx.params.CHANNEL_UNIQUE_NAME ?? '';
  const channel = [...ctx.state.chats.values()].find((c) => c.type === 'channel' && c.uniqueName === name);
  if (!channel) throw notFound(`channel ${name}`);
  if (!ctx.state.isParticipant(channel)) throw badRequest(NOT_ALLOWED, 'You are not a member of this channel.');
  const botName = ctx.query.get('bot_unique_name');
  let senderId = ctx.userId;
  if (botName) {
    senderId = botUserOf(botChatByName(ctx, botName));
    if (!channel.memberIds.includes(senderId)) throw badRequest(NOT_ALLOWED, 'That bot is not in this channel.');
  }
  return post(ctx, channel, senderId, bodyObject(ctx.body, INVALID));
}

/** With `userids`, the bot broadcasts to those users' bot chats and reports each new message. */
function toBot(ctx: RouteContext) {
  const { state } = ctx;
  const botChat = botChatByName(ctx, ctx.params.BOT_UNIQUE_NAME ?? '');
  const body = bodyObject(ctx.body, INVALID);
  const userIds = csv(optionalString(body, 'userids', INVALID));
  if (userIds.length === 0) return post(ctx, botChat, ctx.userId, body);
  const botId = botUserOf(botChat);
  const text = messageText(body.text);
  const unknown = userIds.filter((id) => !state.users.has(id));
  if (unknown.length > 0) throw badRequest(INVALID, `Unknown users: ${unknown.join(', ')}`);
  const details = Object.fromEntries(
    userIds.map((userId) => {
      const chat =
        directChatBetween(state, botId, userId, 'bot') ??
        createChat(state, {
          type: 'bot',
          title: botChat.title,
          memberIds: [userId, botId],
          creatorId: botId,
          uniqueName: botChat.uniqueName,
        });
      const message = state.appendMessage(chat, botId, text);
      return [userId, { chat_id: chat.id, message_id: message.id.replace('_', '%20') }];
    }),
  );
  return { status: 200, body: { user_ids: userIds, message_details: details } };
}

/** Users outside the organisation and contacts cannot be messaged this way. */
function toBuddy(ctx: RouteContext) {
  const { state } = ctx;
  const key = ctx.params.EMAIL_ID ?? '';
  const user = [...state.users.values()].find((u) => u.email.toLowerCase() === key.toLowerCase() || u.id === key);
  if (!user || user.external) throw badRequest(NOT_ALLOWED, 'That user is neither a contact nor in your organisation.');
  const chat =
    directChatBetween(state, ctx.userId, user.id) ??
    createChat(state, {
      type: 'direct_message',
      title: user.name,
      memberIds: [ctx.userId, user.id],
      creatorId: ctx.userId,
    });
  return post(ctx, chat, ctx.userId, bodyObject(ctx.body, INVALID));
}

const scopes = [SCOPE.webhooksCreate];

export const postMessageRoutes: Route[] = [
  { method: 'POST', template: '/v2/chats/{CHAT_ID}/message', scopes, handle: toChat },
  { method: 'POST', template: '/v2/channelsbyname/{CHANNEL_UNIQUE_NAME}/message', scopes, handle: toChannel },
  { method: 'POST', template: '/v2/bots/{BOT_UNIQUE_NAME}/message', scopes, handle: toBot },
  { method: 'POST', template: '/v2/buddies/{EMAIL_ID}/message', scopes, handle: toBuddy },
];
