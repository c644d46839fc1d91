import { describe, expect, it } from 'vitest';
import {
  readChatPins,
  readExpiringPins,
  readFolders,
  readPinBoard,
  readUnsentIntents,
} from '../../../lib/board/read-models';
import { boardSettingsOf, readBoardSettings, SETTINGS_KEY } from '../../../lib/store/board-settings';
import { putFolderList, putPinList, upsertChats } from '../../../lib/store/cache';
import { DB_VERSION, openPinsDb } from '../../../lib/store/db';
import { appendIntents } from '../../../lib/store/journal';
import type { PinRecord } from '../../../lib/store/records';
import { migrateSettings, readSettings, updateSettings } from '../../../lib/store/settings';
import { freshDb } from '../queue/harness';

const HOUR = 3_600_000;
const NOW = 1_700_000_000_000;
const pin = (messageId: string, pinnedAt: number, expiry = -1): PinRecord => ({
  messageId,
  text: messageId,
  pinnedAt,
  expiry,
});
const listState = { fetchedAt: NOW, changedSinceRead: false, lastSyncTime: NOW, fullSyncAt: NOW };

describe('database', () => {
  it('upgrades an older database step by step, keeping its data', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = await openPinsDb(name, 1);
    await v1.put('chats', { chatId: 'CT_1_1', name: 'Ops', lastActivityAt: 5 });
    expect(v1.objectStoreNames.contains('chats')).toBe(true);
    v1.close();
    const latest = await openPinsDb(name);
    expect(latest.version).toBe(DB_VERSION);
    expect(await latest.getAllFromIndex('chats', 'byActivity')).toEqual([
      { chatId: 'CT_1_1', name: 'Ops', lastActivityAt: 5 },
    ]);
  });
});

describe('settings', () => {
  it('fills defaults, validates changes and survives a corrupt stored value', async () => {
    const db = await freshDb();
    expect(await readSettings(db)).toMatchObject({ version: 1, pinOrder: 'chatOrder', notifyOnPin: false });
    await updateSettings(db, { pinOrder: 'newestPinned' });
    expect((await readSettings(db)).pinOrder).toBe('newestPinned');
    await expect(updateSettings(db, { expiringSoonMs: -5 })).rejects.toThrow();
    expect((await readSettings(db)).expiringSoonMs).toBe(24 * HOUR);
    expect(migrateSettings({ pinOrder: 'sideways' }).pinOrder).toBe('chatOrder');
    expect(migrateSettings('garbage').version).toBe(1);
  });

  it('the board reads its two settings as the validated ones say, and a damaged field as its default', async () => {
    const db = await freshDb();
    expect(await readBoardSettings(db)).toEqual({ pinOrder: 'chatOrder', expiringSoonMs: 24 * HOUR });
    await updateSettings(db, { pinOrder: 'newestPinned', expiringSoonMs: 2 * HOUR });
    expect(await readBoardSettings(db)).toEqual({ pinOrder: 'newestPinned', expiringSoonMs: 2 * HOUR });
    // Agrees with the validating reader on every kind of damage, field by field.
    for (const stored of [
      undefined,
      null,
      'garbage',
      [],
      { pinOrder: 'sideways', expiringSoonMs: 2 * HOUR },
      { pinOrder: 'newestPinned', expiringSoonMs: -5 },
      { pinOrder: 'newestPinned', expiringSoonMs: 1.5 },
      { pinOrder: 'newestPinned', expiringSoonMs: '3600000' },
      { pinOrder: ['chatOrder'], expiringSoonMs: Number.NaN },
    ]) {
      const { pinOrder, expiringSoonMs } = migrateSettings(
        stored !== null && typeof stored === 'object' && !Array.isArray(stored) ? { ...stored } : stored,
      );
      const field = (value: unknown, key: 'pinOrder' | 'expiringSoonMs') => migrateSettings({ [key]: value })[key];
      const parts = stored as { pinOrder?: unknown; expiringSoonMs?: unknown } | undefined;
      expect(boardSettingsOf(stored)).toEqual({
        pinOrder: parts && typeof parts === 'object' ? field(parts.pinOrder, 'pinOrder') : pinOrder,
        expiringSoonMs:
          parts && typeof parts === 'object' ? field(parts.expiringSoonMs, 'expiringSoonMs') : expiringSoonMs,
      });
    }
    // Reading writes nothing back: the stored value stays for a later version to make sense of.
    await db.put('meta', { pinOrder: 'sideways', future: true }, SETTINGS_KEY);
    expect((await readBoardSettings(db)).pinOrder).toBe('chatOrder');
    expect(await db.get('meta', SETTINGS_KEY)).toEqual({ pinOrder: 'sideways', future: true });
  });
});

