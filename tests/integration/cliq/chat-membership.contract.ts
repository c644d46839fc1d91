import { describe, expect, it } from 'vitest';
import { endpoints } from '../../../lib/cliq/endpoints/index';
import { failureOf, first, useSandbox } from './harness';

/** The user's membership of a chat, v2 and v3: the same answers, each version on its own path and budget. */
const h = useSandbox();

const VERSIONS = [
  { version: 'v2', members: 'listChatMembersV2', mute: 'muteChatV2', unmute: 'unmuteChatV2', leave: 'leaveChatV2' },
  { version: 'v3', members: 'listChatMembers', mute: 'muteChat', unmute: 'unmuteChat', leave: 'leaveChat' },
] as const;

describe.each(VERSIONS)('chat membership ($version)', ({ version, members, mute, unmute, leave }) => {
  it('lists the members of a group chat with the requested fields only', async () => {
    const group = first(h.chats('group_chat'), 'group chat');
    const result = await h.client().call(members, { chatId: group.id, fields: ['user_id', 'email_id'] });
    h.expectRoute(members);
    expect(result.members.map((m) => m.user_id).sort()).toEqual([...group.memberIds].sort());
    expect(result.members.every((m) => m.email_id?.includes('@'))).toBe(true);
    expect(result.members[0]?.name).toBeUndefined();
  });

  it('refuses a field Cliq does not document before anything is sent', async () => {
    const group = first(h.chats('group_chat'), 'group chat');
    const before = h.requestCount();
    const error = await failureOf(h.client().call(members, { chatId: group.id, fields: ['phone' as 'name'] }));
    expect(error.kind).toBe('invalid');
    expect(h.requestCount()).toBe(before);
  });

  it('mutes and unmutes a chat', async () => {
    const chat = first(
      h.chats('group_chat').filter((c) => !c.muted),
      'unmuted group chat',
    );
    expect(await h.client().call(mute, { chatId: chat.id })).toBeUndefined();
    h.expectRoute(mute);
    expect(chat.muted).toBe(true);
    expect(await h.client().call(unmute, { chatId: chat.id })).toBeUndefined();
    h.expectRoute(unmute);
    expect(chat.muted).toBe(false);
  });

  it('leaves a group chat but not a direct chat', async () => {
    const group = first(h.chats('group_chat'), 'group chat');
    await h.client().call(leave, { chatId: group.id });
    h.expectRoute(leave);
    expect(group.removed).toBe(true);
    const direct = first(h.chats('direct_message'), 'direct chat');
    const error = await failureOf(h.client().call(leave, { chatId: direct.id }));
    expect(error).toMatchObject({ kind: 'invalid', code: 'operation_not_allowed' });
  });

  it('counts its calls on its own budget of 20 a minute with a 10-minute lock', () => {
    expect(endpoints[mute].budget).toEqual({
      key: `POST /${version}/chats/{CHAT_ID}/mute`,
      perMinute: 20,
      lockMs: 600_000,
    });
  });
});
