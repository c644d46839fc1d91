import { afterEach, describe, expect, it } from 'vitest';
import { planChatMove, planPinRestore } from '../../../components/popup/model/undo';
import { getPinList } from '../../../lib/store/cache';
import { type Sandbox, startSandbox } from '../../sandbox';
import { loadSeed, MINUTE_MS, pinnedIds, startWorker, type Worker } from './setup';

/*
 * Cliq compares `last_sync_time` with its own clock. Computers drift: these flows run with the sandbox's clock
 * ahead of and behind the extension's, and each must end exactly as asked, judged by the sandbox's state.
 */

const CHAT = 'CT_3000_700012345';
const OTHER_CHATS = ['CT_3001_700012345', 'CT_3002_700012345', 'CT_3003_700012345'];
const DAY = 86_400_000;

function seed(base: number) {
  const messageIds = Array.from({ length: 10 }, (_, i) => `${base + i}_${String(500_000 + i)}`);
  return {
    messageIds,
    data: {
      users: [{ id: '61000002', name: 'Sam Lee' }],
      chats: [CHAT, ...OTHER_CHATS].map((id, c) => ({
        id,
        type: 'group_chat' as const,
        title: `Room ${c + 1}`,
        memberIds: ['61000002'],
        messages:
          id === CHAT
            ? messageIds.map((mid, i) => ({ id: mid, senderId: '61000002', text: `message ${i}`, time: base + i }))
            : [],
      })),
      pins: messageIds.slice(0, 8).map((messageId) => ({ chatId: CHAT, messageId })),
      folders: [
        { id: '9001', title: 'Alpha', symbol: '🔥', chatIds: [OTHER_CHATS[0] as string, OTHER_CHATS[1] as string] },
        { id: '9002', title: 'Beta', symbol: '⭐', chatIds: [OTHER_CHATS[2] as string] },
      ],
    },
  };
}

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

async function settle(worker: Worker, intents: Parameters<Worker['queue']['enqueue']>[0]) {
  expect((await worker.queue.enqueue(intents)).ok).toBe(true);
  await worker.queue.run();
  expect(await worker.queue.progress()).toMatchObject({ failed: 0 });
}

const folderChats = (sb: Sandbox, id: string) => sb.state.folders.find((f) => f.id === id)?.chatIds ?? [];

describe.each([
  ['1.5 s ahead of', 1_500],
  ['1.5 s behind', -1_500],
  ['2 min ahead of', 120_000],
  ['2 min behind', -120_000],
])('with Cliq’s clock %s of the computer’s', (_label, offset) => {
  it('reorders, makes primary, changes a middle pin’s expiry, undoes a bulk unpin, moves chats and folders', async () => {
    sandbox = await startSandbox({ minuteMs: MINUTE_MS, seed: 'empty', startTime: Date.now() + offset });
    const sb = sandbox;
    const { data, messageIds: m } = seed(sb.clock.now() - DAY);
    await loadSeed(sb, data);
    const worker = await startWorker(sb, `skew-${offset}-${Date.now()}`);
    expect((await worker.sync.refreshChat(CHAT)).ok).toBe(true);
    expect((await worker.sync.refreshFolders()).ok).toBe(true);
    const id = (i: number) => m[i] as string;

    // Back to back, so each write follows our own previous write.
    await settle(worker, [
      { kind: 'makePrimary', chatId: CHAT, messageId: id(2) },
      { kind: 'reorderPin', chatId: CHAT, messageId: id(7), above: id(1) },
    ]);
    expect(pinnedIds(sb, CHAT)).toEqual([id(2), id(0), id(7), id(1), id(3), id(4), id(5), id(6)]);

    const expiry = Date.now() + 2 * DAY;
    await settle(worker, [{ kind: 'changePinExpiry', chatId: CHAT, messageId: id(4), expiry }]);
    expect(pinnedIds(sb, CHAT)).toEqual([id(2), id(0), id(7), id(1), id(3), id(4), id(5), id(6)]);
    const changed = sb.state.pins.get(CHAT)?.entries.find((p) => p.messageId === id(4));
    expect(Math.abs((changed?.expiry ?? 0) - expiry)).toBeLessThan(1_000);

    const before = (await getPinList(worker.db, CHAT))?.pins ?? [];
    const removed = new Set([id(0), id(1), id(5)]);
    await settle(worker, [{ kind: 'unpinMessages', chatId: CHAT, messageIds: [...removed] }]);
    const current = (await getPinList(worker.db, CHAT))?.pins ?? [];
    await settle(worker, planPinRestore(CHAT, before, removed, current, Date.now()));
    expect(pinnedIds(sb, CHAT)).toEqual(before.map((p) => p.messageId));

    const [alpha, beta] = ['9001', '9002'].map((folderId) => ({
      folderId,
      collapsed: false,
      isMyPins: false,
      chatIds: folderChats(sb, folderId),
    }));
    const moved = OTHER_CHATS[0] as string;
    await settle(
      worker,
      planChatMove(
        [alpha, beta].filter((f) => !!f),
        new Map([['9001', [moved]]]),
        '9002',
      ),
    );
    expect(folderChats(sb, '9001')).toEqual([OTHER_CHATS[1]]);
    expect(folderChats(sb, '9002')).toEqual([OTHER_CHATS[2], moved]);

    await settle(worker, [{ kind: 'moveFolder', folderId: '9002', above: '9001' }]);
    expect(sb.state.folders.map((f) => f.id)).toEqual(['default', '9002', '9001']);
  });
});