describe('read models', () => {
  async function seeded() {
    const db = await freshDb();
    await upsertChats(db, [
      { chatId: 'CT_A', name: 'Alpha', lastActivityAt: 1 },
      { chatId: 'CT_B', name: 'Beta', lastActivityAt: 2 },
    ]);
    await putPinList(db, {
      chatId: 'CT_A',
      pins: [pin('a1', NOW - 5 * HOUR), pin('a2', NOW - HOUR, NOW + HOUR)],
      ...listState,
    });
    await putPinList(db, {
      chatId: 'CT_B',
      pins: [pin('b1', NOW - 2 * HOUR, NOW - HOUR), pin('b2', NOW - 3 * HOUR)],
      ...listState,
    });
    return db;
  }

  it('groups live pins by chat, most recent pin first, primary marked, in either order', async () => {
    const db = await seeded();
    const board = await readPinBoard(db, { now: NOW });
    // Beta's primary (b1) has expired, so b2 is its primary now, as in Cliq.
    expect(board.map((g) => [g.chatName, g.pins.map((p) => [p.messageId, p.isPrimary])])).toEqual([
      [
        'Alpha',
        [
          ['a1', true],
          ['a2', false],
        ],
      ],
      ['Beta', [['b2', true]]],
    ]);
    const withExpired = await readPinBoard(db, { now: NOW, includeExpired: true });
    expect(withExpired[1]?.pins.map((p) => [p.messageId, p.isPrimary])).toEqual([
      ['b1', false],
      ['b2', true],
    ]);
    const newest = await readPinBoard(db, { now: NOW, order: 'newestPinned' });
    expect(newest[0]?.pins.map((p) => p.messageId)).toEqual(['a2', 'a1']);
  });

  it("reads one chat's pins exactly as the board shows them, and when its list was read", async () => {
    const db = await seeded();
    const board = await readPinBoard(db, { now: NOW });
    for (const group of board) {
      expect(await readChatPins(db, group.chatId, { now: NOW })).toEqual({ pins: group.pins, fetchedAt: NOW });
    }
    expect(await readChatPins(db, 'CT_UNKNOWN', { now: NOW })).toEqual({ pins: [], fetchedAt: null });
  });

  it('lists pins expiring soon and those already expired', async () => {
    const db = await seeded();
    const { expiringSoon, expired } = await readExpiringPins(db, { now: NOW, withinMs: 2 * HOUR });
    expect(expiringSoon.map((p) => p.messageId)).toEqual(['a2']);
    expect(expired.map((p) => p.messageId)).toEqual(['b1']);
  });

  it('shows a queued unpin at once, marked pending', async () => {
    const db = await seeded();
    await appendIntents(
      db,
      [{ intent: { kind: 'unpinMessages', chatId: 'CT_A', messageIds: ['a1'] }, memory: {} }],
      NOW,
    );
    const board = await readPinBoard(db, { now: NOW });
    expect(board[0]?.pins.map((p) => [p.messageId, p.isPrimary])).toEqual([['a2', true]]);
  });

  it('tells the page which of its chat’s intents a try did not get through: retried, or given up and why', async () => {
    const db = await seeded();
    const [retried, failed, fresh, other] = await appendIntents(
      db,
      [
        { intent: { kind: 'unpinMessages', chatId: 'CT_A', messageIds: ['a1'] }, memory: {} },
        { intent: { kind: 'makePrimary', chatId: 'CT_A', messageId: 'a2' }, memory: {} },
        { intent: { kind: 'unpinMessages', chatId: 'CT_A', messageIds: ['a2'] }, memory: {} },
        { intent: { kind: 'unpinMessages', chatId: 'CT_B', messageIds: ['b1'] }, memory: {} },
      ],
      NOW,
    );
    if (!retried || !failed || !fresh || !other) throw new Error('not journaled');
    await db.put('intents', { ...retried, attempts: 1 });
    await db.put('intents', { ...failed, state: 'failed', error: { kind: 'invalid', message: 'Cliq refused it.' } });
    await db.put('intents', { ...other, attempts: 2 });
    expect(await readUnsentIntents(db, 'CT_A')).toEqual([
      { id: retried.id, kind: 'unpinMessages', state: 'retrying' },
      { id: failed.id, kind: 'makePrimary', state: 'failed', error: 'Cliq refused it.' },
    ]);
  });

  it('puts My Pins first with chat names', async () => {
    const db = await seeded();
    await putFolderList(db, {
      folders: [
        { folderId: '9', title: 'Later', collapsed: true, chatIds: ['CT_B'], position: 0 },
        { folderId: 'default', collapsed: false, chatIds: ['CT_A'], position: 1 },
      ],
      fetchedAt: NOW,
      changedSinceRead: false,
    });
    const folders = await readFolders(db);
    expect(folders.map((f) => [f.folderId, f.isMyPins, f.chats.map((c) => c.name)])).toEqual([
      ['default', true, ['Alpha']],
      ['9', false, ['Beta']],
    ]);
  });
});
