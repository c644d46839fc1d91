import type { Page, Target } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntentInput } from '../../lib/intents/intents';
import { budgetsOverThreshold } from '../integration/resilience/scenario';
import { type LoggedRequest, type Sandbox, type SeedData, startSandbox } from '../sandbox';
import { type ExtensionSession, launchWithExtension } from './harness';
import { signInToSandbox } from './sign-in';
import { killWorker, workerTarget } from './worker';

/*
 * Issue 5: Chrome stops the extension's service worker three times during a bulk unpin of 300 pins in 12
 * chats, on a scaled rate-limit minute: while the unpin waits for its first slot, while it waits between
 * DELETEs, and while a DELETE is on the wire. Each time the worker is woken again by a message. Cliq's
 * state, its request log and the extension's journal must then show every pin gone once, no DELETE sent
 * twice, no rolling minute over a limit and no intent lost.
 */

/** Long enough that 20 DELETEs at this latency fit in one minute, so the rate limit is what paces the run. */
const MINUTE_MS = 8_000;
const LATENCY_MS = 150;
/** For the last kill: Cliq takes this long over each request, so the worker surely dies with one on the wire. */
const SLOW_LATENCY_MS = 1_500;
/** Between the two bursts of earlier unpins: the bulk unpin later waits about this long between its DELETEs. */
const PAUSE_MS = 3_000;

const chatId = (n: number) => `CT_${4000 + n}_700012345`;
const messageIds = (chat: number) =>
  Array.from({ length: 25 }, (_, i) => `${1_770_000_000_000 + chat * 1000 + i}_${300_000 + chat * 100 + i}`);

/** 20 chats with one pin each (unpinned first, to fill the DELETE budget) and 12 chats with 25 pins each. */
const EARLIER = Array.from({ length: 20 }, (_, i) => i);
const BULK = Array.from({ length: 12 }, (_, i) => 100 + i);

function seed(): SeedData {
  const chats = [...EARLIER, ...BULK];
  return {
    users: [{ id: '61000002', name: 'Sam Lee' }],
    chats: chats.map((n) => ({
      id: chatId(n),
      type: 'group_chat' as const,
      title: `Project ${n}`,
      memberIds: ['61000002'],
      messages: messageIds(n).map((id, i) => ({ id, senderId: '61000002', text: `message ${i + 1}` })),
    })),
    pins: [
      ...EARLIER.map((n) => ({ chatId: chatId(n), messageId: messageIds(n)[0] as string })),
      ...BULK.flatMap((n) => messageIds(n).map((messageId) => ({ chatId: chatId(n), messageId }))),
    ],
  };
}

/** What the popup's bulk unpin sends: one intent per chat with the selected pins. */
const unpinAll = (chats: number[], pins: number): IntentInput[] =>
  chats.map((n) => ({ kind: 'unpinMessages', chatId: chatId(n), messageIds: messageIds(n).slice(0, pins) }));

/** By path: the sandbox logs a request on arrival but matches its route only after the latency. */
const deletesOf = (log: readonly LoggedRequest[], chats: number[]) => {
  const paths = new Set(chats.map((n) => `/api/v3/chats/${chatId(n)}/pin-messages`));
  return log.filter((r) => r.method === 'DELETE' && paths.has(r.path));
};
const answered = (entries: LoggedRequest[]) => entries.filter((r) => r.status !== 0);

