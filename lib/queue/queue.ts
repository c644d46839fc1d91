import type { CliqCaller } from '../budget/call';
import type { BudgetLedger, Clock } from '../budget/ledger';
import { firstIssueLine } from '../cliq/issues';
import * as z from '../cliq/zod';
import { t } from '../i18n';
import { type Intent, intentSchema, listKeyOf } from '../intents/intents';
import { shownFolders, shownPins } from '../lists/overlay';
import type { PinsDb } from '../store/db';
import {
  appendIntents,
  dismissIntent,
  type QueueProgress,
  readProgress,
  resumeAfterSignIn,
  retryIntent,
} from '../store/journal';
import type { IntentMemory, IntentRecord } from '../store/records';
import type { BackoffOptions } from './outcome';
import { recover, runPass } from './runner';

export interface QueueOptions {
  db: PinsDb;
  client: CliqCaller;
  /** Shared with sync: reads and writes on one budget are counted together. */
  ledger: BudgetLedger;
  clock: Clock;
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
  /**
   * `run()` waits in-process for a budget slot or a backoff up to this long; a longer wait returns and
   * `nextWakeAt()` says when to call `run()` again (an alarm: a worker may be stopped while idle).
   */
  maxSleepMs?: number;
  backoff?: BackoffOptions;
  onProgress?: (progress: QueueProgress) => void;
  /** Lists whose shown state changed: `pins:<chatId>`, `folders`, `journal`. */
  onChange?: (lists: string[]) => void;
}

export type EnqueueResult = { ok: true; ids: number[] } | { ok: false; error: string };

export interface PinQueue {
  /** Validates and journals intents (all or none) before anything is sent; then call `run()`. */
  enqueue(input: unknown): Promise<EnqueueResult>;
  /** Works until nothing is due; concurrent calls join the running one (and make it look again). */
  run(): Promise<void>;
  /** After sign-in: intents paused by an auth failure go back in the queue, and it runs. */
  resume(): Promise<void>;
  /** A failed intent goes back in the queue (call `run()` after). */
  retry(id: number): Promise<boolean>;
  /** Forgets a failed (or done) intent. */
  dismiss(id: number): Promise<boolean>;
  /** When `run()` has work again (budget slot, backoff); null when idle or waiting for sign-in. */
  nextWakeAt(): number | null;
  progress(): Promise<QueueProgress>;
  /** Stops waiting and aborts requests in flight (their outcome is settled by re-reading next run). */
  stop(): void;
}

function sleepFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export function createPinQueue(options: QueueOptions): PinQueue {
  const { db, clock } = options;
  const sleep = options.sleep ?? sleepFor;
  const maxSleepMs = options.maxSleepMs ?? 25_000;
  const lifetime = new AbortController();
  let running: Promise<void> | undefined;
  let recovered = false;
  let lookAgain = false;
  let nap: AbortController | undefined;
  let wakeAt: number | null = null;
  let slotAt: number | null = null;
  let changes = new Set<string>();

  const deps = {
    db,
    client: options.client,
    ledger: options.ledger,
    clock,
    random: options.random ?? Math.random,
    backoff: options.backoff,
    signal: lifetime.signal,
    inFlight: new Map<string, Promise<void>>(),
    changed: (lists: string[]) => {
      for (const list of lists) changes.add(list);
    },
  };

  async function report(): Promise<void> {
    const lists = [...changes];
    changes = new Set();
    if (lists.length > 0) options.onChange?.(lists);
    options.onProgress?.(await readProgress(db, slotAt));
  }

  async function loop(): Promise<void> {
    if (!recovered) {
      await recover(deps);
      recovered = true;
    }
    while (!lifetime.signal.aborted) {
      lookAgain = false;
      const pass = await runPass(deps);
      if (pass.acted) {
        slotAt = null;
        await report();
        continue;
      }
      wakeAt = pass.wakeAt;
      slotAt = pass.slotAt;
      await report();
      if (lookAgain) continue;
      if (wakeAt === null || wakeAt - clock.now() > maxSleepMs) return;
      nap = new AbortController();
      await sleep(Math.max(0, wakeAt - clock.now()), nap.signal);
      nap = undefined;
    }
  }

  function run(): Promise<void> {
    if (running) {
      lookAgain = true;
      nap?.abort();
      return running;
    }
    running = loop().finally(() => {
      running = undefined;
    });
    return running;
  }

  async function memoryFor(intent: Intent): Promise<IntentMemory> {
    if (intent.kind === 'changePinExpiry') {
      const pins = await shownPins(db, intent.chatId);
      const at = pins.findIndex((pin) => pin.messageId === intent.messageId);
      return at < 0 ? {} : { placement: { primary: at === 0, above: pins[at + 1]?.messageId, position: at + 1 } };
    }
    if (intent.kind === 'replaceFolderChats' && !intent.editedFrom) {
      const folder = (await shownFolders(db)).find((f) => f.folderId === intent.folderId);
      return folder ? { baseChatIds: folder.chatIds } : {};
    }
    return {};
  }

  return {
    async enqueue(input) {
      const parsed = z.array(intentSchema).safeParse(Array.isArray(input) ? input : [input]);
      if (!parsed.success) {
        const path = parsed.error.issues[0]?.path ?? [];
        const reason = firstIssueLine(parsed.error, path.slice(1));
        // In a batch, which intent it was: the first is 1.
        const batch = Array.isArray(input) && input.length > 1;
        return { ok: false, error: batch ? t('queueIntentRefused', String(Number(path[0]) + 1), reason) : reason };
      }
      const entries = [];
      for (const intent of parsed.data) entries.push({ intent, memory: await memoryFor(intent) });
      const records: IntentRecord[] = await appendIntents(db, entries, clock.now());
      changes.add('journal');
      for (const record of records) changes.add(listKeyOf(record.intent));
      await report();
      return { ok: true, ids: records.map((record) => record.id) };
    },
    run,
    async resume() {
      await resumeAfterSignIn(db, clock.now());
      changes.add('journal');
      await run();
    },
    async retry(id) {
      const retried = await retryIntent(db, id, clock.now());
      if (retried) {
        changes.add('journal');
        await report();
      }
      return retried;
    },
    async dismiss(id) {
      const dismissed = await dismissIntent(db, id);
      if (dismissed) {
        changes.add('journal');
        await report();
      }
      return dismissed;
    },
    nextWakeAt: () => wakeAt,
    progress: () => readProgress(db, slotAt),
    stop() {
      lifetime.abort();
      nap?.abort();
    },
  };
}
