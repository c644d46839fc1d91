import type { Intent } from '../intents/intents';
import type { PinsDb } from './db';
import type { IntentFailure, IntentMemory, IntentRecord, NewIntentRecord, QueueMeta } from './records';

/*
 * The intent journal: an intent is stored here before any request is made for it, and every state change
 * is stored before the next step, so a stopped worker picks up exactly where it was.
 */

const META_KEY = 'queue';
const ACTIVE = new Set<IntentRecord['state']>(['queued', 'sending', 'waitingForSignIn']);

export interface QueueProgress {
  /** Intents of the current round Cliq confirmed. */
  done: number;
  /** Intents of the current round (a round starts when intents arrive at an idle queue). */
  total: number;
  failed: number;
  /** When the next request can go out, if the queue is waiting for a rate budget. */
  nextSlotAt: number | null;
  /** The latest time Cliq locked one of our budgets until (it may have passed: compare with now). */
  lockedUntil: number | null;
  waitingForSignIn: boolean;
  /** Intents that failed for a passing reason (5xx, no answer) and will be tried again at `retryAt`. */
  retrying: RetryingIntent[];
}

interface RetryingIntent {
  id: number;
  intent: Intent;
  error: IntentFailure;
  retryAt: number;
}

/** The latest lock Cliq put on one of our budgets (past ones included), or null when there never was one. */
export async function readLockedUntil(db: PinsDb): Promise<number | null> {
  const locks = await db.getAll('budgetLocks');
  return locks.length === 0 ? null : Math.max(...locks.map((lock) => lock.lockedUntil));
}

export async function readQueueMeta(db: PinsDb): Promise<QueueMeta> {
  const meta = (await db.get('meta', META_KEY)) as QueueMeta | undefined;
  return meta ?? { waitingForSignIn: false, roundStartedAt: 0 };
}

export async function appendIntents(
  db: PinsDb,
  entries: readonly { intent: Intent; memory: IntentMemory }[],
  now: number,
): Promise<IntentRecord[]> {
  const tx = db.transaction(['intents', 'meta'], 'readwrite');
  const intents = tx.objectStore('intents');
  const meta = ((await tx.objectStore('meta').get(META_KEY)) as QueueMeta | undefined) ?? {
    waitingForSignIn: false,
    roundStartedAt: 0,
  };
  const all = await intents.getAll();
  if (!all.some((record) => ACTIVE.has(record.state))) {
    meta.roundStartedAt = now;
    // Finished intents of earlier rounds have been reported; failed ones stay until dismissed.
    for (const record of all) if (record.state === 'done') await intents.delete(record.id);
    await tx.objectStore('meta').put(meta, META_KEY);
  }
  const records = entries.map(
    ({ intent, memory }): NewIntentRecord => ({
      intent,
      state: meta.waitingForSignIn ? 'waitingForSignIn' : 'queued',
      createdAt: now,
      updatedAt: now,
      attempts: 0,
      conflicts: 0,
      notBefore: 0,
      memory,
    }),
  );
  // All requests at once: the transaction still applies them in order, so ids follow the entries.
  const ids = await Promise.all(records.map((record) => intents.add(record as IntentRecord)));
  await tx.done;
  return records.map((record, index) => ({ ...record, id: ids[index] as number }));
}

/** Intents the queue still has to work on (not those paused for sign-in), oldest first. */
export async function workableIntents(db: PinsDb): Promise<IntentRecord[]> {
  const tx = db.transaction('intents');
  const [queued, sending] = await Promise.all([
    tx.store.index('byState').getAll('queued'),
    tx.store.index('byState').getAll('sending'),
  ]);
  await tx.done;
  return [...queued, ...sending].sort((a, b) => a.id - b.id);
}

export async function saveIntents(db: PinsDb, records: readonly IntentRecord[]): Promise<void> {
  const tx = db.transaction('intents', 'readwrite');
  await Promise.all(records.map((record) => tx.store.put(record)));
  await tx.done;
}

