import { describe, expect, it } from 'vitest';
import { chatsOfType, useSandbox } from './helpers';
import { pinPath as path, pinFixtures } from './pin-fixtures';
import { addPin, livePins } from './pins';
import type { Chat } from './state';

const { sandbox, call } = useSandbox();
const { unpinnedChat, lastIds, pin, listIds } = pinFixtures(sandbox, call);

describe('GET /v3/chats/{CHAT_ID}/pin-messages', () => {
  it('lists pins in order with the documented fields; the first is primary', async () => {
    const chat = [...sandbox().state.pins.keys()]
      .map((id) => sandbox().state.chat(id) as Chat)
      .find((c) => livePins(sandbox().state, c).length >= 3) as Chat;
    const res = await call('GET', path(chat));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ url: path(chat), type: 'pinmessages', sync_token: expect.any(String) });
    expect(res.body.sync_token.length).toBeLessThanOrEqual(100);
    const [first, second] = res.body.data;
    expect(first).toEqual({
      id: expect.stringMatching(/^\d{13}_\d+$/),
      type: 'text',
      content: { text: expect.any(String) },
      sender: { name: expect.any(String), id: expect.any(String) },
      time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
      is_pinned: true,
      pin_information: {
        expiry_time: -1,
        creator: { name: expect.any(String), id: expect.any(String) },
        created_time: expect.any(String),
        last_modified_time: expect.any(String),
        is_primary: true,
      },
    });
    expect(second.pin_information.is_primary).toBe(false);
  });

  it('answers only the primary with ?primary, and no data for a chat without pins', async () => {
    const chat = unpinnedChat();
    const empty = await call('GET', `${path(chat)}?primary=true`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ url: path(chat), type: 'pinmessages' });
    const [a, b] = lastIds(chat, 2) as [string, string];
    await pin(chat, a);
    await pin(chat, b);
    const res = await call('GET', `${path(chat)}?primary`);
    expect(res.body.data.id).toBe(a);
    expect(res.body.data.pin_information.is_primary).toBe(true);
  });

  it('pages with limit and next_token', async () => {
    const chat = unpinnedChat();
    for (const id of lastIds(chat, 5)) await pin(chat, id);
    const seen: string[] = [];
    let query = '?limit=2';
    for (let page = 0; page < 5; page++) {
      const res = await call('GET', `${path(chat)}${query}`);
      seen.push(...res.body.data.map((p: { id: string }) => p.id));
      if (!res.body.next_token) break;
      query = `?limit=2&next_token=${encodeURIComponent(res.body.next_token)}`;
    }
    expect(seen).toEqual(await listIds(chat));
    expect(seen).toHaveLength(5);
  });

  it('refuses unknown tokens and bad limits with operation_failed', async () => {
    const chat = unpinnedChat();
    const other = chatsOfType(sandbox(), 'channel')[0] as Chat;
    const foreign = (await call('GET', path(other))).body.sync_token;
    for (const query of [
      'sync_token=bm9wZQ',
      `sync_token=${encodeURIComponent(foreign)}`,
      `sync_token=${'A'.repeat(101)}`,
      'next_token=x',
      'limit=0',
      'limit=abc',
    ]) {
      const res = await call('GET', `${path(chat)}?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.code, query).toBe('operation_failed');
    }
  });

  it('answers 404 for an unknown chat and operation_not_allowed where the user is not a participant', async () => {
    expect((await call('GET', path('CT_0_nope'))).status).toBe(404);
    const removed = [...sandbox().state.chats.values()].find((c) => c.removed) as Chat;
    const res = await call('GET', path(removed));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ message: expect.any(String), code: 'operation_not_allowed' });
    const add = await pin(removed, sandbox().state.messagesOf(removed)[0]?.id as string);
    expect(add.body.code).toBe('operation_not_allowed');
  });
});

describe('POST /v3/chats/{CHAT_ID}/pin-messages', () => {
  it('pins a message; the first pin is primary even without primary: true', async () => {
    const chat = unpinnedChat();
    const [id] = lastIds(chat, 1) as [string];
    const res = await pin(chat, id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ url: path(chat), type: 'pinmessages', data: { id, is_pinned: true } });
    expect(res.body.data.pin_information.is_primary).toBe(true);
  });

  it('puts a new pin below the primary, and a primary: true pin on top', async () => {
    const chat = unpinnedChat();
    const [a, b, c, d] = lastIds(chat, 4) as [string, string, string, string];
    await pin(chat, a);
    await pin(chat, b);
    await pin(chat, c);
    expect(await listIds(chat)).toEqual([a, c, b]);
    const res = await pin(chat, d, { primary: true });
    expect(res.body.data.pin_information.is_primary).toBe(true);
    expect(await listIds(chat)).toEqual([d, a, c, b]);
  });

  it('takes -1, epoch ms or ISO 8601 and answers -1 or ISO 8601', async () => {
    const chat = unpinnedChat();
    const [a, b, c] = lastIds(chat, 3) as [string, string, string];
    const later = sandbox().clock.now() + 3_600_000;
    expect((await pin(chat, a, { expiry_time: later })).body.data.pin_information.expiry_time).toBe(
      new Date(later).toISOString(),
    );
    const iso = new Date(later + 1000).toISOString().replace('Z', '+00:00');
    expect((await pin(chat, b, { expiry_time: iso })).body.data.pin_information.expiry_time).toBe(
      new Date(later + 1000).toISOString(),
    );
    expect((await pin(chat, c, { expiry_time: '-1' })).body.data.pin_information.expiry_time).toBe(-1);
  });

  it('refuses a past expiry, missing fields and unknown messages with operation_failed', async () => {
    const chat = unpinnedChat();
    const [id] = lastIds(chat, 1) as [string];
    const bodies = [
      { message_id: id, expiry_time: sandbox().clock.now() - 1000, notify: false },
      { message_id: id, expiry_time: 'yesterday', notify: false },
      { message_id: id, notify: false },
      { message_id: id, expiry_time: -1 },
      { expiry_time: -1, notify: false },
      { message_id: '1_2', expiry_time: -1, notify: false },
    ];
    for (const body of bodies) {
      const res = await call('POST', path(chat), { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('operation_failed');
    }
    expect(await listIds(chat)).toEqual([]);
  });

  it('refuses a 26th pin with operation_failed', async () => {
    const s = sandbox();
    const chat = unpinnedChat(26);
    const ids = lastIds(chat, 26);
    // 25 pins through the model: 25 API calls would run into the 20/min rate limit.
    for (const id of ids.slice(0, 25))
      addPin(s.state, chat, { messageId: id, expiry: -1, primary: false, creatorId: s.state.currentUserId });
    const res = await pin(chat, ids[25] as string);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('operation_failed');
    expect(await listIds(chat)).toHaveLength(25);
  });

  it('re-pinning a pinned message updates it instead of duplicating', async () => {
    const chat = unpinnedChat();
    const [a, b] = lastIds(chat, 2) as [string, string];
    await pin(chat, a);
    await pin(chat, b);
    const later = sandbox().clock.now() + 60_000;
    const res = await pin(chat, b, { expiry_time: later, primary: true });
    expect(res.body.data.pin_information).toMatchObject({
      is_primary: true,
      expiry_time: new Date(later).toISOString(),
    });
    expect(await listIds(chat)).toEqual([b, a]);
  });
});
