import { shownPins } from '../lists/overlay';
import { type BoardSettings, boardSettingsOf, SETTINGS_KEY } from '../store/board-settings';
import { FOLDER_LIST_KEY, folderListOf } from '../store/cache';
import type { PinsDb } from '../store/db';
import type { QueueProgress } from '../store/journal';
import type { ChatRecord, IntentRecord, ListState, PinRecord, PinSweep } from '../store/records';
import {
  arrangeBoard,
  type ChatPins,
  failedOf,
  readFolders,
  readProgress,
  type ShownFolder,
  shownFoldersOf,
  shownPinGroups,
} from './read-models';

/** Everything the popup paints. */
export interface Board {
  /** Every cached pin in Cliq's order, expired ones included: the view decides what to show. */
  pins: ChatPins[];
  folders: ShownFolder[];
  /** Every chat the extension knows, for picking chats for a folder. */
  chats: ChatRecord[];
  failed: IntentRecord[];
  settings: BoardSettings;
  /** Cliq's folder list has been read at least once, so "nothing here" means nothing, not "not yet". */
  folderListRead: boolean;
  /** Chats whose pins the background sweep has still to read; 0 when it is done. */
  chatsToRead: number;
  /** Chats the running sweep reads in all (0 when none runs). */
  chatsInSweep: number;
  /** When a sweep last read every chat: the board was complete then. */
  lastCompleteAt?: number;
  /** Chats the latest sweep could not read (Cliq's answer did not parse): shown as last read. */
  unreadableChats: number;
}

/** What a signed-out popup shows: no account, so no account's data. */
const EMPTY_BOARD: Omit<Board, 'settings'> = {
  pins: [],
  folders: [],
  chats: [],
  failed: [],
  folderListRead: false,
  chatsToRead: 0,
  chatsInSweep: 0,
  unreadableChats: 0,
};

/** How much of a budget's current window the queue has used, and whether Cliq locked it. */
export interface BudgetUse {
  used: number;
  lockedUntil?: number;
}

/**
 * The popup's one door to IndexedDB (it shares the extension's origin, so it paints before the worker answers):
 * every read its views make, and the one write that is the popup's own, its pin order. Changes to Cliq data go
 * through intents, never through here.
 */
export interface BoardStore {
  read(now: number): Promise<Board>;
  /** One chat's pins with queued intents applied, as an undo plans from them. */
  chatPins(chatId: string): Promise<PinRecord[]>;
  folders(): Promise<ShownFolder[]>;
  progress(): Promise<QueueProgress>;
  budgetUse(keys: readonly string[], options: { now: number; minuteMs: number }): Promise<Map<string, BudgetUse>>;
  setPinOrder(order: BoardSettings['pinOrder']): Promise<void>;
}

/**
 * `open` answers the signed-in account's database, or undefined while signed out: it is asked on every use, since
 * the account can change while the popup is open. Signed out, the board is empty and everything else refuses.
 */
export function openBoard(open: () => Promise<PinsDb | undefined>, signedOut: () => Error): BoardStore {
  const db = async () => {
    const store = await open();
    if (!store) throw signedOut();
    return store;
  };
  return {
    async read(now) {
      const store = await open();
      if (!store) return { ...EMPTY_BOARD, settings: boardSettingsOf(undefined) };
      const stored = await readStoredBoard(store);
      const sweep = stored.sweep;
      return {
        // Expired pins stay in, so the "expired" filter can show what the cache still holds.
        pins: arrangeBoard(shownPinGroups(stored, now), { now, order: 'chatOrder', includeExpired: true }),
        folders: shownFoldersOf(stored.folderList, stored.intents, stored.chats),
        chats: stored.chats,
        failed: failedOf(stored.intents),
        settings: stored.settings,
        folderListRead: stored.folderList !== undefined,
        chatsToRead: sweep && sweep.finishedAt === undefined ? sweep.pending.length : 0,
        chatsInSweep: sweep && sweep.finishedAt === undefined ? (sweep.total ?? sweep.pending.length) : 0,
        lastCompleteAt: sweep?.completedAt,
        unreadableChats: sweep?.unreadable?.length ?? 0,
      };
    },
    chatPins: async (chatId) => shownPins(await db(), chatId),
    folders: async () => readFolders(await db()),
    progress: async () => readProgress(await db()),
    async budgetUse(keys, { now, minuteMs }) {
      const store = await db();
      const use = new Map<string, BudgetUse>();
      for (const key of keys) {
        const [entries, lock] = await Promise.all([
          store.getAllFromIndex('ledger', 'byBudget', key),
          store.get('budgetLocks', key),
        ]);
        const used = entries.filter((e) => e.settledAt === null || e.settledAt > now - minuteMs).length;
        use.set(key, { used, lockedUntil: lock?.lockedUntil });
      }
      return use;
    },
    setPinOrder: async (order) => {
      // A write validates every setting, so it brings the schemas that reading the board does without.
      const { updateSettings } = await import('../store/settings');
      await updateSettings(await db(), { pinOrder: order });
    },
  };
}

/** Everything the board shows, read in one transaction: one consistent moment, and one wait rather than a dozen. */
async function readStoredBoard(store: PinsDb) {
  const tx = store.transaction(['pinLists', 'intents', 'chats', 'folders', 'meta']);
  const meta = tx.objectStore('meta');
  const [lists, intents, chats, folders, folderState, settings, sweep] = await Promise.all([
    tx.objectStore('pinLists').getAll(),
    tx.objectStore('intents').getAll(),
    tx.objectStore('chats').getAll(),
    tx.objectStore('folders').getAll(),
    meta.get(FOLDER_LIST_KEY) as Promise<ListState | undefined>,
    meta.get(SETTINGS_KEY),
    meta.get('pinSweep') as Promise<PinSweep | undefined>,
  ]);
  await tx.done;
  return {
    lists,
    intents,
    chats,
    folderList: folderListOf(folders, folderState),
    settings: boardSettingsOf(settings),
    sweep,
  };
}
