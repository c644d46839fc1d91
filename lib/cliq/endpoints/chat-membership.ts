import * as z from '../zod';
import { endpoint } from './define';
import { chatId, csv } from './params';
import { perMinute } from './routes';
import { noContent } from './shapes';

/*
 * The user's own membership of a chat (its members, mute, unmute, leave): documented alike for v2 and v3,
 * 20 a minute with a 10-minute lock, so both versions are made from one definition.
 */

type Version = 'v2' | 'v3';

const chatPath = (p: { chatId: string }) => ({ CHAT_ID: p.chatId });
const chatOnly = z.object({ chatId: chatId() });

const listMembers = (version: Version) =>
  endpoint({
    method: 'GET',
    path: `/${version}/chats/{CHAT_ID}/members`,
    scope: 'ZohoCliq.Chats.READ',
    limit: perMinute(20, 10),
    params: z.object({
      chatId: chatId(),
      fields: z.optional(z.array(z.literal(['name', 'email_id', 'user_id']))),
    }),
    query: z.object({ fields: z.optional(z.string()) }),
    toWire: (p) => ({ path: chatPath(p), query: { fields: p.fields && csv(p.fields) } }),
    response: z.object({
      members: z.array(
        z.object({ user_id: z.optional(z.string()), email_id: z.optional(z.string()), name: z.optional(z.string()) }),
      ),
    }),
  });

const chatAction = (version: Version, action: 'mute' | 'unmute' | 'leave') =>
  endpoint({
    method: 'POST',
    path: `/${version}/chats/{CHAT_ID}/${action}`,
    scope: 'ZohoCliq.Chats.UPDATE',
    limit: perMinute(20, 10),
    params: chatOnly,
    toWire: (p) => ({ path: chatPath(p) }),
    response: noContent,
  });

export const chatMembershipEndpoints = {
  listChatMembers: listMembers('v3'),
  muteChat: chatAction('v3', 'mute'),
  unmuteChat: chatAction('v3', 'unmute'),
  leaveChat: chatAction('v3', 'leave'),
  listChatMembersV2: listMembers('v2'),
  muteChatV2: chatAction('v2', 'mute'),
  unmuteChatV2: chatAction('v2', 'unmute'),
  leaveChatV2: chatAction('v2', 'leave'),
};
