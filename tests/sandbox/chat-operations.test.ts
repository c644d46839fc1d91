import { describe, expect, it } from 'vitest';
import { chatsOfType, useSandbox } from './helpers';
import type { Chat } from './state';

const { sandbox, call } = useSandbox();
const group = () => chatsOfType(sandbox(), 'group_chat')[1] as Chat;
const ids = (res: { body: { chats: { chat_id: string }[] } }) => res.body.chats.map((c) => c.chat_id);

describe('PUT /v3/chats/{CHAT_ID}', () => {
  const put = (chat: Chat, body: object, token?: string) => call('PUT', `/v3/chats/${chat.id}`, { body, token });

  it('renames a group chat', async () => {
    const chat = group();
    const res = await put(chat, { operation: 'update_title', title: 'Renamed' });
    expect(res.body).toEqual({ type: 'chat.title', data: { title: 'Renamed', chat_id: chat.id } });
    expect((await call('GET', `/v3/chats/${chat.id}`)).body.data.previous_titles).toBeDefined();
  });

  it('answers the documented title errors', async () => {
    const [direct, channel, bot] = ['direct_message', 'channel', 'bot'].map(
      (t) => chatsOfType(sandbox(), t)[0] as Chat,
    );
    const cases: [Chat, object, string][] = [
      [group(), {}, 'param_missing'],
      [group(), { operation: 'update_title' }, 'param_missing'],
      [group(), { operation: 'update_title', title: '  ' }, 'chat_title_empty'],
      [group(), { operation: 'update_title', title: 'x'.repeat(256) }, 'chat_title_update_failed'],
      [channel as Chat, { operation: 'update_title', title: 'x' }, 'channel_title_update_not_supported'],
      [direct as Chat, { operation: 'update_title', title: 'x' }, 'contact_rename_not_supported'],
      [bot as Chat, { operation: 'update_title', title: 'x' }, 'chatlet_title_modification_not_allowed'],
      [group(), { operation: 'update_history_status' }, 'param_missing'],
      [group(), { operation: 'mark_as_read' }, 'param_missing'],
      [channel as Chat, { operation: 'clear_local_history' }, 'chat_clear_local_history_not_supported'],
    ];
    for (const [chat, body, code] of cases) expect((await put(chat, body)).body.code, JSON.stringify(body)).toBe(code);
    const removed = [...sandbox().state.chats.values()].find((c) => c.removed) as Chat;
    expect((await put(removed, { operation: 'close_chat' })).body.code).toBe('chat_access_denied');
  });

  it('sets history status, read state, clears local history and closes', async () => {
    const chat = group();
    const messages = sandbox().state.messagesOf(chat);
    expect((await put(chat, { operation: 'update_history_status', history_status: 'disabled' })).status).toBe(204);
    expect(chat.historyEnabled).toBe(false);
    await put(chat, { operation: 'mark_as_unread', message_id: messages.at(-3)?.id });
    expect(chat.unreadCount).toBe(3);
    await put(chat, { operation: 'mark_as_read', last_message_id: messages.at(-1)?.id });
    expect(chat.unreadCount).toBe(0);
    await put(chat, { operation: 'clear_local_history' });
    expect((await call('GET', `/v2/chats/${chat.id}/messages`)).body.data).toEqual([]);
    await put(chat, { operation: 'close_chat' });
    expect(ids(await call('GET', '/v3/chats'))).not.toContain(chat.id);
    expect(ids(await call('GET', '/v3/chats?closed=true'))).toContain(chat.id);
  });

  it('lets a Messages.UPDATE token change read state but not the title', async () => {
    const chat = group();
    const token = sandbox().issueToken({ scopes: ['ZohoCliq.Messages.UPDATE'] });
    const last = sandbox().state.messagesOf(chat).at(-1)?.id;
    expect((await put(chat, { operation: 'mark_as_read', last_message_id: last }, token)).status).toBe(204);
    expect((await put(chat, { operation: 'update_title', title: 'x' }, token)).status).toBe(403);
  });
});

