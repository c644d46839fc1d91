import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type Sandbox, type SeedData, startSandbox } from '../sandbox';
import { type BrowserName, type ExtensionSession, launchWithExtension } from './harness';
import { serverPins } from './popup-helpers';
import { signInToSandbox } from './sign-in';
import { killWorker, workerTarget } from './worker';

/*
 * Reminders on a scaled clock: the sandbox's rate-limit minute is 500 ms, and sandbox builds scale a reminder's
 * lead by the same factor (1/120), so "1 hour before" is 30 s before. Headless Chromium can neither answer the
 * notifications permission prompt nor click a notification: test builds hold the permission from install, and
 * the tests call the worker's own notification handlers (`cliqPinsReminderHandlers`, test builds only).
 *
 * Most of this file is waiting for real alarms, so the Chromium and the Firefox suite run side by side (each with
 * its own browser and sandbox; the tests within a suite run in order). Concurrent tests take `expect` from their
 * context, so a failure is reported against the right test.
 */

const MINUTE_MS = 500;
const LEAD_MS = (3_600_000 * MINUTE_MS) / 60_000;
const DAY = 24 * 3_600_000;
const ME = '61000001';
const OTHER = '61000002';
const CHAT = 'CT_4100_700012345';
const message = (n: number) => `${1_770_000_000_000 + n}_${300_000 + n}`;
const [MINE_SOON, OTHERS_SOON, MINE_FOREVER, MINE_LATER] = [1, 2, 3, 4].map(message) as [
  string,
  string,
  string,
  string,
];

const within = (actual: number, expected: number, ms: number) => Math.abs(actual - expected) <= ms;

interface ReminderSetup {
  session: ExtensionSession;
  sandbox: Sandbox;
  options: Page;
  expiryOf: { soon: number; later: number };
}

/** A chat with my pins and someone else's, signed in, and reminders turned on in the options page. */
async function startWithReminders(name: BrowserName): Promise<ReminderSetup> {
  const [session, sandbox] = await Promise.all([
    launchWithExtension(name),
    startSandbox({ seed: 'empty', minuteMs: MINUTE_MS }),
  ]);
  const seededAt = sandbox.clock.now();
  // Reminded 30 s before: the first at +20 s (time to sign in and turn reminders on, even on a loaded machine),
  // the second at +35 s (time for the first test's "Keep 1 more day" and the kill before it is due).
  const expiryOf = { soon: seededAt + LEAD_MS + 20_000, later: seededAt + LEAD_MS + 35_000 };
  const seed: SeedData = {
    users: [{ id: OTHER, name: 'Sam Lee' }],
    chats: [
      {
        id: CHAT,
        type: 'group_chat',
        title: 'Launch plan',
        memberIds: [OTHER],
        messages: [1, 2, 3, 4].map((n) => ({ id: message(n), senderId: OTHER, text: `Launch note ${n}` })),
      },
    ],
    pins: [
      { chatId: CHAT, messageId: MINE_SOON, expiry: expiryOf.soon, creatorId: ME },
      { chatId: CHAT, messageId: OTHERS_SOON, expiry: expiryOf.soon, creatorId: OTHER },
      { chatId: CHAT, messageId: MINE_FOREVER, expiry: -1, creatorId: ME },
      { chatId: CHAT, messageId: MINE_LATER, expiry: expiryOf.later, creatorId: ME },
    ],
  };
  const answer = await fetch(`${sandbox.url}/__sandbox/seed`, { method: 'POST', body: JSON.stringify(seed) });
  if (!answer.ok) throw new Error(`seed refused: ${await answer.text()}`);
  const options = await signInToSandbox(session, sandbox, { minuteMs: MINUTE_MS });
  // The user turns reminders on in the options page: 1 hour before, pins I pinned (the defaults).
  await (await options.waitForSelector('[data-testid=reminders-enabled]'))?.click();
  await options.waitForSelector('[data-testid=reminders-lead-hour]:checked');
  await options.waitForSelector('[data-testid=reminders-scope-mine]:checked');
  return { session, sandbox, options, expiryOf };
}

