import { endpoints } from '../../../lib/cliq';
import type { IntentInput } from '../../../lib/intents/intents';
import type { IntentRecord } from '../../../lib/store/records';
import { busiestWindow } from '../../helpers';
import type { LoggedRequest, Sandbox, SeedData } from '../../sandbox';

/*
 * One mixed workload for the fault and kill suites: every kind of intent the popup and the page send, each
 * acting on its own chat or folder, so that each intent's effect can be checked on its own at the end.
 */

const OTHER_USER = '61000002';
const DAY = 86_400_000;

const chatId = (n: number) => `CT_${3000 + n}_700012345`;
const messageIdsOf = (chat: number, count: number, base: number) =>
  Array.from({ length: count }, (_, i) => `${base + chat * 1000 + i}_${200_000 + chat * 100 + i}`);

export interface MixedScenario {
  seed: SeedData;
  /** Chats whose pins the popup shows before the user acts (the cache is warm). */
  pinChats: string[];
  intents: IntentInput[];
  /** Problems with the final server state, given how each intent ended (empty = every effect holds). */
  check(sandbox: Sandbox, records: readonly IntentRecord[]): string[];
}

export function mixedScenario(now = Date.now()): MixedScenario {
  const base = now - 2 * DAY;
  // Whole seconds: Cliq answers expiry times in ISO 8601 to the second.
  const inAWeek = Math.floor((now + 7 * DAY) / 1000) * 1000;
  const inTwoWeeks = inAWeek + 7 * DAY;
  const pinChat = (n: number, messages: number, pins: number) => {
    const ids = messageIdsOf(n, messages, base);
    return { chatId: chatId(n), ids, pinned: ids.slice(0, pins) };
  };
  const u1 = pinChat(1, 25, 25);
  const u2 = pinChat(2, 25, 25);
  const u3 = pinChat(3, 25, 20);
  const p1 = pinChat(4, 30, 3);
  const p2 = pinChat(5, 30, 0);
  const r1 = pinChat(6, 8, 6);
  const r2 = pinChat(7, 8, 6);
  const r3 = pinChat(8, 8, 6);
  const pinChats = [u1, u2, u3, p1, p2, r1, r2, r3];

  const folderChat = Object.fromEntries(
    ['A', 'B', 'C', 'D', 'E', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'].map((name, i) => [name, chatId(20 + i)]),
  ) as Record<'A' | 'B' | 'C' | 'D' | 'E' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N', string>;
  const { A, B, C, D, E, G, H, I, J, K, L, M, N } = folderChat;
  const F1 = '9100';
  const F2 = '9200';
  const F3 = '9300';
  const F4 = '9400';

  const seed: SeedData = {
    users: [{ id: OTHER_USER, name: 'Sam Lee' }],
    chats: [
      ...pinChats.map((chat, i) => ({
        id: chat.chatId,
        type: 'group_chat' as const,
        title: `Pins ${i + 1}`,
        memberIds: [OTHER_USER],
        messages: chat.ids.map((id, m) => ({
          id,
          senderId: OTHER_USER,
          text: `message ${m + 1}`,
          time: Number(id.split('_')[0]),
        })),
      })),
      ...Object.entries(folderChat).map(([name, id]) => ({
        id,
        type: 'group_chat' as const,
        title: `Chat ${name}`,
        memberIds: [OTHER_USER],
      })),
    ],
    pins: pinChats.flatMap((chat) => chat.pinned.map((messageId) => ({ chatId: chat.chatId, messageId }))),
    myPins: [H, I],
    folders: [
      { id: F1, title: 'Alpha', symbol: '🅰', chatIds: [A, B, C] },
      { id: F2, title: 'Beta', symbol: '🅱', chatIds: [D, E] },
      { id: F3, title: 'Gamma', chatIds: [G] },
      { id: F4, title: 'Delta', chatIds: [N] },
    ],
  };

  const newPins = (chat: typeof p1, from: number, count: number) =>
    chat.ids.slice(from, from + count).map((messageId, i) => ({
      kind: 'pinMessage' as const,
      chatId: chat.chatId,
      messageId,
      expiry: i % 2 === 0 ? -1 : inAWeek,
      ...(i === 5 ? { primary: true } : {}),
    }));
  const pinIntents = [...newPins(p1, 10, 12), ...newPins(p2, 0, 12)];
  const [r1m1, r1m2, r1m3, r1m4, r1m5, r1m6] = r1.pinned as [string, string, string, string, string, string];
  const [r2m1, r2m2, r2m3, r2m4, r2m5, r2m6] = r2.pinned as [string, string, string, string, string, string];
  const r3m3 = r3.pinned[2] as string;
  const createdTitle = 'Made while things broke';

  const intents: IntentInput[] = [
    ...u1.pinned.map((id) => ({ kind: 'unpinMessages' as const, chatId: u1.chatId, messageIds: [id] })),
    { kind: 'unpinMessages', chatId: u2.chatId, messageIds: u2.pinned },
    { kind: 'unpinMessages', chatId: u3.chatId, messageIds: u3.pinned.slice(0, 10) },
    ...pinIntents,
    { kind: 'reorderPin', chatId: r1.chatId, messageId: r1m5, above: r1m2 },
    { kind: 'makePrimary', chatId: r2.chatId, messageId: r2m4 },
    { kind: 'changePinExpiry', chatId: r3.chatId, messageId: r3m3, expiry: inTwoWeeks },
    { kind: 'createFolder', title: createdTitle, symbol: '⭐', chatIds: [J] },
    { kind: 'renameFolder', folderId: F1, title: 'Alpha, renamed' },
    { kind: 'changeFolderSymbol', folderId: F2, symbol: '🔥' },
    { kind: 'setFolderCollapsed', folderId: F2, collapsed: true },
    { kind: 'moveFolder', folderId: F3, above: F1 },
    { kind: 'moveChatInFolder', folderId: F1, chatId: C, above: A },
    { kind: 'pinChatToFolder', chatId: K, folderId: F2 },
    { kind: 'pinChatToFolder', chatId: L },
    { kind: 'unpinChat', chatId: H },
    { kind: 'removeChatsFromAllFolders', chatIds: [D, I] },
    { kind: 'replaceFolderChats', folderId: F3, chatIds: [G, M] },
    { kind: 'deleteFolder', folderId: F4 },
  ];

  function check(sandbox: Sandbox, records: readonly IntentRecord[]): string[] {
    const problems: string[] = [];
    const expect = (ok: boolean, what: string) => {
      if (!ok) problems.push(what);
    };
    const pins = (id: string) => (sandbox.state.pins.get(id)?.entries ?? []).map((p) => p.messageId);
    const expiryOf = (id: string, messageId: string) =>
      sandbox.state.pins.get(id)?.entries.find((p) => p.messageId === messageId)?.expiry;
    const folders = sandbox.state.folders;
    const folder = (id: string) => folders.find((f) => f.id === id);
    const pinnedAnywhere = (id: string) => folders.some((f) => f.chatIds.includes(id));
    const sameList = (a: readonly string[], b: readonly string[]) => JSON.stringify(a) === JSON.stringify(b);

    expect(records.length === intents.length, `${records.length} intents in the journal, ${intents.length} were sent`);
    for (const record of records) {
      const { intent } = record;
      if (record.state === 'failed') {
        expect(Boolean(record.error?.message), `intent ${record.id} (${intent.kind}) failed without a reason`);
        continue;
      }
      if (record.state !== 'done') {
        problems.push(`intent ${record.id} (${intent.kind}) ended ${record.state}`);
        continue;
      }
      switch (intent.kind) {
        case 'unpinMessages':
          for (const id of intent.messageIds) expect(!pins(intent.chatId).includes(id), `${id} is still pinned`);
          break;
        case 'pinMessage': {
          const expiry = expiryOf(intent.chatId, intent.messageId);
          expect(expiry !== undefined, `${intent.messageId} is not pinned`);
          expect(
            expiry !== undefined && (expiry === intent.expiry || Math.abs(expiry - intent.expiry) < 1000),
            `${intent.messageId} expires at ${expiry}, not ${intent.expiry}`,
          );
          if (intent.primary) expect(pins(intent.chatId)[0] === intent.messageId, `${intent.messageId} is not primary`);
          break;
        }
        case 'reorderPin':
          expect(
            sameList(pins(r1.chatId), [r1m1, r1m5, r1m2, r1m3, r1m4, r1m6]),
            `reorder: ${pins(r1.chatId).join(' ')}`,
          );
          break;
        case 'makePrimary':
          expect(
            sameList(pins(r2.chatId), [r2m4, r2m1, r2m2, r2m3, r2m5, r2m6]),
            `make primary: ${pins(r2.chatId).join(' ')}`,
          );
          break;
        case 'changePinExpiry':
          expect(sameList(pins(r3.chatId), r3.pinned), `expiry change moved pins: ${pins(r3.chatId).join(' ')}`);
          expect(expiryOf(r3.chatId, r3m3) === inTwoWeeks, `expiry change: ${expiryOf(r3.chatId, r3m3)}`);
          break;
        case 'createFolder': {
          const made = folders.filter((f) => f.title === createdTitle);
          expect(made.length === 1, `${made.length} folders titled "${createdTitle}"`);
          expect(sameList(made[0]?.chatIds ?? [], [J]), 'the new folder does not hold its chat');
          break;
        }
        case 'renameFolder':
          expect(folder(F1)?.title === intent.title, `F1 is titled ${folder(F1)?.title}`);
          break;
        case 'changeFolderSymbol':
          expect(folder(F2)?.symbol === intent.symbol, `F2 has symbol ${folder(F2)?.symbol}`);
          break;
        case 'setFolderCollapsed':
          expect(folder(F2)?.state === 'collapsed', 'F2 is not collapsed');
          break;
        case 'moveFolder': {
          const order = folders.map((f) => f.id);
          expect(order.indexOf(F3) + 1 === order.indexOf(F1), `folder order ${order.join(' ')}`);
          break;
        }
        case 'moveChatInFolder':
          expect(sameList(folder(F1)?.chatIds ?? [], [C, A, B]), `F1 holds ${folder(F1)?.chatIds.join(' ')}`);
          break;
        case 'pinChatToFolder':
          expect(
            Boolean(folder(intent.folderId ?? 'default')?.chatIds.includes(intent.chatId)),
            `${intent.chatId} is not in ${intent.folderId ?? 'My Pins'}`,
          );
          break;
        case 'unpinChat':
          expect(!pinnedAnywhere(intent.chatId), `${intent.chatId} is still pinned`);
          break;
        case 'removeChatsFromAllFolders':
          for (const id of intent.chatIds) expect(!pinnedAnywhere(id), `${id} is still in a folder`);
          break;
        case 'replaceFolderChats':
          expect(sameList(folder(F3)?.chatIds ?? [], [G, M]), `F3 holds ${folder(F3)?.chatIds.join(' ')}`);
          break;
        case 'deleteFolder':
          expect(!folder(F4), 'F4 still exists');
          expect(Boolean(folder('default')?.chatIds.includes(N)), 'the deleted folder’s chat did not move to My Pins');
          break;
        default: {
          const unchecked: never = intent;
          problems.push(`no check for ${JSON.stringify(unchecked)}`);
        }
      }
    }
    // Untouched things stay as they were: the unpin of 10 of U3's 20 pins keeps the other 10, in order.
    if (records.every((r) => r.state === 'done')) {
      expect(sameList(pins(u3.chatId), u3.pinned.slice(10)), `U3 holds ${pins(u3.chatId).join(' ')}`);
    }
    return problems;
  }

  return { seed, pinChats: pinChats.map((c) => c.chatId), intents, check };
}

const BUDGETS = Object.values(endpoints).map((e) => ({ method: e.method, path: e.path, budget: e.budget }));

/**
 * The most requests of each budget that arrived within any rolling minute, keyed by budget, for budgets over
 * their documented threshold (empty = the rate was kept). Arrival times come from the sandbox's log.
 */
export function budgetsOverThreshold(log: readonly LoggedRequest[], minuteMs: number): Record<string, number> {
  const over: Record<string, number> = {};
  const byBudget = new Map<string, { perMinute: number; times: number[] }>();
  for (const entry of log) {
    const known = BUDGETS.find((b) => b.method === entry.method && b.path === entry.template);
    if (!known) continue;
    const slot = byBudget.get(known.budget.key) ?? { perMinute: known.budget.perMinute, times: [] };
    slot.times.push(entry.at);
    byBudget.set(known.budget.key, slot);
  }
  for (const [key, { perMinute, times }] of byBudget) {
    const most = busiestWindow(times, minuteMs);
    if (most > perMinute) over[key] = most;
  }
  return over;
}

/** What a write asked for, without the `last_sync_time` it was based on: the same change sent again has the same key. */
function changeKey(entry: LoggedRequest): string {
  const { last_sync_time: _basedOn, ...body } = (entry.body ?? {}) as Record<string, unknown>;
  return `${entry.method} ${entry.path} ${JSON.stringify(entry.query)} ${JSON.stringify(body)}`;
}

/**
 * Writes that reached Cliq again after Cliq had answered them with a success, which the client heard or (its
 * worker dead) would find by reading. A bulk unpin is checked id by id. Faulted answers (5xx, drops) do not
 * count as applied: whether they were is for the queue to find out by reading before it sends again.
 */
export function writesSentAgain(log: readonly LoggedRequest[]): string[] {
  const applied = new Set<string>();
  const again: string[] = [];
  const succeeded = (entry: LoggedRequest) => entry.status >= 200 && entry.status < 300 && entry.fault === undefined;
  for (const entry of log) {
    if (entry.method === 'GET') continue;
    const keys =
      entry.method === 'DELETE' && entry.template === '/v3/chats/{CHAT_ID}/pin-messages'
        ? ((entry.body as { message_ids?: string[] } | undefined)?.message_ids ?? []).map(
            (id) => `unpin ${entry.path} ${id}`,
          )
        : [changeKey(entry)];
    for (const key of keys) {
      if (applied.has(key)) again.push(key);
      if (succeeded(entry)) applied.add(key);
    }
  }
  return again;
}
