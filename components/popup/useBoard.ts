import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  type ChatPins,
  readFailedIntents,
  readFolders,
  readPinBoard,
  readProgress,
  type ShownFolder,
} from '../../lib/board/read-models';
import { sendMessage } from '../../lib/messaging';
import { subscribeToEvents } from '../../lib/messaging/events';
import { getFolderList } from '../../lib/store/cache';
import { openPinsDb, type PinsDb } from '../../lib/store/db';
import type { QueueProgress } from '../../lib/store/journal';
import type { ChatRecord, IntentRecord, PinSweep } from '../../lib/store/records';
import { readSettings, type Settings } from '../../lib/store/settings';

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
}

let dbPromise: Promise<PinsDb> | undefined;

export function pinsDb(): Promise<PinsDb> {
  dbPromise ??= openPinsDb();
  return dbPromise;
}

async function readBoard(): Promise<Board> {
  const db = await pinsDb();
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
