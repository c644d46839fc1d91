import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FolderSnapshot,
  planChatMove,
  planFolderRestore,
  planPinMoveBack,
  planPinRestore,
  planRecreatedFollowUp,
} from '../../../components/popup/model/undo';
import type { IntentInput } from '../../../lib/intents/intents';
import type { PinRecord } from '../../../lib/store/records';
import { ManualClock, SandboxCliq } from '../queue/sandbox-cliq';

const NOW = 1_800_000_000_000;
const pin = (id: string, expiry = -1): PinRecord => ({ messageId: id, text: `text ${id}`, expiry });
const ids = (pins: readonly PinRecord[]) => pins.map((p) => p.messageId);

/*
 * Where a plan really leads is Cliq's to say, so the oracle is the sandbox, not the product's own list rules: the
 * chat starts as `current`, each intent goes to the sandbox as the queue would send it, and its list is read back.
 * A minute passes before each request, so its rate limits never get in the way.
 */
const clock = new ManualClock();
let cliq: SandboxCliq;
beforeAll(async () => {
  cliq = await SandboxCliq.start(clock);
});
afterAll(() => cliq.stop());

const CHAT = 'CT_1_1';

/** The plans speak of pins by short names; Cliq only knows message ids of its own shape, so names map to those. */
const wireIds = new Map<string, string>();
const wire = (name: string) => {
  if (!wireIds.has(name)) wireIds.set(name, `1700000000000_${wireIds.size + 1}`);
  return wireIds.get(name) as string;
};
const named = (id: string) => [...wireIds].find(([, w]) => w === id)?.[0] ?? id;
const pinnedNow = () => cliq.pinIds(CHAT).map(named);

async function send<Op extends 'pinMessage' | 'listPinnedMessages' | 'reorderPinnedMessage'>(
  op: Op,
  params: Parameters<SandboxCliq['otherDevice']['call']>[1] & object,
) {
  clock.advance(60_000);
  return cliq.otherDevice.call(op, params as never);
}

/** Someone else pins a message (Cliq puts it below the primary). */
async function pinnedMeanwhile(messageId: string) {
  cliq.messages(CHAT, [wire(messageId)]);
  await send('pinMessage', { chatId: CHAT, messageId: wire(messageId) });
}

async function apply(intents: readonly IntentInput[]): Promise<string[]> {
  for (const intent of intents) {
    if (intent.kind === 'pinMessage') {
      cliq.messages(CHAT, [wire(intent.messageId)]);
      await send('pinMessage', {
        chatId: CHAT,
        messageId: wire(intent.messageId),
        expiryTime: intent.expiry ?? -1,
        primary: intent.primary,
      });
    } else if (intent.kind === 'reorderPin') {
      const { view } = (await send('listPinnedMessages', { chatId: CHAT })) as { view: { lastSyncTime: number } };
      await send('reorderPinnedMessage', {
        chatId: CHAT,
        messageId: wire(intent.messageId),
        pinAbove: intent.above && wire(intent.above),
        basedOn: view,
      });
    } else throw new Error(`unexpected ${intent.kind}`);
  }
  return pinnedNow();
}

/** The chat in the sandbox holds exactly these pins. */
const start = (pins: readonly PinRecord[]) => cliq.seedPins(CHAT, ids(pins).map(wire));

describe('undoing a move', () => {
  it('puts a moved pin back, the primary included, wherever the move took it', async () => {
    const names = ['p0', 'p1', 'p2', 'p3'];
    for (const [moved, above] of [
      ['p1', 'p0'], // Alt+Up on the second pin: it became the primary
      ['p0', 'p2'], // the primary moved down: p1 became the primary
      ['p3', 'p1'],
      ['p1', undefined], // to the end
    ] as const) {
      start(names.map((id) => pin(id)));
      const after = await apply([{ kind: 'reorderPin', chatId: CHAT, messageId: moved, above }]);
      expect(after).not.toEqual(names);
      expect(await apply(planPinMoveBack(CHAT, names, moved, after))).toEqual(names);
    }
  });

  it('skips neighbours unpinned since, and does nothing for a pin that is gone or already back', () => {
    const before = ['p0', 'p1', 'p2', 'p3'];
    // p1 was moved to the end and p2, its old successor, unpinned since: p1 goes above p3.
    expect(planPinMoveBack(CHAT, before, 'p1', ['p0', 'p3', 'p1'])).toEqual([
      { kind: 'reorderPin', chatId: CHAT, messageId: 'p1', above: 'p3' },
    ]);
    expect(planPinMoveBack(CHAT, before, 'p1', ['p0', 'p1', 'p3'])).toEqual([]);
    expect(planPinMoveBack(CHAT, before, 'p1', ['p0', 'p3'])).toEqual([]);
  });
});