/** Intents left `sending` by a stopped worker have an unknown outcome: read Cliq's state before anything else. */
export async function recoverSending(db: PinsDb, now: number): Promise<number> {
  const tx = db.transaction('intents', 'readwrite');
  const sending = await tx.store.index('byState').getAll('sending');
  for (const record of sending) {
    await tx.store.put({ ...record, state: 'queued', rereadAfter: now, notBefore: now + 1, updatedAt: now });
  }
  await tx.done;
  return sending.length;
}

async function setSignInWait(db: PinsDb, waiting: boolean, now: number): Promise<void> {
  const tx = db.transaction(['intents', 'meta'], 'readwrite');
  const metaStore = tx.objectStore('meta');
  const meta = ((await metaStore.get(META_KEY)) as QueueMeta | undefined) ?? {
    waitingForSignIn: false,
    roundStartedAt: 0,
  };
  await metaStore.put({ ...meta, waitingForSignIn: waiting }, META_KEY);
  const intents = tx.objectStore('intents');
  const from: IntentRecord['state'][] = waiting ? ['queued', 'sending'] : ['waitingForSignIn'];
  for (const state of from) {
    for (const record of await intents.index('byState').getAll(state)) {
      await intents.put({ ...record, state: waiting ? 'waitingForSignIn' : 'queued', updatedAt: now });
    }
  }
  await tx.done;
}

export const pauseForSignIn = (db: PinsDb, now: number) => setSignInWait(db, true, now);
export const resumeAfterSignIn = (db: PinsDb, now: number) => setSignInWait(db, false, now);

/** A failed intent goes back in the queue; Cliq's state is read again first, since time has passed. */
export async function retryIntent(db: PinsDb, id: number, now: number): Promise<boolean> {
  const tx = db.transaction(['intents', 'meta'], 'readwrite');
  const record = await tx.objectStore('intents').get(id);
  if (record?.state !== 'failed') {
    await tx.done;
    return false;
  }
  const meta = ((await tx.objectStore('meta').get(META_KEY)) as QueueMeta | undefined) ?? {
    waitingForSignIn: false,
    roundStartedAt: 0,
  };
  const { error: _reported, ...rest } = record;
  await tx.objectStore('intents').put({
    ...rest,
    state: meta.waitingForSignIn ? 'waitingForSignIn' : 'queued',
    attempts: 0,
    conflicts: 0,
    // Read again by a read that starts after now: time has passed since it failed.
    notBefore: now + 1,
    rereadAfter: now,
    updatedAt: now,
  });
  await tx.done;
  return true;
}

/** Only finished intents can be dismissed; one still in the queue cannot be lost this way. */
export async function dismissIntent(db: PinsDb, id: number): Promise<boolean> {
  const tx = db.transaction('intents', 'readwrite');
  const record = await tx.store.get(id);
  const finished = record?.state === 'failed' || record?.state === 'done';
  if (finished) await tx.store.delete(id);
  await tx.done;
  return finished;
}

export async function readProgress(db: PinsDb, nextSlotAt: number | null = null): Promise<QueueProgress> {
  const [meta, all, lockedUntil] = await Promise.all([readQueueMeta(db), db.getAll('intents'), readLockedUntil(db)]);
  const round = all.filter((record) => record.createdAt >= meta.roundStartedAt);
  return {
    done: round.filter((record) => record.state === 'done').length,
    total: round.length,
    failed: round.filter((record) => record.state === 'failed').length,
    nextSlotAt,
    lockedUntil,
    waitingForSignIn: meta.waitingForSignIn,
    retrying: all.flatMap((record) =>
      record.state === 'queued' && record.attempts > 0 && record.error
        ? [{ id: record.id, intent: record.intent, error: record.error, retryAt: record.notBefore }]
        : [],
    ),
  };
}
