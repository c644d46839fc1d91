import type { Budget } from '../cliq';
import type { PinsDb } from '../store/db';
import type { LedgerEntry } from '../store/records';

export interface Clock {
  now(): number;
}

/** User actions may use a whole budget; background refreshes leave a share of it free for them. */
export type Priority = 'user' | 'background';

export interface LedgerOptions {
  clock: Clock;
  /** The length of Cliq's rate "minute"; lock periods scale with it (tests and the sandbox shrink it). */
  minuteMs?: number;
  /** Identifies this worker's requests; anything unsettled from another boot died in flight. */
  bootId?: string;
  /** Fraction of each budget background reads may fill (at least one request). */
  backgroundShare?: number;
  /** Cliq locked a budget: what shows the lock (popup, page) reads it again. */
  onLockOut?: () => void;
}

/** Slots taken for the first `entryIds.length` of the requests asked for; `retryAt` when the rest must wait. */
interface Reservations {
  entryIds: number[];
  retryAt?: number;
}

export interface BudgetLedger {
  readonly minuteMs: number;
  /**
   * Persists as many of `count` slots as are free, all in one transaction, before their requests are sent; a slot
   * counts whatever happens to its request.
   */
  reserveMany(budget: Budget, count: number, priority?: Priority): Promise<Reservations>;
  /** Records when the answer, failure or time-out arrived: the request reached Cliq no later than that. */
  settle(entryId: number): Promise<void>;
  /** Cliq refused with a rate limit: nothing goes out on this budget for its (scaled) lock period. */
  lockOut(budget: Budget): Promise<number>;
  /** When a request on this budget may next be sent (now, if it may be sent now). */
  nextSlotAt(budget: Budget, priority?: Priority): Promise<number>;
}

const MINUTE_MS = 60_000;

/**
 * A persisted sliding-window log per budget (method + path template).
 *
 * Cliq counts arrivals; we only know that a request arrives after it was sent and no later than its answer.
 * So a new request sent at `s` stays within the limit if fewer than N earlier requests might have arrived
 * after `s - window`: those still in flight, or settled after `s - window`. A request in flight when its
 * worker died counts as settled when this worker first looks at it (the latest arrival it could have had
 * that we can still honour).
 */
/** What background reads may fill of each budget by default; the rest waits for user actions. */
export const BACKGROUND_SHARE = 0.75;

export function createBudgetLedger(db: PinsDb, options: LedgerOptions): BudgetLedger {
  const { clock } = options;
  const minuteMs = options.minuteMs ?? MINUTE_MS;
  const boot = options.bootId ?? crypto.randomUUID();
  const backgroundShare = options.backgroundShare ?? BACKGROUND_SHARE;

  const capacity = (budget: Budget, priority: Priority) =>
    priority === 'user' ? budget.perMinute : Math.max(1, Math.floor(budget.perMinute * backgroundShare));

  /** Takes (or, with `take` false, only counts) up to `wanted` free slots in one transaction. */
  async function assess(budget: Budget, priority: Priority, wanted: number, take: boolean): Promise<Reservations> {
    const tx = db.transaction(['ledger', 'budgetLocks'], 'readwrite');
    const ledger = tx.objectStore('ledger');
    const now = clock.now();
    const lock = await tx.objectStore('budgetLocks').get(budget.key);
    if (lock && lock.lockedUntil > now) {
      await tx.done;
      return { entryIds: [], retryAt: lock.lockedUntil };
    }
    const entries = await ledger.index('byBudget').getAll(budget.key);
    const leaveWindowAt: number[] = [];
    let inFlight = 0;
    for (const entry of entries) {
      let settledAt = entry.settledAt;
      if (settledAt === null && entry.boot !== boot) {
        settledAt = now;
        await ledger.put({ ...entry, settledAt });
      }
      if (settledAt === null) inFlight += 1;
      else if (settledAt > now - minuteMs) leaveWindowAt.push(settledAt + minuteMs);
      else await ledger.delete(entry.id);
    }
    const used = inFlight + leaveWindowAt.length;
    const cap = capacity(budget, priority);
    const granted = Math.max(0, Math.min(wanted, cap - used));
    const entry: Omit<LedgerEntry, 'id'> = { budget: budget.key, reservedAt: now, settledAt: null, boot };
    const entryIds = take
      ? await Promise.all(Array.from({ length: granted }, () => ledger.add({ ...entry } as LedgerEntry)))
      : [];
    await tx.done;
    if (granted === wanted) return { entryIds };
    leaveWindowAt.sort((a, b) => a - b);
    // Settled slots leave the window in order; requests still in flight (the ones just taken too) leave later.
    const mustLeave = used + granted - cap + 1;
    return { entryIds, retryAt: leaveWindowAt[mustLeave - 1] ?? now + Math.ceil(minuteMs / 10) };
  }

  return {
    minuteMs,
    reserveMany: (budget, count, priority = 'user') => assess(budget, priority, count, true),
    async settle(entryId) {
      // When the answer came, not when the write got its turn: answers that land together must not free their
      // slots one database write apart.
      const settledAt = clock.now();
      const tx = db.transaction('ledger', 'readwrite');
      const entry = await tx.store.get(entryId);
      if (entry && entry.settledAt === null) await tx.store.put({ ...entry, settledAt });
      await tx.done;
    },
    async lockOut(budget) {
      const lockedUntil = clock.now() + Math.ceil((budget.lockMs * minuteMs) / MINUTE_MS);
      const tx = db.transaction('budgetLocks', 'readwrite');
      const current = await tx.store.get(budget.key);
      await tx.store.put({ budget: budget.key, lockedUntil: Math.max(lockedUntil, current?.lockedUntil ?? 0) });
      await tx.done;
      options.onLockOut?.();
      return lockedUntil;
    },
    async nextSlotAt(budget, priority = 'user') {
      return (await assess(budget, priority, 1, false)).retryAt ?? clock.now();
    },
  };
}
