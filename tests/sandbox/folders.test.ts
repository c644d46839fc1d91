import { describe, expect, it } from 'vitest';
import { folderById } from './folders';
import { chatsOfType, useSandbox } from './helpers';
import type { Chat, Folder } from './state';

const { sandbox, call } = useSandbox();
const FOLDERS = '/v3/pin-categories';
const now = () => sandbox().clock.now();
const folders = () => sandbox().state.folders;
const chatIdsOf = (id: string) => (folderById(sandbox().state, id) as Folder).chatIds;
const userFolder = (i = 1) => folders()[i] as Folder;

/** Own chats that are in no folder yet. */
function unpinnedChats(n: number): string[] {
  const s = sandbox();
  const pinned = new Set(folders().flatMap((f) => f.chatIds));
  const ids = [...s.state.chats.values()]
    .filter((c) => s.state.isParticipant(c) && c.type !== 'thread' && !pinned.has(c.id))
    .map((c) => c.id);
  if (ids.length < n) throw new Error(`only ${ids.length} unpinned chats`);
  return ids.slice(0, n);
}

describe('GET /v3/pin-categories', () => {
  it('lists My Pins first with only its id, then folders with title, symbol and state', async () => {
    const res = await call('GET', FOLDERS);
    expect(res.status).toBe(200);
    expect(res.body.url).toBe('/v3/pin-categories');
    expect(res.body.type).toBe('pin_categories');
    expect(res.body.data[0]).toEqual({ category_id: 'default' });
    expect(res.body.data[1]).toEqual({
      category_id: expect.any(String),
      title: 'Urgent',
      symbol: '🔥',
      state: 'expanded',
    });
    expect(res.body.data).toHaveLength(6);
  });

  it('adds chats, recipients_summary and last_message_info only when asked', async () => {
    const basic = await call('GET', `${FOLDERS}?include_fields=chats`);
    const chat = basic.body.data[1].chats[0];
    expect(chat).toEqual({
      chat_id: expect.any(String),
      chat_type: expect.stringMatching(/^(direct_message|group_chat|channel|bot)$/),
      name: expect.any(String),
      participant_count: expect.any(Number),
      is_pinned: true,
    });
    expect(basic.body.data[0].chats.length).toBeGreaterThan(0);
    const full = await call('GET', `${FOLDERS}?include_fields=chats,recipients_summary,last_message_info`);
    expect(full.body.data[1].chats[0]).toMatchObject({
      recipients_summary: expect.arrayContaining([{ id: expect.any(String), name: expect.any(String) }]),
      last_message_info: {
        id: expect.any(String),
        sender: { id: expect.any(String), name: expect.any(String) },
        time: expect.any(String),
        type: 'text',
        content: { text: expect.any(String) },
      },
    });
    const withoutChats = await call('GET', `${FOLDERS}?include_fields=recipients_summary`);
    expect(withoutChats.body.data[1].chats).toBeUndefined();
  });
});

describe('POST /v3/pin-categories', () => {
  it('creates an expanded folder at the end, with its chats in the given order', async () => {
    const chats = unpinnedChats(2);
    const res = await call('POST', FOLDERS, { body: { title: 'Launch', symbol: '🚀', chat_ids: chats } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      url: '/v3/pin-categories',
      type: 'pin_categories',
      data: { category_id: expect.stringMatching(/^\d+$/), state: 'expanded', symbol: '🚀', title: 'Launch' },
    });
    expect(folders().at(-1)?.id).toBe(res.body.data.category_id);
    expect(chatIdsOf(res.body.data.category_id)).toEqual(chats);
  });

  it('answers param_missing, operation_not_allowed and operation_failed as documented', async () => {
    const removed = [...sandbox().state.chats.values()].find((c) => c.removed) as Chat;
    const cases: [object, string][] = [
      [{ symbol: '🚀' }, 'param_missing'],
      [{ title: 'x', chat_ids: ['CT_0_missing'] }, 'operation_not_allowed'],
      [{ title: 'x', chat_ids: [removed.id] }, 'operation_not_allowed'],
      [{ title: 'x'.repeat(256) }, 'operation_failed'],
      [{ title: 'x', symbol: 's'.repeat(51) }, 'operation_failed'],
      [{ title: 'x', chat_ids: Array.from({ length: 101 }, (_, i) => `c${i}`) }, 'operation_failed'],
    ];
    for (const [body, code] of cases) {
      const res = await call('POST', FOLDERS, { body });
      expect(res.status).toBe(400);
      expect(res.body.code, JSON.stringify(body).slice(0, 60)).toBe(code);
    }
  });

  it('caps folders at 50 besides My Pins with max_folders_error', async () => {
    const s = sandbox();
    while (s.state.folders.length < 51)
      s.state.folders.push({
        id: `f${s.state.folders.length}`,
        title: 't',
        symbol: '',
        state: 'expanded',
        chatIds: [],
      });
    const res = await call('POST', FOLDERS, { body: { title: 'one too many' } });
    expect(res.body.code).toBe('max_folders_error');
  });
});

