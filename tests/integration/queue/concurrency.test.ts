import { describe, expect, it } from 'vitest';
import type { LoggedRequest } from '../../sandbox';
import { busiestMinute, loadSeed, MINUTE_MS, ofTemplate, pinnedIds, seedChats, useQueueSandbox } from './setup';

const PIN_MESSAGES = '/v3/chats/{CHAT_ID}/pin-messages';
const LATENCY_MS = 150;
const h = useQueueSandbox();

/** The most requests the sandbox was working on at one moment: each from its arrival until its delayed answer. */
function mostInFlight(log: readonly LoggedRequest[]): number {
  const edges = log.flatMap((entry) => [
    { at: entry.at, change: 1 },
    { at: entry.at + (entry.delayMs ?? 0), change: -1 },
  ]);
  // An answer at the same moment as an arrival ends first: only true overlap counts.
  edges.sort((a, b) => a.at - b.at || a.change - b.change);
  let now = 0;
  let most = 0;
  for (const { change } of edges) {
    now += change;
    most = Math.max(most, now);
  }
  return most;
}

describe('unpins in many chats go out together, within the budget', () => {
  it('has several DELETEs in flight at once, sends each chat once, and never passes 20 a minute', async () => {
    const { seed, chats } = seedChats(30, 2, 1);
    await loadSeed(h.sb(), seed);
    h.sb().clearRequests();
    h.sb().setFaults(`latency=${LATENCY_MS}`);
    const worker = await h.worker('concurrency');
    const intents = chats.map(({ chatId, messageIds }) => ({
      kind: 'unpinMessages',
      chatId,
      messageIds: messageIds.slice(0, 1),
    }));
    expect((await worker.queue.enqueue(intents)).ok).toBe(true);
    await worker.queue.run();
    h.sb().setFaults(null);

    const log = h.sb().requests();
    const deletes = ofTemplate(log, 'DELETE', PIN_MESSAGES);
    expect(log.filter((entry) => entry.status === 429)).toEqual([]);
    // 30 chats at 20 a minute: two windows, the first one's requests in flight together.
    expect(mostInFlight(deletes)).toBeGreaterThanOrEqual(3);
    expect(mostInFlight(deletes)).toBeLessThanOrEqual(20);
    expect(busiestMinute(deletes, MINUTE_MS)).toBeLessThanOrEqual(20);
    // Nothing twice, nothing lost.
    expect(deletes.map((d) => d.path).sort()).toEqual(
      chats.map(({ chatId }) => `/api/v3/chats/${chatId}/pin-messages`).sort(),
    );
    for (const { chatId } of chats) expect(pinnedIds(h.sb(), chatId)).toEqual([]);
    expect(await worker.queue.progress()).toMatchObject({ done: 30, total: 30, failed: 0 });
  });

  it('keeps intents on one chat in order: one request at a time per chat, however many are queued', async () => {
    const { seed, chats } = seedChats(2, 25, 25);
    await loadSeed(h.sb(), seed);
    h.sb().clearRequests();
    h.sb().setFaults(`latency=${LATENCY_MS}`);
    const worker = await h.worker('concurrency-order');
    const [a, b] = chats;
    if (!a || !b) throw new Error('seeded');
    await worker.queue.enqueue([
      { kind: 'unpinMessages', chatId: a.chatId, messageIds: a.messageIds.slice(0, 10) },
      { kind: 'makePrimary', chatId: a.chatId, messageId: a.messageIds[20] as string },
      { kind: 'unpinMessages', chatId: b.chatId, messageIds: b.messageIds.slice(0, 10) },
    ]);
    await worker.queue.run();
    h.sb().setFaults(null);

    const log = h.sb().requests();
    expect(log.filter((entry) => entry.status === 429)).toEqual([]);
    // The two chats' unpins were in flight together; each chat's own requests never overlap.
    expect(mostInFlight(ofTemplate(log, 'DELETE', PIN_MESSAGES))).toBe(2);
    for (const chat of [a, b]) {
      const ofChat = log.filter((entry) => entry.path.includes(chat.chatId));
      expect(mostInFlight(ofChat)).toBe(1);
    }
    expect(pinnedIds(h.sb(), a.chatId)[0]).toBe(a.messageIds[20]);
    expect(pinnedIds(h.sb(), a.chatId)).toHaveLength(15);
    expect(pinnedIds(h.sb(), b.chatId)).toHaveLength(15);
  });
});