const notificationOf = (messageId: string) => `cliq-pins-reminder/${CHAT}/${messageId}`;
const alarmOf = (messageId: string, expiry: number) => `cliq-pins-reminder:${CHAT}/${messageId}/${expiry}/hour`;

/** Polls the notifications shown (through `evaluate`, in any extension context) until the pin's is there. */
async function whenShown(shown: () => Promise<Record<string, boolean>>, messageId: string): Promise<number> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if ((await shown())[notificationOf(messageId)]) return Date.now();
    if (Date.now() > deadline) throw new Error(`no reminder for ${messageId}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.concurrent('reminders before pins expire (Chromium)', () => {
  let session: ExtensionSession;
  let sandbox: Sandbox;
  let options: Page;
  let expiryOf: ReminderSetup['expiryOf'];

  beforeAll(async () => {
    ({ session, sandbox, options, expiryOf } = await startWithReminders('chromium'));
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop()]);
  });

  const inWorker = async <T>(script: string): Promise<T> => (await session.worker()).evaluate(script) as Promise<T>;
  const reminderAlarms = () =>
    inWorker<{ name: string; scheduledTime: number }[]>(
      `chrome.alarms.getAll().then((all) => all.filter((a) => a.name.startsWith('cliq-pins-reminder:')))`,
    );
  const notifications = () => inWorker<Record<string, boolean>>('chrome.notifications.getAll()');

  it.sequential('sets one alarm per pin of mine with an expiry, at the scaled lead before it', async ({ expect }) => {
    await expect.poll(async () => (await reminderAlarms()).length, { timeout: 20_000, interval: 200 }).toBe(2);
    const alarms = await reminderAlarms();
    const at = (messageId: string) => alarms.find((a) => a.name.includes(`/${messageId}/`))?.scheduledTime ?? 0;
    // Someone else's pin and a pin that never expires get none.
    expect(alarms.map((a) => a.name).sort()).toEqual(
      [alarmOf(MINE_SOON, expiryOf.soon), alarmOf(MINE_LATER, expiryOf.later)].sort(),
    );
    expect(within(at(MINE_SOON), expiryOf.soon - LEAD_MS, 10)).toBe(true);
    expect(within(at(MINE_LATER), expiryOf.later - LEAD_MS, 10)).toBe(true);
  });

  it.sequential('shows the reminder at its time, and the worker’s “Keep 1 more day” handler moves the expiry in Cliq', async ({
    expect,
  }) => {
    const due = expiryOf.soon - LEAD_MS;
    expect(Date.now()).toBeLessThan(due);
    const shownAt = await whenShown(notifications, MINE_SOON);
    // Alarms never fire early; a loaded machine may deliver a few seconds late.
    expect(shownAt).toBeGreaterThanOrEqual(due);
    expect(shownAt - due).toBeLessThan(5_000);
    expect(Object.keys(await notifications())).toEqual([notificationOf(MINE_SOON)]);

    const order = serverPins(sandbox, CHAT).map((p) => p.messageId);
    await inWorker(`cliqPinsReminderHandlers.keep(${JSON.stringify(notificationOf(MINE_SOON))}, 0)`);
    await expect
      .poll(() => serverPins(sandbox, CHAT).find((p) => p.messageId === MINE_SOON)?.expiry ?? 0, {
        timeout: 20_000,
        interval: 200,
      })
      .toSatisfy((expiry: number) => within(expiry, expiryOf.soon + DAY, 1_000));
    // Same place in the chat, and the notification is gone.
    await expect.poll(() => serverPins(sandbox, CHAT).map((p) => p.messageId), { timeout: 20_000 }).toEqual(order);
    expect(await notifications()).toEqual({});
  });

  it.sequential('fires once across worker kills, and a click opens the board at that pin', async ({ expect }) => {
    // The worker is stopped before the reminder is due: the alarm must start it again.
    const dead = await killWorker(session);
    expect(Date.now()).toBeLessThan(expiryOf.later - LEAD_MS);
    const shownAt = await whenShown(notifications, MINE_LATER);
    expect(await workerTarget(session)).not.toBe(dead);
    expect(shownAt).toBeGreaterThanOrEqual(expiryOf.later - LEAD_MS);

    // Cleared by the user, then the worker dies and starts again (a browser restart does the same): its start
    // re-derives every alarm, and the reminder that fired is recorded as fired.
    await inWorker(`chrome.notifications.clear(${JSON.stringify(notificationOf(MINE_LATER))})`);
    await killWorker(session);
    expect(await options.evaluate(`chrome.runtime.sendMessage({ type: 'getProgress', data: {} })`)).toMatchObject({
      ok: true,
    });
    // The restarted worker has scheduled again: the kept pin's new reminder is there, the fired one is not.
    await expect
      .poll(async () => (await reminderAlarms()).map((a) => a.name), { timeout: 20_000, interval: 200 })
      .toEqual([alarmOf(MINE_SOON, expiryOf.soon + DAY)]);
    // A reminder re-created for a past time would fire 0.5 s after scheduling: give it four times that.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await notifications()).toEqual({});

    await inWorker(`cliqPinsReminderHandlers.open(${JSON.stringify(notificationOf(MINE_LATER))})`);
    const board = await session.browser.waitForTarget((t) => t.url().includes('/popup.html#pin='));
    const page = await board.page();
    if (!page) throw new Error('the board did not open');
    const row = await page.waitForSelector(`[data-testid=pin][data-message-id="${MINE_LATER}"][data-target=true]`);
    expect(await row?.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  });
});

/*
 * Firefox: the background is an event page puppeteer cannot reach, and notifications have no buttons. Headless
 * Firefox closes a notification again at once, so `notifications.getAll()` cannot witness it; the record of fired
 * reminders can (written just before the notification is created). The options page sees the same alarms and the
 * same IndexedDB as the event page.
 */
describe.concurrent('reminders before pins expire (Firefox)', () => {
  let setup: ReminderSetup;
  beforeAll(async () => {
    setup = await startWithReminders('firefox');
  });
  afterAll(async () => {
    await Promise.all([setup?.session.close(), setup?.sandbox.stop()]);
  });

  it('schedules my pins’ reminders and fires the first at its time (recorded as fired)', async ({ expect }) => {
    const { options, expiryOf } = setup;
    const alarms = () =>
      options.evaluate(`browser.alarms.getAll().then((all) => all.map((a) => a.name)
        .filter((n) => n.startsWith('cliq-pins-reminder:')).sort())`) as Promise<string[]>;
    await expect
      .poll(alarms, { timeout: 20_000, interval: 200 })
      .toEqual([alarmOf(MINE_SOON, expiryOf.soon), alarmOf(MINE_LATER, expiryOf.later)].sort());
    const due = expiryOf.soon - LEAD_MS;
    const key = alarmOf(MINE_SOON, expiryOf.soon).slice('cliq-pins-reminder:'.length);
    await expect.poll(() => firedReminders(options), { timeout: 40_000, interval: 100 }).toContain(key);
    const firedAt = Date.now();
    expect(firedAt).toBeGreaterThanOrEqual(due);
    expect(firedAt - due).toBeLessThan(5_000);
    expect(await firedReminders(options)).toEqual([key]);
  });
});

/** The reminders recorded as fired, from the signed-in account's database. */
async function firedReminders(options: Page): Promise<string[]> {
  const { account } = (await options.evaluate(`browser.storage.local.get('account')`)) as { account: { key: string } };
  return options.evaluate(
    (name: string) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('meta').objectStore('meta').get('remindersFired');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as string[] | undefined) ?? []);
          };
        };
      }),
    `cliq-pins ${account.key}`,
  );
}