describe('members, forks, activities, leave and mute (v3)', () => {
  it('lists, adds and removes members with the documented errors', async () => {
    const chat = group();
    const list = await call('GET', `/v3/chats/${chat.id}/members?fields=user_id`);
    expect(list.body.members).toHaveLength(chat.memberIds.length);
    const newcomer = [...sandbox().state.users.values()].find(
      (u) => u.active && !u.external && !chat.memberIds.includes(u.id),
    )?.id as string;
    const added = await call('POST', `/v3/chats/${chat.id}/members`, { body: { user_ids: [newcomer] } });
    expect(added.body).toEqual({ type: 'chat.member', data: { chat_id: chat.id, added_user_ids: [newcomer] } });
    const removed = await call('DELETE', `/v3/chats/${chat.id}/members?user_ids=${newcomer}`);
    expect(removed.body).toEqual({ type: 'chat.member', data: { chat_id: chat.id, removed_user_ids: [newcomer] } });
    const direct = chatsOfType(sandbox(), 'direct_message')[0] as Chat;
    expect((await call('POST', `/v3/chats/${direct.id}/members`, { body: { user_ids: [newcomer] } })).body.code).toBe(
      'one_to_one_chat_add_member_not_allowed',
    );
    expect((await call('DELETE', `/v3/chats/${direct.id}/members?user_ids=${newcomer}`)).body.code).toBe(
      'one_to_one_chat_delete_member_not_allowed',
    );
    const external = [...sandbox().state.users.values()].find((u) => u.external)?.id;
    expect((await call('POST', `/v3/chats/${chat.id}/members`, { body: { user_ids: [external] } })).body.code).toBe(
      'chat_with_other_org_disabled',
    );
    expect((await call('POST', `/v3/chats/${chat.id}/members`, { body: { user_ids: ['nobody'] } })).body.code).toBe(
      'member_add_failed',
    );
    expect((await call('DELETE', `/v3/chats/${chat.id}/members?user_ids=nobody`)).body.code).toBe(
      'member_delete_failed',
    );
    chat.memberIds.push(...Array.from({ length: 100 }, (_, i) => `filler${i}`));
    expect((await call('POST', `/v3/chats/${chat.id}/members`, { body: { user_ids: [newcomer] } })).body.code).toBe(
      'group_chat_participants_limit_exceeded',
    );
  });

  it('forks a chat from a message', async () => {
    const chat = group();
    const messages = sandbox().state.messagesOf(chat);
    const from = messages.at(-4)?.id;
    const res = await call('POST', `/v3/chats/${chat.id}/forks`, {
      body: { message_id: from, title: 'Side quest', include_participants: true },
    });
    expect(res.body).toMatchObject({
      type: 'chat',
      data: { name: 'Side quest', chat_type: 'group_chat', participant_count: chat.memberIds.length },
    });
    const forked = sandbox().state.chat(res.body.data.chat_id) as Chat;
    expect(
      sandbox()
        .state.messagesOf(forked)
        .map((m) => m.text),
    ).toEqual(messages.slice(-4).map((m) => m.text));
    expect((await call('POST', `/v3/chats/${chat.id}/forks`, { body: { title: 'x' } })).body.code).toBe(
      'invalid_request',
    );
  });

  it('accepts typing activities', async () => {
    const chat = group();
    expect((await call('POST', `/v3/chats/${chat.id}/activities`, { body: { action: 'typing' } })).status).toBe(204);
    expect((await call('POST', `/v3/chats/${chat.id}/activities`, { body: { action: 'dancing' } })).body.code).toBe(
      'param_missing',
    );
    const removed = [...sandbox().state.chats.values()].find((c) => c.removed) as Chat;
    const denied = await call('POST', `/v3/chats/${removed.id}/activities`, { body: { action: 'typing' } });
    expect(denied.body.code).toBe('chat_access_denied');
  });

  it('mutes, unmutes and leaves', async () => {
    const chat = group();
    expect((await call('POST', `/v3/chats/${chat.id}/mute`)).status).toBe(204);
    expect(ids(await call('GET', '/v3/chats?muted=true'))).toContain(chat.id);
    await call('POST', `/v3/chats/${chat.id}/unmute`);
    expect(chat.muted).toBe(false);
    expect((await call('POST', `/v3/chats/${chat.id}/leave`)).status).toBe(204);
    expect((await call('GET', `/v3/chats/${chat.id}`)).body.code).toBe('chat_access_denied');
  });
});
