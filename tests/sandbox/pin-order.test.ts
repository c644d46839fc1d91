import { describe, expect, it } from 'vitest';
import { useSandbox } from './helpers';
import { pinPath as path, pinFixtures } from './pin-fixtures';

const { sandbox, call } = useSandbox();
const { unpinnedChat, lastIds, pin, listIds } = pinFixtures(sandbox, call);

describe('PUT /v3/chats/{CHAT_ID}/pin-messages (reorder)', () => {
  it('moves a pin above pin_above, above the primary makes it primary, without pin_above to the end', async () => {
    const chat = unpinnedChat();
    const [a, b, c] = lastIds(chat, 3) as [string, string, string];
    for (const id of [a, b, c]) await pin(chat, id);
    expect(await listIds(chat)).toEqual([a, c, b]);
    const reorder = (body: object) =>
      call('PUT', path(chat), { body: { last_sync_time: sandbox().clock.now(), ...body } });
    expect((await reorder({ message_id: b, pin_above: c })).status).toBe(204);
    expect(await listIds(chat)).toEqual([a, b, c]);
    await reorder({ message_id: c, pin_above: a });
    expect(await listIds(chat)).toEqual([c, a, b]);
    expect((await call('GET', `${path(chat)}?primary`)).body.data.id).toBe(c);
    await reorder({ message_id: c });
    expect(await listIds(chat)).toEqual([a, b, c]);
  });

  it('answers client_not_synced when last_sync_time is older than the last change', async () => {
    const chat = unpinnedChat();
    const [a, b, c] = lastIds(chat, 3) as [string, string, string];
    await pin(chat, a);
    await pin(chat, b);
    const synced = sandbox().clock.now();
    sandbox().clock.advance(10);
    await pin(chat, c);
    for (const stale of [synced, new Date(synced).toISOString()]) {
      const res = await call('PUT', path(chat), { body: { message_id: b, pin_above: a, last_sync_time: stale } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('client_not_synced');
    }
    const fresh = new Date(sandbox().clock.now()).toISOString();
    expect(
      (await call('PUT', path(chat), { body: { message_id: b, pin_above: a, last_sync_time: fresh } })).status,
    ).toBe(204);
  });

  it('refuses unpinned ids and missing fields with operation_failed', async () => {
    const chat = unpinnedChat();
    const [a, b, c] = lastIds(chat, 3) as [string, string, string];
    await pin(chat, a);
    await pin(chat, b);
    const now = sandbox().clock.now();
    for (const body of [
      { message_id: c, last_sync_time: now },
      { message_id: a, pin_above: c, last_sync_time: now },
      { message_id: a, pin_above: a, last_sync_time: now },
      { message_id: a },
      { last_sync_time: now },
    ]) {
      const res = await call('PUT', path(chat), { body });
      expect(res.body.code, JSON.stringify(body)).toBe('operation_failed');
    }
  });
});

describe('DELETE /v3/chats/{CHAT_ID}/pin-messages', () => {
  it('removes the listed pins; unpinning the primary promotes the next', async () => {
    const chat = unpinnedChat();
    const [a, b, c] = lastIds(chat, 3) as [string, string, string];
    for (const id of [a, b, c]) await pin(chat, id);
    const res = await call('DELETE', path(chat), { body: { message_ids: [a] } });
    expect(res.status).toBe(204);
    expect(await listIds(chat)).toEqual([c, b]);
    expect((await call('GET', `${path(chat)}?primary`)).body.data.id).toBe(c);
  });

  it('removes EVERY pin when message_ids is empty or missing (the documented foot-gun)', async () => {
    const chat = unpinnedChat();
    for (const id of lastIds(chat, 4)) await pin(chat, id);
    expect((await call('DELETE', path(chat), { body: { message_ids: [] } })).status).toBe(204);
    expect(await listIds(chat)).toEqual([]);
    for (const id of lastIds(chat, 2)) await pin(chat, id);
    expect((await call('DELETE', path(chat))).status).toBe(204);
    expect(await listIds(chat)).toEqual([]);
  });

  it('refuses more than 25 ids, or ids that are not pinned, and removes nothing', async () => {
    const chat = unpinnedChat();
    const [a] = lastIds(chat, 1) as [string];
    await pin(chat, a);
    const tooMany = await call('DELETE', path(chat), { body: { message_ids: lastIds(chat, 26) } });
    expect(tooMany.body.code).toBe('operation_failed');
    const unknown = await call('DELETE', path(chat), { body: { message_ids: [a, '1_1'] } });
    expect(unknown.body.code).toBe('operation_failed');
    expect(await listIds(chat)).toEqual([a]);
  });
});

describe('participants only', () => {
  it('answers operation_not_allowed to reorder or unpin in a chat the user is not in', async () => {
    const removed = [...sandbox().state.chats.values()].find((c) => c.removed);
    if (!removed) throw new Error('seed has no chat the user was removed from');
    const [id] = lastIds(removed, 1) as [string];
    const reorder = await call('PUT', path(removed), {
      body: { message_id: id, last_sync_time: sandbox().clock.now() },
    });
    expect(reorder.body.code).toBe('operation_not_allowed');
    expect((await call('DELETE', path(removed), { body: { message_ids: [id] } })).body.code).toBe(
      'operation_not_allowed',
    );
  });
});

describe('expiry and sync_token', () => {
  it('drops expired pins at their expiry time on the sandbox clock', async () => {
    const chat = unpinnedChat();
    const [a, b] = lastIds(chat, 2) as [string, string];
    await pin(chat, a, { expiry_time: sandbox().clock.now() + 60_000 });
    await pin(chat, b);
    expect(await listIds(chat)).toEqual([a, b]);
    sandbox().clock.advance(61_000);
    expect(await listIds(chat)).toEqual([b]);
    expect((await call('GET', `${path(chat)}?primary`)).body.data.id).toBe(b);
  });

  it('answers only pins added, moved or removed since the sync_token', async () => {
    const chat = unpinnedChat();
    const [a, b, c, d] = lastIds(chat, 4) as [string, string, string, string];
    await pin(chat, a);
    await pin(chat, b, { expiry_time: sandbox().clock.now() + 60_000 });
    await pin(chat, c);
    const token = (await call('GET', path(chat))).body.sync_token;
    const unchanged = await call('GET', `${path(chat)}?sync_token=${encodeURIComponent(token)}`);
    expect(unchanged.body.data).toEqual([]);
    expect(unchanged.body.sync_token).toBe(token);

    await pin(chat, d);
    await call('PUT', path(chat), { body: { message_id: a, last_sync_time: sandbox().clock.now() } });
    sandbox().clock.advance(61_000);
    const delta = await call('GET', `${path(chat)}?sync_token=${encodeURIComponent(token)}`);
    // [a, c, b] → d added below the primary → [a, d, c, b] → a moved to the end → [d, c, b, a] → b expired.
    // d (added, now primary) and a (moved) come in list order, then b as no longer pinned; c did not change.
    expect(delta.body.data).toEqual([
      expect.objectContaining({
        id: d,
        is_pinned: true,
        pin_information: expect.objectContaining({ is_primary: true }),
      }),
      expect.objectContaining({
        id: a,
        is_pinned: true,
        pin_information: expect.objectContaining({ is_primary: false }),
      }),
      { id: b, is_pinned: false },
    ]);
    expect(await listIds(chat)).toEqual([d, c, a]);
    const next = await call('GET', `${path(chat)}?sync_token=${encodeURIComponent(delta.body.sync_token)}`);
    expect(next.body.data).toEqual([]);
  });

  it('does not accept tokens handed out before a reset', async () => {
    const chat = unpinnedChat();
    const token = (await call('GET', path(chat))).body.sync_token;
    sandbox().reset();
    expect((await call('GET', `${path(chat)}?sync_token=${encodeURIComponent(token)}`)).body.code).toBe(
      'operation_failed',
    );
  });
});
