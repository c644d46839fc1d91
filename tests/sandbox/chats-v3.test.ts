import { describe, expect, it } from 'vitest';
import { isChatPinned } from './folders';
import { chatsOfType, useSandbox } from './helpers';
import type { Chat } from './state';

const { sandbox, call } = useSandbox();
const group = () => chatsOfType(sandbox(), 'group_chat')[1] as Chat;
const ids = (res: { body: { chats: { chat_id: string }[] } }) => res.body.chats.map((c) => c.chat_id);

describe('GET /v3/chats', () => {
  it('lists open chats (no threads, no closed) with the v3 shape', async () => {
    const res = await call('GET', '/v3/chats');
    expect(res.status).toBe(200);
    const chats = res.body.chats as { chat_type: string; chat_id: string }[];
    expect(new Set(chats.map((c) => c.chat_type))).toEqual(new Set(['direct_message', 'group_chat', 'channel', 'bot']));
    expect(chats.some((c) => sandbox().state.chat(c.chat_id)?.closed)).toBe(false);
    expect(chats[0]).toMatchObject({
      chat_id: expect.any(String),
      name: expect.any(String),
      participant_count: expect.any(Number),
      created_time: expect.any(String),
      last_modified_time: expect.any(String),
      pinned: expect.any(Boolean),
      removed: expect.any(Boolean),
      creator: { id: expect.any(String), name: expect.any(String) },
      last_message_info: {
        message_id: expect.any(String),
        sender: expect.any(String),
        time: expect.any(String),
        content: { text: expect.any(String) },
        type: 'text',
      },
    });
  });

  it('filters by pinned, muted, chat_ids, type, name, closed and limit', async () => {
    const s = sandbox().state;
    const pinned = ids(await call('GET', '/v3/chats?pinned=true'));
    expect(pinned.length).toBeGreaterThan(0);
    expect(pinned.every((id) => isChatPinned(s, id))).toBe(true);
    const muted = ids(await call('GET', '/v3/chats?muted=true'));
    expect(muted.map((id) => s.chat(id)?.title).sort()).toEqual(['marketing', 'random']);
    const wanted = chatsOfType(sandbox(), 'channel')
      .slice(0, 2)
      .map((c) => c.id);
    expect(ids(await call('GET', `/v3/chats?chat_ids=${wanted.join(',')}`)).sort()).toEqual([...wanted].sort());
    for (const [type, chatType] of [
      ['channel', 'channel'],
      ['bot', 'bot'],
      ['dm', 'direct_message'],
      ['threads', 'thread'],
    ]) {
      const res = await call('GET', `/v3/chats?type=${type}`);
      expect(res.body.chats.length, type).toBeGreaterThan(0);
      expect(
        res.body.chats.every((c: { chat_type: string }) => c.chat_type === chatType),
        type,
      ).toBe(true);
    }
    expect(ids(await call('GET', '/v3/chats?type=guests'))).toEqual([]);
    expect((await call('GET', '/v3/chats?name=LAUNCH')).body.chats[0].name).toBe('Q3 Launch Crew');
    expect((await call('GET', '/v3/chats?closed=true')).body.chats.map((c: { name: string }) => c.name)).toHaveLength(
      1,
    );
    expect(ids(await call('GET', '/v3/chats?limit=4'))).toHaveLength(4);
    expect((await call('GET', '/v3/chats?type=weird')).status).toBe(400);
    expect((await call('GET', '/v3/chats?limit=500')).status).toBe(400);
  });
});

describe('GET /v3/chats/search', () => {
  it('matches titles case-insensitively, filters types and sorts by usage', async () => {
    const res = await call('GET', '/v3/chats/search?title=ENG');
    expect(res.body.chats.map((c: { name: string }) => c.name)).toContain('engineering');
    const channels = await call('GET', '/v3/chats/search?chat_type=channel&sort_by=usage');
    expect(channels.body.chats[0].name).toBe('general');
    const both = await call('GET', '/v3/chats/search?chat_type=direct_message,group_chat&limit=5');
    expect(both.body.chats).toHaveLength(5);
  });

  it('answers its nested error shape for bad inputs and times', async () => {
    const cases: [string, string][] = [
      ['chat_type=pigeon', 'invalid.inputs.submitted'],
      ['sort_by=alpha', 'invalid.inputs.submitted'],
      ['limit=501', 'invalid.inputs.submitted'],
      [`title=${'x'.repeat(201)}`, 'invalid.inputs.submitted'],
      ['modified_after=tomorrow', 'invalid.time.submitted'],
      ['modified_after=2000&modified_before=1000', 'invalid.time.submitted'],
    ];
    for (const [query, code] of cases) {
      const res = await call('GET', `/v3/chats/search?${query}`);
      expect(res.status).toBe(400);
      expect(res.body, query).toEqual({ error: { code, message: expect.any(String) } });
    }
  });
});

