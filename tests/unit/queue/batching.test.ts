import { describe, expect, it } from 'vitest';
import { failedOf } from '../../../lib/board/read-models';
import type { CliqCaller } from '../../../lib/budget/call';
import { makeHarness } from './harness';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix.padStart(13, '0')}_${i + 1}`);

describe('batching', () => {
  it('coalesces one-message unpins in a chat into DELETEs of at most 25 ids', async () => {
    const { fake, queue } = await makeHarness();
    const pinned = [...ids('1000', 25), ...ids('2000', 25), ...ids('3000', 10)];
    fake.seedPins('CT_1_1', pinned.slice(0, 25));
    fake.seedPins('CT_2_1', pinned.slice(25, 50));
    fake.seedPins('CT_3_1', pinned.slice(50));
    const chatOf = (i: number) => (i < 25 ? 'CT_1_1' : i < 50 ? 'CT_2_1' : 'CT_3_1');
    const result = await queue.enqueue(
      pinned.map((id, i) => ({ kind: 'unpinMessages', chatId: chatOf(i), messageIds: [id] })),
    );
    expect(result.ok).toBe(true);
    await queue.run();
    const deletes = fake.callsOf('unpinMessages').map((c) => (c.params as { messageIds: string[] }).messageIds.length);
    expect(deletes).toEqual([25, 25, 10]);
    expect([fake.pinIds('CT_1_1'), fake.pinIds('CT_2_1'), fake.pinIds('CT_3_1')]).toEqual([[], [], []]);
    expect(await queue.progress()).toMatchObject({ done: 60, total: 60, failed: 0 });
  });

  it('reserves the slots of a pass’s writes and marks their intents as sending before the first of them leaves', async () => {
    const seen: { unsettled: number; states: string[] }[] = [];
    const harness = await makeHarness({
      client: {
        call: (async (op, params, options) => {
          const ledger = await harness.db.getAll('ledger');
          const intents = await harness.db.getAll('intents');
          seen.push({
            unsettled: ledger.filter((entry) => entry.settledAt === null).length,
            states: intents.map((record) => record.state),
          });
          return harness.fake.call(op, params, options);
        }) as CliqCaller['call'],
      },
    });
    const chats = ['CT_1_1', 'CT_2_1', 'CT_3_1'];
    for (const [c, chatId] of chats.entries()) harness.fake.seedPins(chatId, ids(`${c + 1}000`, 3));
    await harness.queue.enqueue(
      chats.map((chatId, c) => ({ kind: 'unpinMessages', chatId, messageIds: ids(`${c + 1}000`, 3) })),
    );
    await harness.queue.run();
    // The first request found all three slots taken and all three intents journalled as sending.
    expect(seen[0]).toEqual({ unsettled: 3, states: ['sending', 'sending', 'sending'] });
    expect(seen).toHaveLength(3);
    expect(chats.map((chatId) => harness.fake.pinIds(chatId))).toEqual([[], [], []]);
  });

  it('splits one big intent, sends duplicates once and never sends an empty list', async () => {
    const { fake, queue } = await makeHarness();
    const pinned = ids('1000', 25);
    fake.seedPins('CT_1_1', pinned);
    await queue.enqueue([
      { kind: 'unpinMessages', chatId: 'CT_1_1', messageIds: [...pinned, ...pinned.slice(0, 5)] },
      { kind: 'unpinMessages', chatId: 'CT_1_1', messageIds: pinned.slice(0, 10) },
    ]);
    await queue.run();
    const sent = fake.callsOf('unpinMessages').flatMap((c) => (c.params as { messageIds: string[] }).messageIds);
    expect(sent).toEqual(pinned);
    expect(fake.callsOf('unpinMessages')).toHaveLength(1);
    expect(await queue.progress()).toMatchObject({ done: 2, total: 2 });
  });

  it('sends nothing for an unpin whose pins a list read after it shows are already gone', async () => {
    const { fake, queue } = await makeHarness();
    fake.seedPins('CT_1_1', ['1700000000001_1']);
    await queue.enqueue([
      { kind: 'makePrimary', chatId: 'CT_1_1', messageId: '1700000000001_1' },
      { kind: 'unpinMessages', chatId: 'CT_1_1', messageIds: ['1700000000009_9', '1700000000009_8'] },
    ]);
    await queue.run();
    // makePrimary needed the list; read after both intents were made, it settles both without a write.
    expect(fake.calls.map((c) => c.op)).toEqual(['listPinnedMessages']);
    expect(await queue.progress()).toMatchObject({ done: 2, total: 2, failed: 0 });
  });

  it('leaves out a pin that has expired since the list was read (Cliq already dropped it)', async () => {
    const { fake, queue, clock } = await makeHarness();
    fake.seedPins('CT_1_1', ['1700000000001_1', '1700000000001_2']);
    const expiring = fake.pins('CT_1_1')[1];
    if (expiring) expiring.expiry = clock.now() + 1000;
    await queue.enqueue([
      { kind: 'makePrimary', chatId: 'CT_1_1', messageId: '1700000000001_1' },
      { kind: 'unpinMessages', chatId: 'CT_1_1', messageIds: ['1700000000001_1', '1700000000001_2'] },
    ]);
    // The list is read after both intents were made; 1_2 expires before the unpin is planned.
    fake.script('listPinnedMessages', { before: () => clock.advance(2000) });
    await queue.run();
    expect(fake.callsOf('unpinMessages').map((c) => c.params)).toEqual([
      { chatId: 'CT_1_1', messageIds: ['1700000000001_1'] },
    ]);
  });

  it('refuses a 26th pin without a request when the chat’s list is known', async () => {
    const { fake, queue } = await makeHarness();
    fake.seedPins(
      'CT_1_1',
      Array.from({ length: 25 }, (_, i) => `1700000000001_${i}`),
    );
    await queue.enqueue([
      { kind: 'makePrimary', chatId: 'CT_1_1', messageId: '1700000000001_0' },
      { kind: 'pinMessage', chatId: 'CT_1_1', messageId: '1700000000001_99' },
    ]);
    await queue.run();
    expect(fake.callsOf('pinMessage')).toEqual([]);
    expect(await queue.progress()).toMatchObject({ done: 1, failed: 1 });
  });

  it('drops an id someone else already unpinned after Cliq refuses the batch, and sends the rest', async () => {
    const { fake, queue, db } = await makeHarness();
    fake.seedPins('CT_1_1', ['1700000000001_1', '1700000000001_2', '1700000000001_3']);
    await queue.enqueue({
      kind: 'unpinMessages',
      chatId: 'CT_1_1',
      messageIds: ['1700000000001_1', '1700000000001_2', '1700000000001_3'],
    });
    fake.script('unpinMessages', {
      before: () => fake.otherDevice.call('unpinMessages', { chatId: 'CT_1_1', messageIds: ['1700000000001_2'] }),
    });
    await queue.run();
    const batches = fake.callsOf('unpinMessages').map((c) => (c.params as { messageIds: string[] }).messageIds);
    expect(batches).toEqual([
      ['1700000000001_1', '1700000000001_2', '1700000000001_3'],
      ['1700000000001_1', '1700000000001_3'],
    ]);
    expect(fake.pinIds('CT_1_1')).toEqual([]);
    expect(failedOf(await db.getAll('intents'))).toEqual([]);
  });

  it('keeps intents on one list in order: a pin between two unpins splits the batch', async () => {
    const { fake, queue } = await makeHarness();
    fake.seedPins('CT_1_1', ['1700000000001_1', '1700000000001_2']);
    fake.messages('CT_1_1', ['1700000000001_9']);
    await queue.enqueue([
      { kind: 'unpinMessages', chatId: 'CT_1_1', messageIds: ['1700000000001_1'] },
      { kind: 'pinMessage', chatId: 'CT_1_1', messageId: '1700000000001_9' },
      { kind: 'unpinMessages', chatId: 'CT_1_1', messageIds: ['1700000000001_9'] },
    ]);
    await queue.run();
    expect(fake.calls.map((c) => c.op)).toEqual(['unpinMessages', 'pinMessage', 'unpinMessages']);
    expect(fake.pinIds('CT_1_1')).toEqual(['1700000000001_2']);
  });

  it('removes chats from every folder in batches of at most 25, each chat once', async () => {
    const { fake, queue } = await makeHarness();
    const chats = Array.from({ length: 30 }, (_, i) => `CT_${i + 1}_1`);
    for (const chatId of chats) fake.chat(chatId);
    fake.folders[0]?.chatIds.push(...chats);
    await queue.enqueue([
      { kind: 'removeChatsFromAllFolders', chatIds: chats.slice(0, 20) },
      { kind: 'removeChatsFromAllFolders', chatIds: chats.slice(10) },
    ]);
    await queue.run();
    const sizes = fake.callsOf('removeChatsFromAllFolders').map((c) => (c.params as { chatIds: string[] }).chatIds);
    expect(sizes.map((s) => s.length)).toEqual([25, 5]);
    expect(new Set(sizes.flat()).size).toBe(30);
    expect(fake.folders[0]?.chatIds).toEqual([]);
  });
});
