/*
 * The popup keeps a text copy of its first screen in the extension pages' localStorage, so that the next opening
 * paints it synchronously, before any storage or IndexedDB answer (components/popup/snapshot.ts). The worker,
 * which signs in and out, has no localStorage and so cannot clear that copy. Instead every copy is stamped with an
 * epoch, and a page starts a new epoch before it asks the worker for anything that can change whose data the
 * extension holds (lib/messaging: sign-in, sign-out, a new connection; no other path changes the account): a copy
 * from an older epoch is never painted, and a page whose board read began in an older epoch writes none.
 * No imports: the early script that reads this must stay small.
 */

export const SNAPSHOT_KEY = 'popupSnapshot';
const EPOCH_KEY = 'cliqPinsAccountEpoch';

/** The extension pages' localStorage; undefined in the worker, which has none. */
export function pageStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    // A browser that refuses storage to this page: no copy is kept or painted.
    return undefined;
  }
}

export function accountEpoch(store: Storage): string {
  return store.getItem(EPOCH_KEY) ?? '';
}

/** Before a request that can change the signed-in account: every copy taken so far is void, and goes. */
export function startAccountEpoch(): void {
  const store = pageStorage();
  if (!store) return;
  store.removeItem(SNAPSHOT_KEY);
  store.setItem(EPOCH_KEY, crypto.randomUUID());
}
