import { describe, expect, it } from 'vitest';
import { getPinList } from '../../../lib/store/cache';
import type { PinSweep } from '../../../lib/store/records';
import { loadSeed, ofTemplate, pinnedIds, seedChats, useQueueSandbox } from './setup';

/** A short rate-limit minute: 250 chats at 15 background reads a minute take a couple of seconds. */
const h = useQueueSandbox(100);

describe('a user with many chats', () => {
  it('pages through all 250 chats, so the oldest chat’s pins reach the board, and counts its progress', async () => {
    const sandbox = h.sb();
    const { seed, chats } = seedChats(250, 2, 0);
    // seedChats gives chat 0 the oldest messages: the least recently active chat.
    const oldest = chats[0] as (typeof chats)[number];
    seed.pins = [{ chatId: oldest.chatId, messageId: oldest.messageIds[0] as string }];
    await loadSeed(sandbox, seed);
    sandbox.clearRequests();
    const worker = await h.worker('many-chats');

    const seen: { read: number; total: number }[] = [];
    const deadline = Date.now() + 60_000;
    for (;;) {
      await worker.sync.run();
      const sweep = (await worker.db.get('meta', 'pinSweep')) as PinSweep;
      seen.push({ read: (sweep.total ?? 0) - sweep.pending.length, total: sweep.total ?? 0 });
      if (sweep.finishedAt !== undefined) break;
      if (Date.now() > deadline) throw new Error(`the sweep did not finish: ${JSON.stringify(seen.at(-1))}`);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, (worker.sync.nextWakeAt() ?? 0) - Date.now())));
    }

    const pages = ofTemplate(sandbox.requests(), 'GET', '/v3/chats');
    expect(pages).toHaveLength(3);
    expect(pages.map((p) => p.query.modified_before !== undefined)).toEqual([false, true, true]);
    expect((await getPinList(worker.db, oldest.chatId))?.pins.map((p) => p.messageId)).toEqual(
      pinnedIds(sandbox, oldest.chatId),
    );
    // The total is known from the start and never shrinks; reading only moves forward, ending at the total.
    expect(seen.every((s) => s.total === 250)).toBe(true);
    expect(seen.map((s) => s.read)).toEqual([...seen.map((s) => s.read)].sort((a, b) => a - b));
    expect(seen.at(-1)?.read).toBe(250);
    expect(seen.length).toBeGreaterThan(1);
  });
});
