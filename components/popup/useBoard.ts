import { useEffect, useState } from 'preact/hooks';
import { subscribeToEvents } from '../../lib/messaging/events';
import { openPinsDb, type PinsDb } from '../../lib/store/db';
import { type ChatPins, readFolders, readPinBoard, type ShownFolder } from '../../lib/store/read-models';

export interface Board {
  pins: ChatPins[];
  folders: ShownFolder[];
}

let dbPromise: Promise<PinsDb> | undefined;

async function readBoard(): Promise<Board> {
  dbPromise ??= openPinsDb();
  const db = await dbPromise;
  const [pins, folders] = await Promise.all([readPinBoard(db, { now: Date.now() }), readFolders(db)]);
  return { pins, folders };
}

/**
 * The board straight from IndexedDB (the popup shares the extension's origin), so the first paint needs no
 * answer from the worker; read again whenever the background says a list changed.
 */
export function useBoard(): { board?: Board; error?: string } {
  const [board, setBoard] = useState<Board>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const load = () => readBoard().then(setBoard, (e: Error) => setError(e.message));
    load();
    return subscribeToEvents((event) => {
      if (event.type === 'changed' || event.type === 'authChanged') load();
    });
  }, []);
  return { board, error };
}
