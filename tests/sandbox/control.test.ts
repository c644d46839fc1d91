import { describe, expect, it } from 'vitest';
import { useSandbox } from './helpers';
import type { SeedData } from './seed-data';

const { sandbox, call } = useSandbox();

async function control(method: string, path: string, body?: unknown) {
  const res = await fetch(`${sandbox().url}/__sandbox/${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('/__sandbox control endpoints', () => {
  it('describes the sandbox', async () => {
    const { body } = await control('GET', 'info');
    expect(body).toMatchObject({
      url: sandbox().url,
      token: 'sandbox-token',
      orgId: sandbox().orgId,
      seed: 'default',
      minuteMs: 60_000,
      faults: 'none',
    });
  });

  it('resets to a built-in seed', async () => {
    expect((await control('POST', 'reset', { seed: 'empty' })).body.seed).toBe('empty');
    expect(sandbox().state.chats.size).toBe(0);
    expect((await call('GET', '/v3/pin-categories')).body.data).toEqual([{ category_id: 'default' }]);
    expect((await control('POST', 'reset', { seed: 'tiny' })).status).toBe(400);
  });

  it('loads a custom seed, hostile names included', async () => {
    const seed: SeedData = {
      users: [{ id: 'u1', name: HOSTILE }],
      chats: [
        {
          id: 'CT_1_custom',
          type: 'group_chat',
          title: HOSTILE,
          memberIds: ['u1'],
          messages: [
            { id: '1700000000000_1', senderId: 'u1', text: HOSTILE },
            { id: '1700000000001_2', senderId: 'u1', text: 'second' },
          ],
        },
      ],
      pins: [{ chatId: 'CT_1_custom', messageId: '1700000000000_1' }],
      folders: [{ title: HOSTILE, symbol: '<b>', chatIds: ['CT_1_custom'] }],
    };
    const res = await control('POST', 'seed', seed);
    expect(res.body).toEqual({ chats: 1, users: 2, folders: 2 });
    const pins = await call('GET', '/v3/chats/CT_1_custom/pin-messages');
    expect(pins.body.data[0]).toMatchObject({
      id: '1700000000000_1',
      content: { text: HOSTILE },
      sender: { name: HOSTILE },
    });
    const folders = await call('GET', '/v3/pin-categories?include_fields=chats');
    expect(folders.body.data[1]).toMatchObject({ title: HOSTILE, chats: [{ name: HOSTILE }] });
  });

  it('refuses a bad seed and keeps the current state', async () => {
    const before = sandbox().state.chats.size;
    const res = await control('POST', 'seed', { chats: [{ type: 'group_chat', title: 'x', memberIds: ['ghost'] }] });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('ghost');
    expect((await control('POST', 'seed', { chats: [{ type: 'pigeon' }] })).status).toBe(400);
    expect(sandbox().state.chats.size).toBe(before);
  });

  it('reads, advances and sets the clock', async () => {
    const { body } = await control('GET', 'clock');
    expect(body.now).toBeGreaterThanOrEqual(sandbox().clock.now() - 1000);
    const advanced = await control('POST', 'clock', { advance: 3_600_000 });
    expect(advanced.body.now - body.now).toBeGreaterThanOrEqual(3_600_000);
    const set = await control('POST', 'clock', { set: '2030-01-01T00:00:00Z' });
    expect(set.body.iso.startsWith('2030-01-01T00:00:0')).toBe(true);
    expect((await control('POST', 'clock', { set: 'someday' })).status).toBe(400);
  });

  it('gets, sets and clears faults', async () => {
    expect((await control('POST', 'faults', { spec: 'fail=1,seed=3' })).body).toEqual({
      spec: 'fail=1,seed=3',
      faults: { fail: 1, seed: 3 },
    });
    expect((await call('GET', '/v3/pin-categories')).body.code).toBe('operation_failed');
    expect((await control('GET', 'faults')).body.spec).toBe('fail=1,seed=3');
    expect((await control('POST', 'faults', { spec: 'bogus=1' })).status).toBe(400);
    expect((await control('DELETE', 'faults')).body.spec).toBe('none');
    expect((await call('GET', '/v3/pin-categories')).status).toBe(200);
  });

  it('reads and clears the request log', async () => {
    await call('GET', '/v3/chats?limit=2');
    const { body } = await control('GET', 'requests');
    expect(body.at(-1)).toMatchObject({ method: 'GET', template: '/v3/chats', status: 200, query: { limit: '2' } });
    await control('DELETE', 'requests');
    expect((await control('GET', 'requests')).body).toEqual([]);
  });

  it('issues tokens with the requested scopes', async () => {
    const { body } = await control('POST', 'tokens', { scopes: ['ZohoCliq.Chats.READ'] });
    expect((await call('GET', '/v3/pin-categories', { token: body.token })).status).toBe(200);
    expect((await call('POST', '/v3/pin-categories', { token: body.token, body: { title: 'x' } })).status).toBe(403);
  });

  it('signs the accounts session out and in', async () => {
    expect((await control('POST', 'accounts', { signedIn: false })).body).toEqual({
      signedIn: false,
      consent: 'approve',
      grantForSession: true,
      tokenLifetimeMs: 3_600_000,
      user: { id: expect.any(String), email: expect.stringContaining('@') },
      answers: [],
    });
    expect((await control('GET', 'accounts')).body.signedIn).toBe(false);
    await control('POST', 'accounts', { signedIn: true });
    expect((await control('GET', 'accounts')).body.signedIn).toBe(true);
  });

  it("switches who is signed in at Zoho, which drops the last one's session grant", async () => {
    const next = await control('POST', 'accounts', { user: { id: '61009999', email: 'second@sandbox.example' } });
    expect(next.body).toMatchObject({ user: { id: '61009999', email: 'second@sandbox.example' } });
    expect(next.body.granted).toBeUndefined();
  });

  it('appends a live message from another member', async () => {
    const chat = [...sandbox().state.chats.values()].find((c) => c.type === 'group_chat' && !c.removed);
    const { body } = await control('POST', `chats/${chat?.id}/messages`, { text: 'new arrival' });
    expect(body).toMatchObject({ chatId: chat?.id, text: 'new arrival', id: expect.stringMatching(/^\d+_\d+$/) });
    expect(body.senderId).not.toBe(sandbox().state.currentUserId);
    const latest = await call('GET', `/v2/chats/${chat?.id}/messages?limit=1`);
    expect(latest.body.data[0].id).toBe(body.id);
    expect((await control('POST', 'chats/CT_0_none/messages', { text: 'x' })).status).toBe(400);
  });

  it('answers 404 for unknown endpoints and 405 for wrong methods', async () => {
    expect((await control('GET', 'nothing')).status).toBe(404);
    expect((await control('PUT', 'clock', {})).status).toBe(405);
  });
});
