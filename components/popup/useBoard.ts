import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ACCOUNT_KEY } from '../../lib/auth/account-key';
import { accountEpoch, pageStorage, startAccountEpoch } from '../../lib/auth/page-snapshot';
import { type Board, openBoard } from '../../lib/board/board';
import { t } from '../../lib/i18n';
import { subscribeToEvents } from '../../lib/messaging/events';
import { sendMessage } from '../../lib/messaging/page-send';
import { accountDbName } from '../../lib/store/account';
import { openPinsDb, type PinsDb } from '../../lib/store/db';
import type { QueueProgress } from '../../lib/store/journal';
import { keepSnapshot, SNAPSHOT_ID, snapshotOf } from './snapshot';

export type { Board };

let opened: { key: string; db: Promise<PinsDb> } | undefined;
/**
 * The account whose board is read, and the account epoch (lib/auth/page-snapshot.ts) before it was read: the
 * snapshot of the first screen is kept under both.
 */
let shown: { account: string; epoch: string } | undefined;

/**
 * The signed-in account's database, found from storage the popup can read itself (no wait for the worker);
 * undefined while signed out, when there is no account's data to show.
 */
async function accountDb(): Promise<PinsDb | undefined> {
  // Read first: a sign-out that starts while the account is read must void what this read leads to.
  const store = pageStorage();
  const epoch = store ? accountEpoch(store) : '';
  const key = accountKeyOf((await browser.storage.local.get(ACCOUNT_KEY))[ACCOUNT_KEY]);
  shown = key ? { account: key, epoch } : undefined;
  if (!key) return undefined;
  if (opened?.key !== key) opened = { key, db: openPinsDb(accountDbName(key)) };
  return opened.db;
}

/**
 * The signed-in account's key, as the worker stored it (lib/auth/session.ts, which validates it on the way in):
 * the popup needs only the key, and checking that much keeps zod's schemas out of its start.
 */
function accountKeyOf(stored: unknown): string | undefined {
  const key = (stored as { key?: unknown } | null | undefined)?.key;
  return typeof key === 'string' && key !== '' ? key : undefined;
}

/** The popup's one board: every view reads (and the pin order is written) through it. */
export const boardStore = openBoard(accountDb, () => new Error(t('enqueueSignedOut')));
// Opened while the popup's first render runs, not after it.
accountDb().catch(() => undefined);

/**
 * Once the board (or why it cannot be read) is on screen: the early snapshot goes, and the first screen is kept
 * for the next opening (entrypoints/popup-snapshot.ts).
 */
function replaceSnapshot(board: Board | undefined): void {
  document.getElementById(SNAPSHOT_ID)?.remove();
  const store = pageStorage();
  if (!store) return;
  const words = { title: t('extName'), note: t('popupSnapshotNote') };
  keepSnapshot(store, shown?.epoch ?? '', board && shown ? snapshotOf(document, shown.account, words) : undefined);
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
    reading.current = boardStore
      .read(Date.now())
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
      else {
        // The worker signed in, out or lost its token: whatever was kept of the first screen may not be this
        // account's any more (the worker cannot clear the pages' storage itself).
        if (event.type === 'authChanged') startAccountEpoch();
        load();
      }
    });
    sendMessage('getProgress', {}).then(setProgress, async () => setProgress(await boardStore.progress()));
    // Opening the popup is a good moment to bring stale lists up to date; the budgets decide when.
    sendMessage('refresh', { chatIds: [], folders: false }).catch(() => undefined);
    return unsubscribe;
  }, [load]);

  useEffect(() => {
    if (board || error) replaceSnapshot(board);
  }, [board, error]);

  return { board, error, progress, reload: load };
}
