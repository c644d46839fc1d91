import type { ListView } from './endpoints/define';
import type { ServerClock } from './server-clock';

/**
 * When each list (the folder list, a chat's pins) last changed and was seen, on Cliq's clock, and so what a read's
 * `last_sync_time` view must say. Cliq refuses a write whose view is older than the list's last change.
 *
 * Cliq's clock is known only within a bound (server-clock.ts), so each stamp is chosen for what it must guarantee:
 * - A read's view is the *earliest* Cliq's clock can have shown at its send: a change someone else makes while the
 *   read is under way is never claimed as seen, so a replace cannot silently overwrite it (Cliq refuses the write,
 *   and the queue reads again).
 * - Except after one of our own writes to that list: the view is then at least the *latest* that write can have
 *   landed, so a write after our own write is never refused as stale, whatever the computer's clock says.
 * - The folder list's freshness: a view is stale when it is certainly older than a later read's send or a write's
 *   send (both at their earliest), and a write based on it is refused before it is sent; the caller re-reads,
 *   re-applies its intent and retries, exactly as after Cliq's own `client_not_synced`. When unsure, the write goes
 *   out and Cliq decides. Two reads with the same contents still make the older view stale: refusing costs no
 *   request, since the newer view exists.
 *
 * This lives in memory: after a restart the client knows nothing newer, and Cliq's own check remains.
 */
export interface ListTimes {
  /** A write to `list` succeeded; local send and receive times. */
  wrote(list: string, sentAt: number, receivedAt: number): void;
  /** A read of `list` was sent at `sentAt` (local) and answered: the view to hand back. */
  read(list: string, sentAt: number): ListView;
  isStale(list: string, view: ListView): boolean;
}

export function createListTimes(clock: ServerClock): ListTimes {
  /** Per list: the latest Cliq's clock can have shown when our last write to it landed. */
  const ownWrites = new Map<string, number>();
  /** Per list: the newest moment (at its earliest) a read or write is known to have happened. */
  const newest = new Map<string, number>();
  const saw = (list: string, time: number) => newest.set(list, Math.max(newest.get(list) ?? time, time));
  return {
    wrote(list, sentAt, receivedAt) {
      ownWrites.set(list, clock.at(receivedAt));
      saw(list, clock.earliest(sentAt));
    },
    read(list, sentAt) {
      saw(list, clock.earliest(sentAt));
      // Capped at the latest Cliq can have shown at the send: the bound may have narrowed since our write.
      const afterOwnWrite = Math.min(ownWrites.get(list) ?? Number.NEGATIVE_INFINITY, clock.at(sentAt));
      return { lastSyncTime: Math.max(clock.earliest(sentAt), afterOwnWrite) };
    },
    isStale(list, view) {
      return view.lastSyncTime < (newest.get(list) ?? Number.NEGATIVE_INFINITY);
    },
  };
}