describe('GET /v3/chats/{CHAT_ID}', () => {
  it('answers the chat, with last_message_info on request and narrowed by fields', async () => {
    const chat = group();
    const res = await call('GET', `/v3/chats/${chat.id}`);
    expect(res.body).toMatchObject({
      type: 'chat',
      data: { chat_id: chat.id, name: chat.title, unread_message_count: expect.any(Number) },
    });
    expect(res.body.data.last_message_info).toBeUndefined();
    const withLast = await call('GET', `/v3/chats/${chat.id}?include=last_message_info`);
    expect(withLast.body.data.last_message_info.message_id).toBeDefined();
    const narrow = await call('GET', `/v3/chats/${chat.id}?fields=title,chat_type,participant_count`);
    expect(narrow.body.data).toEqual({
      chat_id: chat.id,
      title: chat.title,
      chat_type: 'group_chat',
      participant_count: chat.memberIds.length,
    });
  });

  it('answers chat_access_denied for chats the user is not in, and 404 for unknown chats', async () => {
    const removed = [...sandbox().state.chats.values()].find((c) => c.removed) as Chat;
    expect((await call('GET', `/v3/chats/${removed.id}`)).body.code).toBe('chat_access_denied');
    expect((await call('GET', '/v3/chats/CT_0_x')).status).toBe(404);
  });
});

describe('POST /v3/chats and PUT /v3/chats', () => {
  const users = () => [...sandbox().state.users.values()];

  it('creates (or finds) direct chats and creates group chats', async () => {
    const s = sandbox().state;
    const existing = chatsOfType(sandbox(), 'direct_message')[0] as Chat;
    const other = existing.memberIds.find((id) => id !== s.currentUserId) as string;
    const found = await call('POST', '/v3/chats', { body: { chat_type: 'direct_message', user_id: other } });
    expect(found.body).toMatchObject({
      url: '/v3/chats',
      type: 'chat',
      data: { chat_id: existing.id, user_membership: { pinned: expect.any(Boolean), removed: false } },
    });
    const people = users()
      .filter((u) => u.active && !u.external && u.id !== s.currentUserId)
      .slice(0, 3)
      .map((u) => u.id);
    const created = await call('POST', '/v3/chats', {
      body: { chat_type: 'group_chat', user_ids: people, title: 'New crew' },
    });
    expect(created.body.data).toMatchObject({ chat_type: 'group_chat', name: 'New crew', participant_count: 4 });
    expect(s.chat(created.body.data.chat_id)).toBeDefined();
  });

  it('answers the documented creation errors', async () => {
    const inactive = users().find((u) => !u.active)?.id;
    const external = users().find((u) => u.external)?.id;
    const someone = users()[1]?.id;
    const cases: [object, string][] = [
      [{}, 'invalid_inputs'],
      [{ chat_type: 'channel' }, 'invalid_inputs'],
      [{ chat_type: 'group_chat', user_ids: [someone] }, 'invalid_inputs'],
      [{ chat_type: 'direct_message', user_id: 'nobody' }, 'no_valid_users_available_to_create_chat'],
      [{ chat_type: 'direct_message', user_id: external }, 'chat_continue_nonorg_nonmutual_contact_failed'],
      [
        { chat_type: 'direct_message', user_id: inactive },
        'chat_not_available_with_this_inactive_user_and_cannot_create_newchat',
      ],
      [
        { chat_type: 'group_chat', user_ids: ['nobody', inactive], title: 't' },
        'no_valid_users_available_to_create_chat',
      ],
      [{ chat_type: 'group_chat', user_ids: [someone], title: 't' }, 'insufficient_members_to_create_group_chat'],
    ];
    for (const [body, code] of cases)
      expect((await call('POST', '/v3/chats', { body })).body.code, JSON.stringify(body)).toBe(code);
  });

  it('bulk-marks chats read and clears unread counts', async () => {
    const unread = [...sandbox().state.chats.values()].filter(
      (c) => c.unreadCount > 0 && sandbox().state.isParticipant(c),
    );
    const [a, b] = unread as [Chat, Chat];
    const res = await call('PUT', '/v3/chats', {
      body: {
        operation: 'read_status_update',
        read_status: 'read',
        chats: [
          { chat_id: a.id, last_message_id: 'x' },
          { chat_id: 'CT_0_none', last_message_id: 'y' },
        ],
      },
    });
    expect(res.body).toEqual({ type: 'chat.read_status', data: { success: [a.id], failure: ['CT_0_none'] } });
    expect(a.unreadCount).toBe(0);
    expect((await call('PUT', '/v3/chats', { body: { operation: 'clear_unread', chat_ids: [b.id] } })).status).toBe(
      204,
    );
    expect(b.unreadCount).toBe(0);
    for (const body of [
      {},
      { operation: 'read_status_update', chats: [] },
      { operation: 'read_status_update', read_status: 'read' },
      { operation: 'clear_unread' },
    ]) {
      expect((await call('PUT', '/v3/chats', { body })).body.code).toBe('param_missing');
    }
  });
});
