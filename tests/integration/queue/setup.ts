import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type BudgetLedger, createBudgetLedger } from '../../../lib/budget/ledger';
import { createCliqClient } from '../../../lib/cliq';
import type { BackoffOptions } from '../../../lib/queue/outcome';
import { createPinQueue, type PinQueue } from '../../../lib/queue/queue';
import { openPinsDb, type PinsDb } from '../../../lib/store/db';
import type { PinSweep } from '../../../lib/store/records';
import { createPinSync, type PinSync } from '../../../lib/sync/sync';
import { busiestWindow } from '../../helpers';
import { type LoggedRequest, type Sandbox, type SeedData, startSandbox } from '../../sandbox';

/** The scaled rate "minute" shared by the sandbox and the queue. */
export const MINUTE_MS = 1000;

export const realClock = { now: () => Date.now() };

export interface Worker {
  db: PinsDb;
  ledger: BudgetLedger;
  queue: PinQueue;
  sync: PinSync;
}

/** One extension worker against the sandbox; `fetch` may be replaced to simulate a worker dying mid-request. */
export async function startWorker(
  sandbox: Sandbox,
  dbName: string,
  options: { fetch?: typeof fetch; bootId?: string; backoff?: BackoffOptions; minuteMs?: number } = {},
): Promise<Worker> {
  const db = await openPinsDb(dbName);
  const client = createCliqClient({
    apiBase: () => sandbox.url,
    getToken: async () => sandbox.productToken,
    fetch: options.fetch,
    timeoutMs: 5_000,
  });
  const minuteMs = options.minuteMs ?? MINUTE_MS;
  const ledger = createBudgetLedger(db, { clock: realClock, minuteMs, bootId: options.bootId });
  const queue = createPinQueue({
    db,
    client,
    ledger,
    clock: realClock,
    maxSleepMs: 10 * minuteMs,
    backoff: options.backoff ?? { baseMs: minuteMs / 10 },
  });
  const sync = createPinSync({ db, client, ledger, clock: realClock });
  return { db, ledger, queue, sync };
}

/** Chats of the signed-in user with `messages` messages each, and `pins` of them pinned (first = primary). */
export function seedChats(
  count: number,
  messages: number,
  pins: number,
): { seed: SeedData; chats: { chatId: string; messageIds: string[] }[] } {
  const base = Date.now() - 86_400_000;
  const chats = Array.from({ length: count }, (_, c) => ({
    chatId: `CT_${2000 + c}_700012345`,
    messageIds: Array.from({ length: messages }, (_, i) => `${base + c * 1000 + i}_${String(100_000 + c * 100 + i)}`),
  }));
  const seed: SeedData = {
    users: [{ id: '61000002', name: 'Sam Lee' }],
    chats: chats.map(({ chatId, messageIds }, c) => ({
      id: chatId,
      type: 'group_chat' as const,
      title: `Project ${c + 1}`,
      memberIds: ['61000002'],
      messages: messageIds.map((id, i) => ({
        id,
        senderId: '61000002',
        text: `message ${i + 1}`,
        time: base + c * 1000 + i,
      })),
    })),
    pins: chats.flatMap(({ chatId, messageIds }) =>
      messageIds.slice(0, pins).map((messageId) => ({ chatId, messageId })),
    ),
  };
  return { seed, chats };
}

export async function loadSeed(sandbox: Sandbox, seed: SeedData): Promise<void> {
  const answer = await fetch(`${sandbox.url}/__sandbox/seed`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(seed),
  });
  if (!answer.ok) throw new Error(`seed refused: ${await answer.text()}`);
}

export const pinnedIds = (sandbox: Sandbox, chatId: string) =>
  (sandbox.state.pins.get(chatId)?.entries ?? []).map((pin) => pin.messageId);

/** The most requests of one budget that arrived within any rolling window (by the sandbox's arrival times). */
export const busiestMinute = (log: readonly LoggedRequest[], windowMs: number) =>
  busiestWindow(
    log.map((entry) => entry.at),
    windowMs,
  );

export const ofTemplate = (log: readonly LoggedRequest[], method: string, template: string) =>
  log.filter((entry) => entry.method === method && entry.template === template);

/** Runs the pin sweep, waiting as long as its budget says between passes, until it has read every chat. */
export async function sweepUntilDone(worker: Worker): Promise<void> {
  for (;;) {
    await worker.sync.run();
    const sweep = (await worker.db.get('meta', 'pinSweep')) as PinSweep | undefined;
    if (sweep?.finishedAt !== undefined) return;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, (worker.sync.nextWakeAt() ?? 0) - Date.now())));
  }
}

/**
 * One empty sandbox per test file on a scaled minute, reset before each test; `worker()` opens a fresh
 * extension worker (its own database) against it.
 */
export function useQueueSandbox(minuteMs = MINUTE_MS) {
  let sandbox: Sandbox | undefined;
  let workers = 0;
  beforeAll(async () => {
    sandbox = await startSandbox({ minuteMs, seed: 'empty' });
  });
  afterAll(async () => {
    await sandbox?.stop();
  });
  beforeEach(() => {
    sandbox?.reset('empty');
  });
  const sb = () => {
    if (!sandbox) throw new Error('the sandbox has not started');
    return sandbox;
  };
  return {
    sb,
    worker: (name: string) => startWorker(sb(), `${name}-${++workers}-${Date.now()}`, { minuteMs }),
  };
}
