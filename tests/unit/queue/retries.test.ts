import { describe, expect, it } from 'vitest';
import { failedOf } from '../../../lib/board/read-models';
import { endpointFor } from '../../../lib/cliq';
import { backoffDelay } from '../../../lib/queue/outcome';
import { getPinList } from '../../../lib/store/cache';
import { makeHarness } from './harness';

describe('retries', () => {
  it('backs off exponentially with injected jitter', () => {
    const half = () => 0.5;
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, half, { baseMs: 1000 }))).toEqual([750, 1500, 3000, 6000]);
    expect(backoffDelay(1, () => 0, { baseMs: 1000 })).toBe(500);
    expect(backoffDelay(1, () => 1, { baseMs: 1000 })).toBe(1000);
    expect(backoffDelay(20, () => 1, { baseMs: 1000, maxMs: 60_000 })).toBe(60_000);
  });

  it('after a lost answer waits, reads the list and does not send what already landed', async () => {
    const { fake, queue, clock } = await makeHarness({ backoff: { baseMs: 1000 } });
    fake.seedPins('CT_1_1', ['1700000000001_1', '1700000000001_2']);
    await queue.enqueue({ kind: 'unpinMessages', chatId: 'CT_1_1', messageIds: ['1700000000001_1'] });
    fake.script('unpinMessages', { fail: 'transient', applied: true });
    const start = clock.now();
    await queue.run();
    expect(fake.calls.map((c) => [c.op, c.at - start])).toEqual([
      ['unpinMessages', 0],
      ['listPinnedMessages', 750],
    ]);
    expect(fake.pinIds('CT_1_1')).toEqual(['1700000000001_2']);
    expect(await queue.progress()).toMatchObject({ done: 1, failed: 0 });
  });

  it('after a lost answer that did not land, reads the list and sends again', async () => {
    const { fake, queue } = await makeHarness();
    fake.seedPins('CT_1_1', ['1700000000001_1']);
    await queue.enqueue({ kind: 'unpinMessages', chatId: 'CT_1_1', messageIds: ['1700000000001_1'] });
    fake.script('unpinMessages', { fail: 'transient' });
    await queue.run();
    expect(fake.calls.map((c) => c.op)).toEqual(['unpinMessages', 'listPinnedMessages', 'unpinMessages']);
    expect(fake.pinIds('CT_1_1')).toEqual([]);
  });

  it('reports a passing failure at once, with its reason and when it is tried again, until it succeeds', async () => {
    const { fake, queue, clock, progress } = await makeHarness({ backoff: { baseMs: 1000 } });
    fake.seedPins('CT_1_1', ['1700000000001_1']);
    await queue.enqueue({ kind: 'unpinMessages', chatId: 'CT_1_1', messageIds: ['1700000000001_1'] });
    fake.script('unpinMessages', { fail: 'transient' });
    const start = clock.now();
    await queue.run();
    const reported = progress.find((p) => p.retrying.length > 0);
    expect(reported?.retrying).toEqual([
      {
        id: expect.any(Number),
        intent: { kind: 'unpinMessages', chatId: 'CT_1_1', messageIds: ['1700000000001_1'] },
        error: { kind: 'transient', message: 'scripted transient' },
        retryAt: start + 750,
      },
    ]);
    expect(reported).toMatchObject({ done: 0, total: 1 });
    expect(await queue.progress()).toMatchObject({ done: 1, retrying: [] });
  });

  it('fails with the reason after too many transient failures', async () => {
    const { fake, queue, db } = await makeHarness({ backoff: { maxAttempts: 3 } });
    fake.chat('CT_1_1');
    await queue.enqueue({ kind: 'pinChatToFolder', chatId: 'CT_1_1' });
    fake.script('pinChat', { fail: 'transient' }, { fail: 'transient' }, { fail: 'transient' });
    fake.script('listFolders', { fail: 'transient' });
    await queue.run();
    const [failed] = failedOf(await db.getAll('intents'));
    expect(failed?.error).toMatchObject({ kind: 'transient', message: 'scripted transient' });
  });

  it('pauses a rate-limited budget for its scaled lock period, persisted, and then carries on', async () => {
    const { fake, queue, clock, db } = await makeHarness({ minuteMs: 1000, maxSleepMs: 100 });
    fake.messages('CT_1_1', ['1700000000001_1']);
    await queue.enqueue({ kind: 'pinMessage', chatId: 'CT_1_1', messageId: '1700000000001_1' });
    fake.script('pinMessage', { fail: 'rateLimited' });
    const start = clock.now();
    await queue.run();
    // 5 minute lock scaled to a 1000 ms minute: run() returns and says when to come back.
    expect(queue.nextWakeAt()).toBe(start + 5000);
    expect((await queue.progress()).nextSlotAt).toBe(start + 5000);
    const lock = await db.get('budgetLocks', endpointFor('pinMessage').budget.key);
    expect(lock?.lockedUntil).toBe(start + 5000);
    clock.advance(4000);
    await queue.run();
    expect(fake.callsOf('pinMessage')).toHaveLength(1);
    clock.advance(1000);
    await queue.run();
    expect(fake.callsOf('pinMessage')).toHaveLength(2);
    expect(fake.pinIds('CT_1_1')).toEqual(['1700000000001_1']);
  });

  it('on client_not_synced reads the list again and re-applies the move to it', async () => {
    const { fake, queue, db } = await makeHarness();
    fake.seedPins('CT_1_1', ['1700000000001_1', '1700000000001_2', '1700000000001_3']);
    await queue.enqueue({
      kind: 'reorderPin',
      chatId: 'CT_1_1',
      messageId: '1700000000001_3',
      above: '1700000000001_2',
    });
    // A second after our read, another device pins a message, just before our move arrives.
    fake.messages('CT_1_1', ['1700000000001_9']);
    fake.script('reorderPinnedMessage', {
      before: async () => {
        fake.clock.advance(1000);
        await fake.otherDevice.call('pinMessage', { chatId: 'CT_1_1', messageId: '1700000000001_9' });
      },
    });
    await queue.run();
    expect(fake.calls.map((c) => c.op)).toEqual([
      'listPinnedMessages',
      'reorderPinnedMessage',
      'listPinnedMessages',
      'reorderPinnedMessage',
    ]);
    expect(fake.pinIds('CT_1_1')).toEqual(['1700000000001_1', '1700000000001_9', '1700000000001_3', '1700000000001_2']);
    expect((await getPinList(db, 'CT_1_1'))?.pins.map((p) => p.messageId)).toEqual([
      '1700000000001_1',
      '1700000000001_9',
      '1700000000001_3',
      '1700000000001_2',
    ]);
  });

  it('re-reads and re-applies at most twice, then fails with a reason', async () => {
    const { fake, queue, db } = await makeHarness();
    fake.seedPins('CT_1_1', ['1700000000001_1', '1700000000001_2']);
    await queue.enqueue({ kind: 'makePrimary', chatId: 'CT_1_1', messageId: '1700000000001_2' });
    const conflict = { fail: 'conflict', code: 'client_not_synced' } as const;
    fake.script('reorderPinnedMessage', conflict, conflict, conflict);
    await queue.run();
    expect(fake.callsOf('reorderPinnedMessage')).toHaveLength(3);
    expect(fake.callsOf('listPinnedMessages')).toHaveLength(3);
    const [failed] = failedOf(await db.getAll('intents'));
    expect(failed?.error?.kind).toBe('conflict');
    expect(failed?.error?.message).toMatch(/kept changing/);
    expect(fake.pinIds('CT_1_1')).toEqual(['1700000000001_1', '1700000000001_2']);
  });

  it('waits for sign-in on an auth failure and resumes after it without losing the intent', async () => {
    const { fake, queue, db } = await makeHarness();
    fake.messages('CT_1_1', ['1700000000001_1']);
    fake.messages('CT_2_1', ['1700000000002_1']);
    fake.messages('CT_3_1', ['1700000000003_1']);
    await queue.enqueue([
      { kind: 'pinMessage', chatId: 'CT_1_1', messageId: '1700000000001_1' },
      { kind: 'pinMessage', chatId: 'CT_2_1', messageId: '1700000000002_1' },
    ]);
    // Pins in two chats go out together, and a lapsed token fails both.
    fake.script('pinMessage', { fail: 'auth' }, { fail: 'auth' });
    await queue.run();
    expect(await queue.progress()).toMatchObject({ waitingForSignIn: true, done: 0, total: 2 });
    expect(queue.nextWakeAt()).toBeNull();
    expect((await db.getAll('intents')).map((r) => r.state)).toEqual(['waitingForSignIn', 'waitingForSignIn']);
    await queue.enqueue({ kind: 'pinMessage', chatId: 'CT_3_1', messageId: '1700000000003_1' });
    await queue.run();
    // Nothing more leaves while the user is asked to sign in.
    expect(fake.callsOf('pinMessage')).toHaveLength(2);
    await queue.resume();
    expect(await queue.progress()).toMatchObject({ waitingForSignIn: false, done: 3, total: 3 });
  });

  it("fails an invalid request with Cliq's message and keeps it until dismissed; retry re-queues", async () => {
    const { fake, queue, db } = await makeHarness();
    fake.seedPins(
      'CT_1_1',
      Array.from({ length: 25 }, (_, i) => `1_${i}`),
    );
    fake.messages('CT_1_1', ['1700000000001_99']);
    await queue.enqueue({ kind: 'pinMessage', chatId: 'CT_1_1', messageId: '1700000000001_99' });
    await queue.run();
    const [failed] = failedOf(await db.getAll('intents'));
    expect(failed?.error).toMatchObject({
      kind: 'invalid',
      code: 'operation_failed',
      message: expect.stringContaining('A chat holds at most 25 pinned messages'),
    });
    expect(fake.callsOf('pinMessage')).toHaveLength(1);
    fake.seedPins('CT_1_1', ['1700000000001_1']);
    expect(await queue.retry(failed?.id ?? -1)).toBe(true);
    await queue.run();
    expect(fake.pinIds('CT_1_1')).toEqual(['1700000000001_1', '1700000000001_99']);
    expect(failedOf(await db.getAll('intents'))).toEqual([]);
    expect(await queue.dismiss(failed?.id ?? -1)).toBe(true);
  });

  it('fails on a malformed answer and leaves the cache as it was', async () => {
    const { fake, queue, db } = await makeHarness();
    fake.seedPins('CT_1_1', ['1700000000001_1', '1700000000001_2']);
    await queue.enqueue({ kind: 'reorderPin', chatId: 'CT_1_1', messageId: '1700000000001_1' });
    await queue.run();
    const before = await getPinList(db, 'CT_1_1');
    await queue.enqueue({ kind: 'reorderPin', chatId: 'CT_1_1', messageId: '1700000000001_2' });
    fake.script('listPinnedMessages', { fail: 'malformed' });
    await queue.run();
    const [failed] = failedOf(await db.getAll('intents'));
    expect(failed?.error?.kind).toBe('malformed');
    expect(await getPinList(db, 'CT_1_1')).toEqual(before);
  });
});
