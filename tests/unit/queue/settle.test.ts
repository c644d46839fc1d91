import { describe, expect, it, vi } from 'vitest';
import { readFolders } from '../../../lib/board/read-models';
import { createBudgetLedger } from '../../../lib/budget/ledger';
import { endpointFor } from '../../../lib/cliq';
import { makeHarness, reserveOne } from './harness';

/** Starts a run that will never finish (the request hangs), as a worker that is about to be stopped. */
async function dieMidRequest(run: () => Promise<void>, sent: () => boolean): Promise<void> {
  void run();
  await vi.waitFor(() => expect(sent()).toBe(true));
}

describe('unknown outcomes after a stopped worker', () => {
  it('settles an unpin that landed by reading the list, without sending it again', async () => {
    const first = await makeHarness();
    const { fake } = first;
    fake.seedPins('CT_1_1', ['1700000000001_1', '1700000000001_2']);
    await first.queue.enqueue({ kind: 'unpinMessages', chatId: 'CT_1_1', messageIds: ['1700000000001_1'] });
    fake.script('unpinMessages', { hang: true, applied: true });
    await dieMidRequest(first.queue.run, () => fake.callsOf('unpinMessages').length === 1);
    expect((await first.db.getAll('intents'))[0]?.state).toBe('sending');

    const second = first.restart();
    await second.queue.run();
    expect(fake.calls.map((c) => c.op)).toEqual(['unpinMessages', 'listPinnedMessages']);
    expect(await second.queue.progress()).toMatchObject({ done: 1, total: 1, failed: 0 });
  });

  it('sends again only what the list shows did not land', async () => {
    const first = await makeHarness();
    const { fake } = first;
    fake.seedPins('CT_1_1', ['1700000000001_1', '1700000000001_2']);
    await first.queue.enqueue({
      kind: 'unpinMessages',
      chatId: 'CT_1_1',
      messageIds: ['1700000000001_1', '1700000000001_2'],
    });
    fake.script('unpinMessages', { hang: true });
    await dieMidRequest(first.queue.run, () => fake.callsOf('unpinMessages').length === 1);
    // Another device unpinned 1_1 meanwhile.
    await fake.otherDevice.call('unpinMessages', { chatId: 'CT_1_1', messageIds: ['1700000000001_1'] });

    const second = first.restart();
    await second.queue.run();
    expect(fake.calls.map((c) => c.op)).toEqual(['unpinMessages', 'listPinnedMessages', 'unpinMessages']);
    expect(fake.callsOf('unpinMessages')[1]?.params).toEqual({ chatId: 'CT_1_1', messageIds: ['1700000000001_2'] });
  });

  it('recognises a folder created before the answer was lost, and does not create it twice', async () => {
    const first = await makeHarness();
    const { fake } = first;
    await first.queue.enqueue({ kind: 'createFolder', title: 'Launch', symbol: '🚀' });
    fake.script('createFolder', { hang: true, applied: true });
    await dieMidRequest(first.queue.run, () => fake.callsOf('createFolder').length === 1);

    const second = first.restart();
    await second.queue.run();
    expect(fake.callsOf('createFolder')).toHaveLength(1);
    expect(fake.folders.map((f) => f.title)).toEqual(['', 'Launch']);
    expect((await readFolders(second.db)).map((f) => f.title)).toEqual([undefined, 'Launch']);
    expect(await second.queue.progress()).toMatchObject({ done: 1, failed: 0 });
  });

  it('counts the request that was in flight as arriving at restart', async () => {
    const first = await makeHarness({ minuteMs: 1000 });
    const { fake, clock, db } = first;
    fake.seedPins('CT_1_1', ['1700000000001_1']);
    await first.queue.enqueue({ kind: 'unpinMessages', chatId: 'CT_1_1', messageIds: ['1700000000001_1'] });
    fake.script('unpinMessages', { hang: true });
    await dieMidRequest(first.queue.run, () => fake.callsOf('unpinMessages').length === 1);
    clock.advance(5_000);
    const ledger = createBudgetLedger(db, { clock, minuteMs: 1000, bootId: 'after-restart' });
    const budget = { ...endpointFor('unpinMessages').budget, perMinute: 1 };
    expect(await reserveOne(ledger, budget)).toEqual({ ok: false, retryAt: clock.now() + 1000 });
  });
});
