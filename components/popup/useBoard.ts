import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ACCOUNT_KEY, accountSchema } from '../../lib/auth/session';
import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging';
import { subscribeToEvents } from '../../lib/messaging/events';
import { accountDbName } from '../../lib/store/account';
import { getFolderList } from '../../lib/store/cache';
import { openPinsDb, type PinsDb } from '../../lib/store/db';
import type { QueueProgress } from '../../lib/store/journal';
import {
  type ChatPins,
  readFailedIntents,
  readFolders,
  readPinBoard,
  readProgress,
  type ShownFolder,
} from '../../lib/store/read-models';
import type { ChatRecord, IntentRecord, PinSweep } from '../../lib/store/records';
import { readSettings, type Settings, settingsSchema } from '../../lib/store/settings';

export interface Board {
  /** Every cached pin in Cliq's order, expired ones included: the view decides what to show. */
  pins: ChatPins[];
  folders: ShownFolder[];
  /** Every chat the extension knows, for picking chats for a folder. */
  chats: ChatRecord[];
  failed: IntentRecord[];
  settings: Settings;
  /** Cliq's folder list has been read at least once, so "nothing here" means nothing, not "not yet". */
  folderListRead: boolean;
  /** Chats whose pins the background sweep has still to read; 0 when it is done. */
  chatsToRead: number;
  /** Chats the running sweep reads in all (0 when none runs). */
  chatsInSweep: number;
  /** When the last sweep of every chat finished: the board was complete then. */
  lastCompleteAt?: number;
}

let opened: { key: string; db: Promise<PinsDb> } | undefined;

/**
 * The signed-in account's database, found from storage the popup can read itself (no wait for the worker);
 * undefined while signed out, when there is no account's data to show.
 */
async function accountDb(): Promise<PinsDb | undefined> {
  const account = accountSchema.safeParse((await browser.storage.local.get(ACCOUNT_KEY))[ACCOUNT_KEY]);
  if (!account.success) return undefined;
  if (opened?.key !== account.data.key) {
    opened = { key: account.data.key, db: openPinsDb(accountDbName(account.data.key)) };
  }
  return opened.db;
}

export async function pinsDb(): Promise<PinsDb> {
  const db = await accountDb();
  if (!db) throw new Error(t('enqueueSignedOut'));
  return db;
}

const EMPTY_BOARD: Omit<Board, 'settings'> = {
  pins: [],
  folders: [],
  chats: [],
  failed: [],
  folderListRead: false,
  chatsToRead: 0,
  chatsInSweep: 0,
};

async function readBoard(): Promise<Board> {
  const db = await accountDb();
  if (!db) return { ...EMPTY_BOARD, settings: settingsSchema.parse({}) };
  // Expired pins stay in, so the "expired" filter can show what the cache still holds.
  const [pins, folders, chats, failed, settings, folderList, sweep] = await Promise.all([
    readPinBoard(db, { now: Date.now(), order: 'chatOrder', includeExpired: true }),
    readFolders(db),
    db.getAll('chats'),
    readFailedIntents(db),
    readSettings(db),
    getFolderList(db),
    db.get('meta', 'pinSweep') as Promise<PinSweep | undefined>,
  ]);
  return {
    pins,
    folders,
    chats,
    failed,
    settings,
    folderListRead: folderList !== undefined,
    chatsToRead: sweep && sweep.finishedAt === undefined ? sweep.pending.length : 0,
    chatsInSweep: sweep && sweep.finishedAt === undefined ? (sweep.total ?? sweep.pending.length) : 0,
    lastCompleteAt: sweep?.completedAt,
  };
}

/**
 * The board straight from IndexedDB (the popup shares the extension's origin), so the first paint needs no
 * answer from the worker; read again whenever the background says something changed. Reads never overlap:
 * changes that arrive during a read cause one more read after it.
 */
export function useBoard() {
  const [board, setBoard] = useState<Board>();
  const [error, setError] = useState<string>();
  const [progress, setProgress] = useState<QueueProgress>();
  const reading = useRef<Promise<void> | undefined>(undefined);
  const again = useRef(false);

  const load = useCallback(() => {
    if (reading.current) {
      again.current = true;
      return;
    }
    reading.current = readBoard()
      .then(
        (next) => {
          setBoard(next);
          setError(undefined);
        },
        (e: Error) => setError(e.message),
      )
      .finally(() => {
        reading.current = undefined;
        if (again.current) {
          again.current = false;
          load();
        }
      });
  }, []);

  useEffect(() => {
    load();
    const unsubscribe = subscribeToEvents((event) => {
      if (event.type === 'progress') setProgress(event.progress);
      else load();
    });
    sendMessage('getProgress', {}).then(setProgress, async () => setProgress(await readProgress(await pinsDb())));
    // Opening the popup is a good moment to bring stale lists up to date; the budgets decide when.
    sendMessage('refresh', { chatIds: [], folders: false }).catch(() => undefined);
    return unsubscribe;
  }, [load]);

  return { board, error, progress, reload: load };
}
