import { type BudgetLedger, createBudgetLedger } from '../../lib/budget/ledger';
import { createCliqClient, endpoints } from '../../lib/cliq';
import { createPinQueue, type PinQueue } from '../../lib/queue/queue';
import { openPinsDb, type PinsDb } from '../../lib/store/db';
import { createPinSync, type PinSync } from '../../lib/sync/sync';
import type { LoggedRequest, Sandbox } from '../sandbox';

export interface BenchWorker {
  db: PinsDb;
  ledger: BudgetLedger;
  queue: PinQueue;
  sync: PinSync;
}

let databases = 0;

/** The extension's queue and sync in this process (fake IndexedDB), paced on the sandbox's scaled minute. */
export async function startBenchWorker(sandbox: Sandbox, minuteMs: number): Promise<BenchWorker> {
  databases += 1;
  const db = await openPinsDb(`bench-${process.pid}-${databases}`);
  const clock = { now: () => Date.now() };
  const client = createCliqClient({ apiBase: () => sandbox.url, getToken: async () => sandbox.token });
  const ledger = createBudgetLedger(db, { clock, minuteMs });
  // Waits stay in process: a bench has no alarms to wake it.
  const queue = createPinQueue({ db, client, ledger, clock, maxSleepMs: Number.POSITIVE_INFINITY });
  const sync = createPinSync({ db, client, ledger, clock });
  return { db, ledger, queue, sync };
}

const BUDGETS = Object.values(endpoints).map((e) => ({ method: e.method, path: e.path, budget: e.budget }));

/** The documented budget (method + path template) a logged request counts against. */
export function budgetOf(entry: LoggedRequest) {
  return BUDGETS.find((b) => b.method === entry.method && b.path === entry.template)?.budget;
}
