import type { ListView } from './endpoints/define';

/**
 * The newest state of one list (the folder list) this client has seen, on the client's clock.
 *
 * - A read (`listFolders`) shows the list as of some moment after it was sent, so it counts at its send time;
 *   that time is also the `view.lastSyncTime` the read hands back.
 * - A successful write changed the list at some moment before its answer arrived, so it counts at arrival.
 *
 * A view older than the newest state seen was edited without something that has happened since (another read
 * showed newer contents, or a write landed), so a write based on it is refused before it is sent; the caller
 * re-reads, re-applies its intent and retries, exactly as after Cliq's own `client_not_synced`. Two reads with
 * the same contents still make the older view stale: refusing costs no request, since the newer view exists.
 *
 * This lives in memory: after a restart the client knows nothing newer, and Cliq's own check remains.
 */
export interface ListFreshness {
  saw(time: number): void;
  isStale(view: ListView): boolean;
}

export function createListFreshness(): ListFreshness {
  let newest = Number.NEGATIVE_INFINITY;
  return {
    saw(time) {
      newest = Math.max(newest, time);
    },
    isStale(view) {
      return view.lastSyncTime < newest;
    },
  };
}
