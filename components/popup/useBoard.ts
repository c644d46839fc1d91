import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ACCOUNT_KEY, accountSchema } from '../../lib/auth/session';
import { type Board, openBoard } from '../../lib/board/board';
import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging';
import { subscribeToEvents } from '../../lib/messaging/events';
import { accountDbName } from '../../lib/store/account';
import { openPinsDb, type PinsDb } from '../../lib/store/db';
import type { QueueProgress } from '../../lib/store/journal';

export type { Board };

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

/** The popup's one board: every view reads (and the pin order is written) through it. */
export const boardStore = openBoard(accountDb, () => new Error(t('enqueueSignedOut')));

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
      else load();
    });
    sendMessage('getProgress', {}).then(setProgress, async () => setProgress(await boardStore.progress()));
    // Opening the popup is a good moment to bring stale lists up to date; the budgets decide when.
    sendMessage('refresh', { chatIds: [], folders: false }).catch(() => undefined);
    return unsubscribe;
  }, [load]);

  return { board, error, progress, reload: load };
}
