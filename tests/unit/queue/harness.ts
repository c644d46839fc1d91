import { afterEach } from 'vitest';
import { type BudgetLedger, createBudgetLedger, type Priority } from '../../../lib/budget/ledger';
import type { Budget } from '../../../lib/cliq';
import { createPinQueue, type QueueOptions } from '../../../lib/queue/queue';
import { openPinsDb, type PinsDb } from '../../../lib/store/db';
import type { QueueProgress } from '../../../lib/store/journal';
import { ManualClock, SandboxCliq, virtualSleep } from './sandbox-cliq';

let databases = 0;

/** A fresh database per test, so tests never see each other's journal or ledger. */
/** One slot, as the tests reason about them: its entry, or when the next one opens. */
export async function reserveOne(
  ledger: BudgetLedger,
  budget: Budget,
  priority?: Priority,
): Promise<{ ok: true; entryId: number } | { ok: false; retryAt: number }> {
  const { entryIds, retryAt } = await ledger.reserveMany(budget, 1, priority);
  const [entryId] = entryIds;
  return entryId === undefined ? { ok: false, retryAt: retryAt as number } : { ok: true, entryId };
}

export function freshDb(): Promise<PinsDb> {
  databases += 1;
  return openPinsDb(`queue-test-${databases}-${Math.random().toString(36).slice(2)}`);
}

const running: SandboxCliq[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((cliq) => cliq.stop()));
});

/** The sandbox on `clock`, stopped after the test. */
export async function startCliq(clock: ManualClock, timeSource?: () => number): Promise<SandboxCliq> {
  const cliq = await SandboxCliq.start(clock, timeSource);
  running.push(cliq);
  return cliq;
}

export interface Harness {
  clock: ManualClock;
  /** The sandbox on this test's clock, and the calls the queue made to it. */
  fake: SandboxCliq;
  db: PinsDb;
  queue: ReturnType<typeof createPinQueue>;
  progress: QueueProgress[];
  /** Another worker on the same database (after this one "died"). */
  restart(): Harness;
}

export async function makeHarness(options: Partial<QueueOptions> & { minuteMs?: number } = {}): Promise<Harness> {
  const clock = new ManualClock();
  const fake = await startCliq(clock);
  const db = await freshDb();
  let boots = 0;
  const build = (): Harness => {
    boots += 1;
    const progress: QueueProgress[] = [];
    const ledger = createBudgetLedger(db, { clock, minuteMs: options.minuteMs ?? 60_000, bootId: `boot-${boots}` });
    const queue = createPinQueue({
      db,
      client: fake,
      ledger,
      clock,
      sleep: virtualSleep(clock),
      random: () => 0.5,
      maxSleepMs: Number.POSITIVE_INFINITY,
      onProgress: (p) => progress.push(p),
      ...options,
    });
    return { clock, fake, db, queue, progress, restart: build };
  };
  return build();
}
