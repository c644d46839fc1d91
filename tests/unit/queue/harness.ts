import { createBudgetLedger } from '../../../lib/budget/ledger';
import { createPinQueue, type QueueOptions } from '../../../lib/queue/queue';
import { openPinsDb, type PinsDb } from '../../../lib/store/db';
import type { QueueProgress } from '../../../lib/store/journal';
import { FakeCliq, ManualClock, virtualSleep } from './fake-cliq';

let databases = 0;

/** A fresh database per test, so tests never see each other's journal or ledger. */
export function freshDb(): Promise<PinsDb> {
  databases += 1;
  return openPinsDb(`queue-test-${databases}-${Math.random().toString(36).slice(2)}`);
}

export interface Harness {
  clock: ManualClock;
  fake: FakeCliq;
  db: PinsDb;
  queue: ReturnType<typeof createPinQueue>;
  progress: QueueProgress[];
  /** Another worker on the same database (after this one "died"). */
  restart(): Harness;
}

export async function makeHarness(options: Partial<QueueOptions> & { minuteMs?: number } = {}): Promise<Harness> {
  const clock = new ManualClock();
  const fake = new FakeCliq(clock);
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
