import { describe, expect, it } from 'vitest';
import { endpoints } from '../../../lib/cliq/endpoints/index';
import { failureOf, first, useSandbox } from './harness';

/** The v3 twins of the v2 membership operations: same answers, their own path and budget. */
const h = useSandbox();

describe('listChatMembers (v3)', () => {
  it('lists the members of a group chat with the requested fields', async () => {
    const group = first(h.chats('group_chat'), 'group chat');
    const result = await h.client().call('listChatMembers', { chatId: group.id, fields: ['user_id', 'email_id'] });
    h.expectRoute('listChatMembers');
    expect(result.members.map((m) => m.user_id).sort()).toEqual([...group.memberIds].sort());
    expect(result.members.every((m) => m.email_id?.includes('@'))).toBe(true);
    expect(result.members[0]?.name).toBeUndefined();
  });

  it('refuses a field Cliq does not document before anything is sent', async () => {
    const group = first(h.chats('group_chat'), 'group chat');
    const before = h.requestCount();
    const error = await failureOf(
      h.client().call('listChatMembers', { chatId: group.id, fields: ['phone' as unknown as 'name'] }),
    );
    expect(error.kind).toBe('invalid');
    expect(h.requestCount()).toBe(before);
  });
});

describe('muteChat, unmuteChat and leaveChat (v3)', () => {
  it('mutes and unmutes a chat', async () => {
    const chat = first(
      h.chats('group_chat').filter((c) => !c.muted),
      'unmuted group chat',
    );
    expect(await h.client().call('muteChat', { chatId: chat.id })).toBeUndefined();
    h.expectRoute('muteChat');
    expect(chat.muted).toBe(true);
    expect(await h.client().call('unmuteChat', { chatId: chat.id })).toBeUndefined();
    h.expectRoute('unmuteChat');
    expect(chat.muted).toBe(false);
  });

  it('leaves a group chat but not a direct chat', async () => {
    const group = first(h.chats('group_chat'), 'group chat');
    await h.client().call('leaveChat', { chatId: group.id });
    h.expectRoute('leaveChat');
    expect(group.removed).toBe(true);
    const direct = first(h.chats('direct_message'), 'direct chat');
    const error = await failureOf(h.client().call('leaveChat', { chatId: direct.id }));
    expect(error).toMatchObject({ kind: 'invalid', code: 'operation_not_allowed' });
  });

  it('counts v3 calls on their own budget, apart from the v2 ones', () => {
    expect(endpoints.muteChat.budget).toEqual({ key: 'POST /v3/chats/{CHAT_ID}/mute', perMinute: 20, lockMs: 600_000 });
    expect(endpoints.muteChatV2.budget.key).toBe('POST /v2/chats/{CHAT_ID}/mute');
  });
});
