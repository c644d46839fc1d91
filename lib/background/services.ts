import { apiOrigin, rateMinuteMs } from '../auth/connection';
import type { Auth } from '../auth/session';
import { type BudgetLedger, createBudgetLedger } from '../budget/ledger';
import { type CliqClient, CliqError, createCliqClient } from '../cliq';
import { LOCKS_CHANGED } from '../messaging/events';
import { createPinQueue, type PinQueue } from '../queue/queue';
import type { PinsDb } from '../store/db';
import type { QueueProgress } from '../store/journal';
import { createPinSync, type PinSync } from '../sync/sync';

export interface Services {
  db: PinsDb;
  ledger: BudgetLedger;
  queue: PinQueue;
  sync: PinSync;
  stop(): void;
}

export interface ServiceEvents {
  onProgress(progress: QueueProgress): void;
  onChange(lists: string[]): void;
}

const clock = { now: () => Date.now() };

/**
 * The client the queue and sync share. Cliq's 401 tells auth to drop the token and try a silent renewal; the queue
 * itself parks the intent until sign-in, so nothing is lost either way.
 */
function createClient(auth: Auth): CliqClient {
  const client = createCliqClient({
    apiBase: async () => apiOrigin(await auth.connection()),
    getToken: () => auth.getToken(),
  });
  return {
    async call(op, params, options) {
      try {
        return await client.call(op, params, options);
      } catch (error) {
        // Only Cliq's own refusal: a missing token (never signed in) is not a reason to renew.
        if (error instanceof CliqError && error.status === 401) await auth.tokenRefused();
        throw error;
      }
    },
  };
}

/** Queue, sync and the ledger they share, paced on the rate-limit minute the connection calls for. */
export async function createServices(db: PinsDb, auth: Auth, events: ServiceEvents): Promise<Services> {
  const minuteMs = rateMinuteMs(await auth.connection());
  const client = createClient(auth);
  // Every page's bar shows a lock, whatever chat it is on: the change names the lock, not a list.
  const ledger = createBudgetLedger(db, { clock, minuteMs, onLockOut: () => events.onChange([LOCKS_CHANGED]) });
  const queue = createPinQueue({ db, client, ledger, clock, onProgress: events.onProgress, onChange: events.onChange });
  const sync = createPinSync({ db, client, ledger, clock, onChange: events.onChange });
  return {
    db,
    ledger,
    queue,
    sync,
    stop() {
      queue.stop();
      sync.stop();
    },
  };
}
