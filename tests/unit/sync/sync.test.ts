import { describe, expect, it } from 'vitest';
import { openBoard } from '../../../lib/board/board';
import { createBudgetLedger } from '../../../lib/budget/ledger';
import { endpointFor } from '../../../lib/cliq';
import { readPinList } from '../../../lib/lists/read';
import { getFolderList, getPinList } from '../../../lib/store/cache';
import type { PinsDb } from '../../../lib/store/db';
import type { PinSweep } from '../../../lib/store/records';
import { createPinSync } from '../../../lib/sync/sync';
import { freshDb, reserveOne, startCliq } from '../queue/harness';
import { ManualClock, type SandboxCliq } from '../queue/sandbox-cliq';

async function setup(db?: PinsDb, clock = new ManualClock(), cliq?: SandboxCliq) {
  const fake = cliq ?? (await startCliq(clock));
  const database = db ?? (await freshDb());
  const ledger = createBudgetLedger(database, { clock, minuteMs: 60_000, bootId: `boot-${Math.random()}` });
  const changes: string[] = [];
  const sync = createPinSync({
    db: database,
    client: fake,
    ledger,
    clock,
    onChange: (lists) => changes.push(...lists),
  });
  return { db: database, clock, fake, ledger, sync, changes, deps: { db: database, client: fake, ledger, clock } };
}

const order = async (db: PinsDb, chatId: string) => (await getPinList(db, chatId))?.pins.map((p) => p.messageId);

describe('reading a chat’s pins', () => {
  it('lists the whole list the first time, then applies sync_token deltas', async () => {
    const { db, fake, deps, clock } = await setup();
    const ids = Array.from({ length: 25 }, (_, i) => `1700000000001_${i + 1}`);
    fake.seedPins('CT_1_1', ids);
    await readPinList(deps, 'CT_1_1', { priority: 'user' });
    // A chat holds at most 25 pins: one page of 25 is the whole list.
    expect(fake.callsOf('listPinnedMessages').map((c) => c.params)).toEqual([
      { chatId: 'CT_1_1', limit: 25, syncToken: undefined },
    ]);
    expect(await order(db, 'CT_1_1')).toEqual(ids);

    // Another device unpins two and pins one; the delta says so and is applied without a full listing.
    clock.advance(1000);
    fake.messages('CT_1_1', ['1700000000001_99']);
    await fake.otherDevice.call('unpinMessages', {
      chatId: 'CT_1_1',
      messageIds: ['1700000000001_3', '1700000000001_4'],
    });
    await fake.otherDevice.call('pinMessage', { chatId: 'CT_1_1', messageId: '1700000000001_99' });
    fake.calls.length = 0;
    await readPinList(deps, 'CT_1_1', { priority: 'user' });
    expect(fake.calls.map((c) => c.params)).toEqual([{ chatId: 'CT_1_1', limit: 25, syncToken: expect.any(String) }]);
    expect(await order(db, 'CT_1_1')).toEqual([
      '1700000000001_1',
      '1700000000001_99',
      '1700000000001_2',
      ...ids.slice(4),
    ]);
    // The earliest Cliq's clock can have shown at the read's send, within the Date header's second.
    const { lastSyncTime } = (await getPinList(db, 'CT_1_1')) ?? {};
    expect(lastSyncTime).toBeLessThanOrEqual(clock.now());
    expect(lastSyncTime).toBeGreaterThan(clock.now() - 1_000);
  });

  it('lists everything again when a delta moves a pin it cannot place, or the token is refused', async () => {
    const { db, fake, deps } = await setup();
    fake.seedPins('CT_1_1', ['1700000000001_1', '1700000000001_2', '1700000000001_3']);
    await readPinList(deps, 'CT_1_1', { priority: 'user' });
    // Another device moves 1_3 above 1_2.
    const { view } = await fake.otherDevice.call('listPinnedMessages', { chatId: 'CT_1_1' });
    await fake.otherDevice.call('reorderPinnedMessage', {
      chatId: 'CT_1_1',
      messageId: '1700000000001_3',
      pinAbove: '1700000000001_2',
      basedOn: view,
    });
    await readPinList(deps, 'CT_1_1', { priority: 'user' });
    expect(await order(db, 'CT_1_1')).toEqual(['1700000000001_1', '1700000000001_3', '1700000000001_2']);
    fake.script('listPinnedMessages', { fail: 'invalid', code: 'operation_failed' });
    fake.calls.length = 0;
    await readPinList(deps, 'CT_1_1', { priority: 'user' });
    expect(fake.calls.map((c) => (c.params as { syncToken?: string }).syncToken)).toEqual([
      expect.any(String),
      undefined,
    ]);
  });

  it('leaves the cache untouched when Cliq answers with data it cannot read', async () => {
    const { db, fake, deps } = await setup();
    fake.seedPins('CT_1_1', ['1700000000001_1']);
    await readPinList(deps, 'CT_1_1', { priority: 'user' });
    const before = await getPinList(db, 'CT_1_1');
    fake.seedPins('CT_1_1', ['1700000000001_2']);
    fake.script('listPinnedMessages', { fail: 'malformed' });
    await expect(readPinList(deps, 'CT_1_1', { priority: 'user', full: true })).rejects.toMatchObject({
      kind: 'malformed',
    });
    expect(await getPinList(db, 'CT_1_1')).toEqual(before);
  });
});

