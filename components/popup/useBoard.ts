import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { type Board, openBoard } from '../../lib/board/board';
import { sendMessage } from '../../lib/messaging';
import { subscribeToEvents } from '../../lib/messaging/events';
import type { QueueProgress } from '../../lib/store/journal';

export type { Board };

/** The popup's one board: every view reads (and the pin order is written) through it. */
export const boardStore = openBoard();

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