/** Polls `check`; fails at once when Cliq has refused anything as over its limit, which nothing may cause. */
async function until(sandbox: Sandbox, what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    const limited = sandbox.requests().find((r) => r.status === 429);
    if (limited) throw new Error(`Cliq answered ${limited.method} ${limited.path} with 429 while waiting for ${what}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('a bulk unpin whose service worker is killed three times (Chromium)', () => {
  let session: ExtensionSession;
  let sandbox: Sandbox;
  let page: Page;
  /** The signed-in account's IndexedDB database, where the worker keeps the journal. */
  let accountDb = '';

  beforeAll(async () => {
    [session, sandbox] = await Promise.all([
      launchWithExtension('chromium'),
      startSandbox({ seed: 'empty', minuteMs: MINUTE_MS }),
    ]);
    const answer = await fetch(`${sandbox.url}/__sandbox/seed`, { method: 'POST', body: JSON.stringify(seed()) });
    if (!answer.ok) throw new Error(`seed refused: ${await answer.text()}`);
    sandbox.setFaults(`latency=${LATENCY_MS}`);
    page = await signInToSandbox(session, sandbox, { minuteMs: MINUTE_MS });
    const { account } = (await page.evaluate(`chrome.storage.local.get('account')`)) as { account: { key: string } };
    accountDb = `cliq-pins ${account.key}`;
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop()]);
  });

  /** Sent from the options page, as the popup sends it; a stopped worker is started by the message. */
  const send = (type: string, data: unknown) =>
    page.evaluate(`chrome.runtime.sendMessage(${JSON.stringify({ type, data })})`) as Promise<{
      ok: boolean;
      data?: { ok?: boolean };
    }>;

  /** The journal as the worker left it (extension pages share its IndexedDB: the signed-in account's database). */
  const journal = () =>
    page.evaluate(
      (account: string) =>
        new Promise<{ state: string; chatId: string }[]>((resolve, reject) => {
          const open = indexedDB.open(account);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('intents').objectStore('intents').getAll();
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              open.result.close();
              resolve(request.result.map((r) => ({ state: r.state, chatId: r.intent.chatId })));
            };
          };
        }),
      accountDb,
    );

  const kill = () => killWorker(session);

  async function wake(dead: Target): Promise<void> {
    expect(await send('getProgress', {})).toMatchObject({ ok: true });
    expect(await workerTarget(session)).not.toBe(dead);
  }

  it('unpins every pin once, never over a limit, and loses no intent', async () => {
    const log = () => sandbox.requests();
    const [firstBurst, secondBurst] = [EARLIER.slice(0, 10), EARLIER.slice(10)];

    // Earlier unpins, in two bursts: 20 DELETEs fill the minute's budget, the second burst PAUSE_MS later.
    expect(await send('enqueue', { intents: unpinAll(firstBurst, 1) })).toMatchObject({ data: { ok: true } });
    await until(sandbox, 'the first burst', () => answered(deletesOf(log(), firstBurst)).length === 10);
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    expect(await send('enqueue', { intents: unpinAll(secondBurst, 1) })).toMatchObject({ data: { ok: true } });
    await until(sandbox, 'the second burst', () => answered(deletesOf(log(), secondBurst)).length === 10);

    // Kill 1: the bulk unpin is journaled and waits for its first slot; nothing of it has been sent.
    expect(await send('enqueue', { intents: unpinAll(BULK, 25) })).toMatchObject({ data: { ok: true } });
    let dead = await kill();
    expect(deletesOf(log(), BULK)).toEqual([]);
    await wake(dead);

    // Kill 2: ten DELETEs went as the first burst left the window; the next waits for the second burst to.
    await until(sandbox, 'ten DELETEs of the bulk unpin', () => answered(deletesOf(log(), BULK)).length === 10);
    dead = await kill();
    expect(deletesOf(log(), BULK)).toHaveLength(10);
    await wake(dead);

    // Kill 3: Cliq has the eleventh DELETE (and the twelfth, when both slots came free together: writes on different
    // chats go out concurrently) and is still working on it. The same latency for every request keeps them in
    // order, as one connection to Cliq would: the new worker's read is answered after those DELETEs landed.
    sandbox.setFaults(`latency=${SLOW_LATENCY_MS}`);
    await until(sandbox, 'a DELETE on the wire', () => deletesOf(log(), BULK).some((r) => r.status === 0));
    dead = await kill();
    const onTheWire = deletesOf(log(), BULK).filter((r) => r.status === 0).length;
    expect(onTheWire === 1 || onTheWire === 2).toBe(true);
    await wake(dead);

    await until(sandbox, 'every intent done', async () => (await journal()).every((intent) => intent.state === 'done'));
    const requests = log();

    // Every pin is gone (Cliq's state), each by exactly one DELETE (its log), in the fewest DELETEs possible.
    for (const n of [...EARLIER, ...BULK]) expect(sandbox.state.pins.get(chatId(n))?.entries ?? []).toEqual([]);
    const unpinned = deletesOf(requests, [...EARLIER, ...BULK]).flatMap(
      (r) => (r.body as { message_ids: string[] }).message_ids,
    );
    expect(unpinned).toHaveLength(20 + 12 * 25);
    expect(new Set(unpinned).size).toBe(unpinned.length);
    expect(deletesOf(requests, BULK)).toHaveLength(12);
    expect(deletesOf(requests, [...EARLIER, ...BULK]).every((r) => r.status === 204)).toBe(true);
    // The ledger kept the rate across three deaths: no 429, no rolling minute over any budget.
    expect(requests.filter((r) => r.status === 429)).toEqual([]);
    expect(budgetsOverThreshold(requests, MINUTE_MS)).toEqual({});
    // No intent lost: the bulk unpin's intent for every chat is in the journal, done (done rounds are cleared later).
    const intents = await journal();
    expect(intents.every((intent) => intent.state === 'done')).toBe(true);
    for (const n of BULK) expect(intents.filter((intent) => intent.chatId === chatId(n))).toHaveLength(1);
  });
});