describe('DELETE /v3/pin-categories?chat_ids=', () => {
  it('unpins the chats from every folder', async () => {
    const shared = userFolder(2).chatIds[0] as string;
    await call('POST', `/v3/chats/${shared}/pins`, { body: { category_id: userFolder(1).id } });
    expect(folders().filter((f) => f.chatIds.includes(shared)).length).toBeGreaterThanOrEqual(2);
    const res = await call('DELETE', `${FOLDERS}?chat_ids=${shared},CT_0_unknown`);
    expect(res.status).toBe(204);
    expect(folders().some((f) => f.chatIds.includes(shared))).toBe(false);
  });

  it('wants 1 to 25 chat ids', async () => {
    expect((await call('DELETE', FOLDERS)).body.code).toBe('operation_failed');
    const many = Array.from({ length: 26 }, (_, i) => `c${i}`).join(',');
    expect((await call('DELETE', `${FOLDERS}?chat_ids=${many}`)).body.code).toBe('operation_failed');
  });
});

describe('PUT /v3/pin-categories/{CATEGORY_ID}', () => {
  const put = (id: string, body: object) => call('PUT', `${FOLDERS}/${id}`, { body });

  it('modifies title, symbol and state', async () => {
    const folder = userFolder();
    expect((await put(folder.id, { title: 'Now', symbol: '', state: 'collapsed' })).status).toBe(204);
    expect(folder).toMatchObject({ title: 'Now', symbol: '', state: 'collapsed' });
    expect((await put(folder.id, { state: 'open' })).body.code).toBe('operation_failed');
    expect((await put(folder.id, { title: '' })).body.code).toBe('operation_failed');
    expect((await put('default', { title: 'Mine' })).body.code).toBe('operation_failed');
  });

  it('reorders a chat within the folder: above pin_above, or to the end', async () => {
    const folder = userFolder(2);
    const [a, b, c, d] = folder.chatIds as [string, string, string, string];
    expect((await put(folder.id, { chat_id: d, pin_above: a, last_sync_time: now() })).status).toBe(204);
    expect(folder.chatIds).toEqual([d, a, b, c]);
    await put(folder.id, { chat_id: d, last_sync_time: now() });
    expect(folder.chatIds).toEqual([a, b, c, d]);
    expect((await put(folder.id, { chat_id: 'CT_0_x', last_sync_time: now() })).body.code).toBe('operation_failed');
  });

  it('reorders folders; My Pins stays first and cannot be moved', async () => {
    const [, first, second] = folders().map((f) => f.id) as [string, string, string];
    expect((await put(second, { pin_above: first, last_sync_time: now() })).status).toBe(204);
    expect(
      folders()
        .map((f) => f.id)
        .slice(0, 3),
    ).toEqual(['default', second, first]);
    await put(second, { last_sync_time: now() });
    expect(folders().at(-1)?.id).toBe(second);
    expect((await put(first, { pin_above: 'default', last_sync_time: now() })).body.code).toBe('operation_failed');
    expect((await put('default', { pin_above: first, last_sync_time: now() })).body.code).toBe('operation_failed');
  });

  it('replaces the whole chat list', async () => {
    const folder = userFolder(3);
    const [keep] = folder.chatIds as [string];
    const fresh = unpinnedChats(2);
    expect((await put(folder.id, { chat_ids: [...fresh, keep], last_sync_time: now() })).status).toBe(204);
    expect(folder.chatIds).toEqual([...fresh, keep]);
    const bad = await put(folder.id, { chat_ids: ['CT_0_missing'], last_sync_time: now() });
    expect(bad.body.code).toBe('operation_failed');
  });

  it('answers invalid_inputs when operations are mixed', async () => {
    const folder = userFolder();
    for (const body of [
      { title: 'x', chat_ids: [], last_sync_time: now() },
      { chat_id: 'a', chat_ids: [], last_sync_time: now() },
      { state: 'collapsed', chat_id: 'a', last_sync_time: now() },
    ]) {
      expect((await put(folder.id, body)).body.code).toBe('invalid_inputs');
    }
  });

  it('answers client_not_synced for reorders and replaces with a stale last_sync_time', async () => {
    const folder = userFolder(2);
    const [a, b] = folder.chatIds as [string, string];
    const synced = now();
    sandbox().clock.advance(10);
    await call('POST', `/v3/chats/${unpinnedChats(1)[0]}/pins`);
    for (const body of [
      { chat_id: b, pin_above: a, last_sync_time: synced },
      { pin_above: userFolder(1).id, last_sync_time: new Date(synced).toISOString() },
      { chat_ids: [a], last_sync_time: synced },
    ]) {
      const res = await put(folder.id, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('client_not_synced');
    }
    expect((await put(folder.id, { chat_id: b })).body.code).toBe('operation_failed');
    expect((await put(folder.id, { chat_id: b, pin_above: a, last_sync_time: now() })).status).toBe(204);
  });

  it('answers 404 for an unknown folder', async () => {
    expect((await put('123', { title: 'x' })).status).toBe(404);
  });
});

describe('DELETE /v3/pin-categories/{CATEGORY_ID}', () => {
  it('moves the chats to the end of My Pins (skipping those already there)', async () => {
    const folder = userFolder(2);
    const before = [...chatIdsOf('default')];
    await call('POST', `/v3/chats/${folder.chatIds[0]}/pins`);
    const res = await call('DELETE', `${FOLDERS}/${folder.id}`);
    expect(res.status).toBe(204);
    expect(folderById(sandbox().state, folder.id)).toBeUndefined();
    expect(chatIdsOf('default')).toEqual([...new Set([...before, ...folder.chatIds])]);
    expect(chatIdsOf('default').length).toBeLessThan(before.length + folder.chatIds.length);
  });

  it('unpins the chats with unpin_all=true', async () => {
    const folder = userFolder(3);
    const before = [...chatIdsOf('default')];
    expect((await call('DELETE', `${FOLDERS}/${folder.id}?unpin_all=true`)).status).toBe(204);
    expect(chatIdsOf('default')).toEqual(before);
  });

  it('refuses to delete My Pins with operation_not_allowed, and 404s unknown folders', async () => {
    const res = await call('DELETE', `${FOLDERS}/default`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('operation_not_allowed');
    expect((await call('DELETE', `${FOLDERS}/999`)).status).toBe(404);
  });
});

describe('POST / DELETE /v3/chats/{CHAT_ID}/pins', () => {
  it('pins to My Pins by default or to a folder; pinning again changes nothing', async () => {
    const [chat] = unpinnedChats(1) as [string];
    const res = await call('POST', `/v3/chats/${chat}/pins`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ type: 'chat.pin', data: { chat_id: chat, category_id: 'default' } });
    const folder = userFolder();
    const into = await call('POST', `/v3/chats/${chat}/pins`, { body: { category_id: folder.id } });
    expect(into.body.data.category_id).toBe(folder.id);
    const modified = sandbox().state.foldersModifiedAt;
    sandbox().clock.advance(10);
    await call('POST', `/v3/chats/${chat}/pins`, { body: { category_id: folder.id } });
    expect(folder.chatIds.filter((id) => id === chat)).toHaveLength(1);
    expect(sandbox().state.foldersModifiedAt).toBe(modified);
  });

  it('answers max_pins_error, chat_access_denied, operation_not_allowed and chat_operation_failed', async () => {
    const s = sandbox();
    const [chat] = unpinnedChats(1) as [string];
    const full = userFolder();
    full.chatIds = Array.from({ length: 100 }, (_, i) => `CT_filler_${i}`);
    const cap = await call('POST', `/v3/chats/${chat}/pins`, { body: { category_id: full.id } });
    expect(cap.body.code).toBe('max_pins_error');
    const removed = [...s.state.chats.values()].find((c) => c.removed) as Chat;
    expect((await call('POST', `/v3/chats/${removed.id}/pins`)).body.code).toBe('chat_access_denied');
    expect((await call('DELETE', `/v3/chats/${removed.id}/pins`)).body.code).toBe('chat_access_denied');
    const thread = chatsOfType(s, 'thread')[0] as Chat;
    expect((await call('POST', `/v3/chats/${thread.id}/pins`)).body.code).toBe('operation_not_allowed');
    const unknown = await call('POST', `/v3/chats/${chat}/pins`, { body: { category_id: '42' } });
    expect(unknown.body.code).toBe('chat_operation_failed');
    expect((await call('POST', '/v3/chats/CT_0_none/pins')).status).toBe(404);
  });

  it('unpins a chat from My Pins and every folder', async () => {
    const chat = chatIdsOf('default')[0] as string;
    await call('POST', `/v3/chats/${chat}/pins`, { body: { category_id: userFolder().id } });
    const res = await call('DELETE', `/v3/chats/${chat}/pins`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ type: 'chat.unpin', data: { chat_id: chat } });
    expect(folders().some((f) => f.chatIds.includes(chat))).toBe(false);
    const v3 = await call('GET', `/v3/chats/${chat}`);
    expect(v3.body.data.pinned).toBe(false);
  });
});
