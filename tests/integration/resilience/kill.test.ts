import { afterAll, beforeAll, expect, it } from 'vitest';
import type { IntentRecord } from '../../../lib/store/records';
import { type Sandbox, startSandbox } from '../../sandbox';
import { loadSeed, MINUTE_MS, startWorker, type Worker } from '../queue/setup';
import { budgetsOverThreshold, mixedScenario, writesSentAgain } from './scenario';

/*
 * Issue 8, kills: the worker dies at 20 seeded-random points of a mixed run and a new one starts on the same
 * database, as Chrome does with a stopped service worker. A death here is total: the old queue is stopped
 * (its requests aborted) and its database connection closed, so it writes nothing more; a request already
 * on the wire still reaches Cliq.
 */

const KILLS = 20;
/** `KILL_SEED=n` explores other kill points. */
const SEED = Number(process.env.KILL_SEED ?? 20_260_301);
/** Every answer takes this long, so some requests are on the wire when the worker dies. */
const LATENCY_MS = 20;

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ minuteMs: MINUTE_MS, seed: 'empty' });
});
afterAll(async () => {
  await sandbox.stop();
});

/** Small seeded PRNG (mulberry32): the same seed picks the same kill points. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Where a worker dies: after some time (inside a database write, a budget wait, a backoff), or at its n-th
 * request: just before it leaves, while Cliq is still working on it, or after Cliq answered but before the
 * worker read the answer.
 */
type Kill =
  | { at: 'time'; afterMs: number }
  | { at: 'beforeSend' | 'afterAnswer'; request: number }
  | { at: 'inFlight'; request: number; afterMs: number };

/** Each kind of point in turn, so every kind is hit; when exactly is random. */
function pickKill(boot: number, random: () => number): Kill {
  const request = 1 + Math.floor(random() * 4);
  switch (boot % 4) {
    case 0:
      return { at: 'time', afterMs: Math.floor(random() * 150) };
    case 1:
      return { at: 'beforeSend', request };
    case 2:
      return { at: 'inFlight', request, afterMs: Math.floor(random() * LATENCY_MS) };
    default:
      return { at: 'afterAnswer', request };
  }
}

/** Never settles until the caller aborts, as a request whose worker is gone. */
const hang = (signal: AbortSignal | null | undefined) =>
  new Promise<Response>((_, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/** A fetch that fires `died` at the kill point; after that nothing more leaves this worker. */
function mortalFetch(kill: Kill) {
  let sent = 0;
  let dead = false;
  let fire = () => {};
  const died = new Promise<void>((resolve) => {
    fire = resolve;
  });
  if (kill.at === 'time') setTimeout(() => fire(), kill.afterMs);
  const fetchFn: typeof fetch = async (input, init) => {
    if (dead) throw new TypeError('the worker is gone');
    sent += 1;
    const mine = 'request' in kill && kill.request === sent;
    if (mine && kill.at === 'beforeSend') {
      fire();
      return hang(init?.signal);
    }
    if (mine && kill.at === 'inFlight') {
      // On the wire: Cliq gets it and applies it whatever happens to the worker.
      void fetch(input, { ...init, signal: undefined }).then(
        (answer) => answer.text(),
        () => undefined,
      );
      setTimeout(() => fire(), kill.afterMs);
      return hang(init?.signal);
    }
    const answer = await fetch(input, init);
    if (mine && kill.at === 'afterAnswer') {
      await answer.text();
      fire();
      return hang(init?.signal);
    }
    return answer;
  };
  return {
    fetch: fetchFn,
    died,
    stop() {
      dead = true;
      fire();
    },
  };
}

it(`loses no intent and sends nothing twice when the worker is killed at ${KILLS} random points`, async () => {
  const scenario = mixedScenario();
  sandbox.reset('empty');
  await loadSeed(sandbox, scenario.seed);
  sandbox.setFaults(`latency=${LATENCY_MS}`);
  sandbox.clearRequests();
  const dbName = `resilience-kill-${Date.now()}`;
  const random = seeded(SEED);

  // The popup showed the board before the user acted: the cache holds every list.
  const first = await startWorker(sandbox, dbName, { bootId: 'boot-0' });
  await first.sync.refreshFolders();
  for (const chatId of scenario.pinChats) await first.sync.refreshChat(chatId);
  expect(await first.queue.enqueue(scenario.intents)).toMatchObject({ ok: true });
  first.db.close();

  const interrupted: string[] = [];
  for (let boot = 1; boot <= KILLS; boot++) {
    const kill = pickKill(boot, random);
    const mortal = mortalFetch(kill);
    const worker: Worker = await startWorker(sandbox, dbName, { bootId: `boot-${boot}`, fetch: mortal.fetch });
    const run = worker.queue.run().then(
      () => 'finished' as const,
      () => 'failed' as const,
    );
    // Interrupted: the kill came before the run was over by itself. (A stopped run may still return normally.)
    const outcome = await Promise.race([mortal.died.then(() => 'killed' as const), run]);
    // Dead at once: nothing in between may write to the database or send.
    mortal.stop();
    worker.queue.stop();
    worker.db.close();
    await run;
    if (outcome === 'killed') interrupted.push(kill.at);
  }

  const last = await startWorker(sandbox, dbName, { bootId: 'boot-last' });
  await last.queue.run();
  const records: IntentRecord[] = await last.db.getAll('intents');
  const log = sandbox.requests();
  sandbox.setFaults(null);

  // The kills landed in the middle of the work, at every kind of point.
  expect(interrupted.length).toBeGreaterThanOrEqual(KILLS - 2);
  expect(records.filter((r) => r.state !== 'done').map((r) => [r.intent.kind, r.state, r.error?.message])).toEqual([]);
  expect(scenario.check(sandbox, records)).toEqual([]);
  expect(writesSentAgain(log)).toEqual([]);
  expect(log.filter((entry) => entry.status === 429)).toEqual([]);
  expect(budgetsOverThreshold(log, MINUTE_MS)).toEqual({});
});
