import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox';
import {
  busiestMinute,
  loadSeed,
  MINUTE_MS,
  ofTemplate,
  pinnedIds,
  seedChats,
  startWorker,
  sweepUntilDone,
} from './setup';

const PIN_MESSAGES = '/v3/chats/{CHAT_ID}/pin-messages';
let sandbox: Sandbox;
let dbs = 0;
const dbName = () => `integration-faults-${++dbs}-${Date.now()}`;

beforeAll(async () => {
  sandbox = await startSandbox({ minuteMs: MINUTE_MS, seed: 'empty' });
});
afterAll(async () => {
  await sandbox.stop();
});
beforeEach(() => {
  sandbox.reset('empty');
});

describe('the queue when answers get lost', () => {
  it('loses no action and trips no limit when a third of the answers are lost', async () => {
    const { seed, chats } = seedChats(3, 25, 10);
    await loadSeed(sandbox, seed);
    const [unpinning, pinning, moving] = chats;
    if (!unpinning || !pinning || !moving) throw new Error('seeded');
    sandbox.clearRequests();
    sandbox.setFaults('5xx=0.15,drop=0.15,seed=11');
    const worker = await startWorker(sandbox, dbName(), { backoff: { baseMs: 20, maxAttempts: 12 } });
    const [m0, m1, , m3] = moving.messageIds;
    if (!m0 || !m1 || !m3) throw new Error('seeded');
    const result = await worker.queue.enqueue([
      ...unpinning.messageIds
        .slice(0, 10)
        .map((id) => ({ kind: 'unpinMessages', chatId: unpinning.chatId, messageIds: [id] })),
      ...pinning.messageIds.slice(10, 20).map((id) => ({ kind: 'pinMessage', chatId: pinning.chatId, messageId: id })),
      { kind: 'makePrimary', chatId: moving.chatId, messageId: m3 },
      { kind: 'reorderPin', chatId: moving.chatId, messageId: m0, above: m1 },
    ]);
    expect(result.ok).toBe(true);
    await worker.queue.run();
    sandbox.setFaults(null);

    const log = sandbox.requests();
    expect(log.filter((entry) => entry.status === 429)).toEqual([]);
    expect(log.some((entry) => entry.fault !== undefined)).toBe(true);
    for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
      expect(busiestMinute(ofTemplate(log, method, PIN_MESSAGES), MINUTE_MS)).toBeLessThanOrEqual(20);
    }
    expect(await worker.queue.progress()).toMatchObject({ done: 22, total: 22, failed: 0 });
    expect(pinnedIds(sandbox, unpinning.chatId)).toEqual([]);
    expect(new Set(pinnedIds(sandbox, pinning.chatId))).toEqual(new Set(pinning.messageIds.slice(0, 20)));
    const moved = pinnedIds(sandbox, moving.chatId);
    expect(moved[0]).toBe(m3);
    expect(moved.indexOf(m0) + 1).toBe(moved.indexOf(m1));
  });

  it('sweeps pins in the background next to user actions without a 429', async () => {
    const { seed, chats } = seedChats(36, 3, 2);
    await loadSeed(sandbox, seed);
    sandbox.clearRequests();
    const worker = await startWorker(sandbox, dbName());
    await worker.sync.noteChats(chats.map(({ chatId }, i) => ({ chatId, lastActivityAt: 1000 - i })));
    await worker.queue.enqueue(
      chats.slice(20, 28).map(({ chatId, messageIds }) => ({ kind: 'makePrimary', chatId, messageId: messageIds[1] })),
    );
    await Promise.all([worker.queue.run(), sweepUntilDone(worker)]);

    const log = sandbox.requests();
    expect(log.filter((entry) => entry.status === 429)).toEqual([]);
    const reads = ofTemplate(log, 'GET', PIN_MESSAGES);
    expect(busiestMinute(reads, MINUTE_MS)).toBeLessThanOrEqual(20);
    expect(new Set(reads.map((r) => r.path)).size).toBe(36);
    for (const { chatId, messageIds } of chats.slice(20, 28)) expect(pinnedIds(sandbox, chatId)[0]).toBe(messageIds[1]);
    expect(await worker.queue.progress()).toMatchObject({ done: 8, failed: 0 });
  });
});