describe('the pin sweep', () => {
  it('visits named chats first, stays within its share of the budget, and resumes after a restart', async () => {
    const first = await setup();
    const { fake, db, clock } = first;
    const chats = Array.from({ length: 30 }, (_, i) => ({ chatId: `CT_${i + 1}_1`, lastActivityAt: 1000 - i }));
    // Cliq's recent-chats list says the same: CT_1 most recently active.
    for (const [i, { chatId }] of chats.entries()) fake.chat(chatId).modifiedAt = clock.now() - 60_000 * (i + 1);
    await first.sync.noteChats(chats);
    fake.seedPins('CT_30_1', ['1700000000030_1']);
    await first.sync.run({ priorityChatIds: ['CT_30_1'] });
    const read = fake.callsOf('listPinnedMessages').map((c) => (c.params as { chatId: string }).chatId);
    // 15 of GET pin-messages' 20 a minute: the rest is left for the user's own actions.
    expect(read).toHaveLength(15);
    expect(read.slice(0, 3)).toEqual(['CT_30_1', 'CT_1_1', 'CT_2_1']);
    expect(first.sync.nextWakeAt()).toBe(clock.now() + 60_000);
    expect(await order(db, 'CT_30_1')).toEqual(['1700000000030_1']);
    const budget = endpointFor('listPinnedMessages').budget;
    const userSlot = await reserveOne(first.ledger, budget, 'user');
    expect(userSlot.ok).toBe(true);
    if (userSlot.ok) await first.ledger.settle(userSlot.entryId);

    clock.advance(60_000);
    const second = await setup(db, clock, fake);
    await second.sync.run();
    const all = fake.callsOf('listPinnedMessages').map((c) => (c.params as { chatId: string }).chatId);
    expect(all).toHaveLength(30);
    expect(new Set(all).size).toBe(30);
  });

  it('re-reads every chat after a refresh, even one asked for while a sweep was running', async () => {
    const clock = new ManualClock();
    const fake = await startCliq(clock);
    const db = await freshDb();
    const chats = Array.from({ length: 5 }, (_, i) => ({ chatId: `CT_${i + 1}_1`, lastActivityAt: 1000 - i }));
    for (const { chatId } of chats) fake.chat(chatId);
    let asked = false;
    const ledger = createBudgetLedger(db, { clock, minuteMs: 60_000, bootId: 'boot-refresh' });
    const sync = createPinSync({
      db,
      client: fake,
      ledger,
      clock,
      // The user presses Refresh while the sweep is between two chats.
      onChange: (lists) => {
        if (!asked && lists.includes('pins:CT_2_1')) {
          asked = true;
          void sync.refreshAll();
        }
      },
    });
    await sync.noteChats(chats);
    await sync.run();
    const reads = () => fake.callsOf('listPinnedMessages').length;
    expect(reads()).toBe(5);

    // Minutes later, well within the lists' 15-minute freshness: only the refresh makes them worth reading again.
    clock.advance(2 * 60_000);
    await sync.run();
    expect(reads()).toBe(10);
    const sweep = (await db.get('meta', 'pinSweep')) as PinSweep;
    expect(sweep.total).toBe(5);

    // Answered once: the next run leaves the fresh lists alone.
    clock.advance(60_000);
    await sync.run();
    expect(reads()).toBe(10);
  });

  it('does not count a named chat the sweep has already read as one still to read', async () => {
    const { fake, sync, db } = await setup();
    const chats = Array.from({ length: 20 }, (_, i) => ({ chatId: `CT_${i + 1}_1`, lastActivityAt: 1000 - i }));
    for (const { chatId } of chats) fake.chat(chatId);
    await sync.noteChats(chats);
    await sync.run();
    // 15 read this minute; CT_1_1 (read first) is then opened by the user and named again.
    expect(fake.callsOf('listPinnedMessages')).toHaveLength(15);
    await sync.run({ priorityChatIds: ['CT_1_1'] });
    const sweep = (await db.get('meta', 'pinSweep')) as PinSweep;
    expect(sweep.total).toBe(20);
    expect((sweep.total ?? 0) - sweep.pending.length).toBe(15);
  });

  it('reads the folder list when it is stale and not before', async () => {
    const { fake, db, sync, clock, changes } = await setup();
    fake.addFolder({ id: '7', title: 'Team', chatIds: ['CT_1_1'] });
    await sync.run();
    expect(fake.callsOf('listFolders')).toHaveLength(1);
    expect((await getFolderList(db))?.folders.map((f) => [f.folderId, f.chatIds])).toEqual([
      ['default', []],
      ['7', ['CT_1_1']],
    ]);
    expect(changes).toContain('folders');
    clock.advance(60_000);
    await sync.run();
    expect(fake.callsOf('listFolders')).toHaveLength(1);
    clock.advance(5 * 60_000);
    await sync.run();
    expect(fake.callsOf('listFolders')).toHaveLength(2);
  });

  it('finishes past a chat whose answer does not parse, keeping its cache, and names it as not read', async () => {
    const { fake, sync, db, changes } = await setup();
    const chats = Array.from({ length: 3 }, (_, i) => ({ chatId: `CT_${i + 1}_1`, lastActivityAt: 1000 - i }));
    for (const { chatId } of chats) fake.chat(chatId);
    await sync.noteChats(chats);
    fake.script('listPinnedMessages', { fail: 'malformed' });
    await sync.run();
    expect(fake.callsOf('listPinnedMessages')).toHaveLength(3);
    const sweep = (await db.get('meta', 'pinSweep')) as PinSweep;
    expect(sweep.finishedAt).toBeDefined();
    const [first] = fake.callsOf('listPinnedMessages').map((call) => (call.params as { chatId: string }).chatId);
    expect(sweep.unreadable).toEqual([first]);
    // An open popup is told, and reads the board again.
    expect(changes).toContain(`pins:${first}`);
    const board = await openBoard(
      async () => db,
      () => new Error('signed out'),
    ).read(Date.now());
    expect(board.unreadableChats).toBe(1);
  });

  it('stops and says so when Cliq asks for a sign-in', async () => {
    const { fake, sync } = await setup();
    fake.script('listFolders', { fail: 'auth' });
    await sync.run();
    expect(sync.signInNeeded()).toBe(true);
    expect(sync.nextWakeAt()).toBeNull();
  });
});