describe('undoing an unpin', () => {
  it('pins again with the old expiry and primary, and moves pins back only where needed', async () => {
    const before = [pin('p0'), pin('p1', NOW + 3_600_000), pin('p2'), pin('p3'), pin('p4')];
    const removed = new Set(['p0', 'p2', 'p3']);
    const current = before.filter((p) => !removed.has(p.messageId));
    const plan = planPinRestore('CT_1_1', before, removed, current, NOW);
    start(current);
    expect(plan.filter((i) => i.kind === 'pinMessage')).toEqual([
      expect.objectContaining({ messageId: 'p3', expiry: -1, primary: undefined }),
      expect.objectContaining({ messageId: 'p2' }),
      expect.objectContaining({ messageId: 'p0', primary: true, preview: { text: 'text p0', senderName: undefined } }),
    ]);
    // Pinned bottom-up, each lands directly below the primary: already the old order, no moves needed.
    expect(plan.filter((i) => i.kind === 'reorderPin')).toEqual([]);
    expect(await apply(plan)).toEqual(ids(before));
  });

  it('moves a pin back between its old neighbours when pinning alone cannot put it there', async () => {
    const before = ['p0', 'p1', 'p2', 'p3', 'p4'].map((id) => pin(id));
    const removed = new Set(['p1', 'p3']);
    const current = before.filter((p) => !removed.has(p.messageId));
    const plan = planPinRestore('CT_1_1', before, removed, current, NOW);
    start(current);
    expect(plan.filter((i) => i.kind === 'reorderPin')).toEqual([
      { kind: 'reorderPin', chatId: 'CT_1_1', messageId: 'p3', above: 'p4' },
    ]);
    expect(await apply(plan)).toEqual(ids(before));
  });

  it('leaves out pins whose expiry has passed or is seconds away', () => {
    const before = [pin('p0'), pin('p1', NOW - 1), pin('p2', NOW + 2_000), pin('p3')];
    const plan = planPinRestore('CT_1_1', before, new Set(['p1', 'p2', 'p3']), [pin('p0')], NOW);
    expect(plan.map((i) => i.kind === 'pinMessage' && i.messageId)).toEqual(['p3']);
    expect(planPinRestore('CT_1_1', before, new Set(['p1']), [pin('p0')], NOW)).toEqual([]);
  });

  it('does not pin again what is still (or already again) pinned', () => {
    const before = [pin('a'), pin('b')];
    expect(planPinRestore('CT_1_1', before, new Set(['b']), before, NOW)).toEqual([]);
  });

  it('restores any selection of up to 25 pins to the exact old order, whatever else was pinned meanwhile', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 25 }),
        fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
        fc.integer({ min: 0, max: 3 }),
        async (n, picks, others) => {
          const before = Array.from({ length: n }, (_, i) => pin(`m${i}`));
          const removed = new Set(before.filter((_, i) => picks[i]).map((p) => p.messageId));
          start(before.filter((p) => !removed.has(p.messageId)));
          // Someone else pinned a few messages in the meantime, up to Cliq's 25.
          const room = 25 - pinnedNow().length - removed.size;
          for (let i = 0; i < Math.min(others, room); i++) await pinnedMeanwhile(`new${i}`);
          const current = pinnedNow().map((id) => pin(id));
          const result = await apply(planPinRestore('CT_1_1', before, removed, current, NOW));
          expect(result.filter((id) => id.startsWith('m'))).toEqual(ids(before));
          // The old primary is the primary again, whether it was kept or pinned again.
          expect(result[0]).toBe('m0');
        },
      ),
      { numRuns: 60 },
    );
  });
});

const folder = (id: string, chatIds: string[], extra: Partial<FolderSnapshot> = {}): FolderSnapshot => ({
  folderId: id,
  title: id === 'default' ? undefined : `Folder ${id}`,
  symbol: id === 'default' ? undefined : '📁',
  collapsed: false,
  chatIds,
  isMyPins: id === 'default',
  ...extra,
});

describe('undoing folder edits', () => {
  const before = [
    folder('default', ['c1']),
    folder('f1', ['c2', 'c3'], { collapsed: true, symbol: '🔥' }),
    folder('f2', ['c4']),
  ];

  it('a folder deleted with its chats moved to My Pins: My Pins gets its old list back, the folder comes back with its chats', () => {
    const after = [folder('default', ['c1', 'c2', 'c3']), folder('f2', ['c4'])];
    const { intents, recreated } = planFolderRestore(before, after);
    expect(intents).toEqual([
      { kind: 'replaceFolderChats', folderId: 'default', chatIds: ['c1'], editedFrom: ['c1', 'c2', 'c3'] },
      { kind: 'createFolder', title: 'Folder f1', symbol: '🔥', chatIds: ['c2', 'c3'] },
    ]);
    expect(recreated).toEqual([
      { title: 'Folder f1', symbol: '🔥', collapsed: true, above: 'f2', knownIds: ['default', 'f2'] },
    ]);
  });

  it('a re-created folder moves back to its place and collapses once Cliq has given it an id', () => {
    const [recreated] = planFolderRestore(before, [folder('default', ['c1']), folder('f2', ['c4'])]).recreated;
    if (!recreated) throw new Error('no recreated folder');
    const waiting = [
      { ...folder('default', ['c1']), pending: false },
      { ...folder('f2', ['c4']), pending: false },
      { ...folder('pending-7', ['c2', 'c3'], { title: 'Folder f1' }), pending: true },
    ];
    expect(planRecreatedFollowUp(recreated, waiting)).toBeUndefined();
    const confirmed = [
      ...waiting.slice(0, 2),
      { ...folder('f9', ['c2', 'c3'], { title: 'Folder f1' }), pending: false },
    ];
    expect(planRecreatedFollowUp(recreated, confirmed)).toEqual([
      { kind: 'moveFolder', folderId: 'f9', above: 'f2' },
      { kind: 'setFolderCollapsed', folderId: 'f9', collapsed: true },
    ]);
  });

  it('chats removed from every folder go back into each list they were in, in order', () => {
    const after = [folder('default', []), folder('f1', ['c3']), folder('f2', ['c4'])];
    expect(planFolderRestore(before, after).intents).toEqual([
      { kind: 'replaceFolderChats', folderId: 'default', chatIds: ['c1'], editedFrom: [] },
      { kind: 'replaceFolderChats', folderId: 'f1', chatIds: ['c2', 'c3'], editedFrom: ['c3'] },
    ]);
  });
});

describe('moving chats to another folder', () => {
  it('appends them to the target first, then takes each out of the folder it was picked in once it arrived', () => {
    const folders = [folder('default', ['c1', 'c2']), folder('f1', ['c3', 'c2']), folder('f2', ['c4'])];
    const picked = new Map([
      ['default', ['c2']],
      ['f1', ['c3', 'c2']],
    ]);
    expect(planChatMove(folders, picked, 'f2')).toEqual([
      { kind: 'replaceFolderChats', folderId: 'f2', chatIds: ['c4', 'c2', 'c3'], editedFrom: ['c4'] },
      { kind: 'replaceFolderChats', folderId: 'default', chatIds: ['c1'], editedFrom: ['c1', 'c2'], movedTo: 'f2' },
      { kind: 'replaceFolderChats', folderId: 'f1', chatIds: [], editedFrom: ['c3', 'c2'], movedTo: 'f2' },
    ]);
  });

  it('chats picked in the target itself stay where they are', () => {
    const folders = [folder('default', ['c1']), folder('f1', ['c3'])];
    expect(planChatMove(folders, new Map([['f1', ['c3']]]), 'f1')).toEqual([]);
  });
});
