import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../sandbox';
import type { ExtensionSession } from './harness';
import {
  chatsWithPins,
  expectNoFailures,
  pinCheckbox,
  QUEUE_TIMEOUT,
  serverPinIds,
  serverPins,
  setUpPopup,
} from './popup-helpers';

const DAY = 24 * 3_600_000;

/*
 * Bulk expiry and restore from an export, in the popup as a person uses them, judged by the sandbox's state.
 * Chats with a pin that expires within the test's run are left out: Cliq would drop it on its own.
 */
describe('bulk expiry and restore from an export (Chromium)', () => {
  let session: ExtensionSession;
  let sandbox: Sandbox;
  let popup: Page;
  let dir: string;
  /** Two chats with at least two pins, none expiring within ten minutes. */
  let chats: [string, string];

  beforeAll(async () => {
    ({ session, sandbox, popup } = await setUpPopup('chromium'));
    dir = await mkdtemp(join(tmpdir(), 'cliq-pins-restore-'));
    const lasting = (chatId: string) =>
      serverPins(sandbox, chatId).every((p) => p.expiry === -1 || p.expiry > sandbox.clock.now() + 10 * 60_000);
    const picked = chatsWithPins(sandbox).filter((c) => lasting(c) && serverPins(sandbox, c).length >= 2);
    expect(picked.length).toBeGreaterThanOrEqual(2);
    chats = picked.slice(0, 2) as [string, string];
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop(), dir && rm(dir, { recursive: true, force: true })]);
  });

  const selectChat = (chatId: string) =>
    popup.click(`[data-testid=chat-pins][data-chat-id="${chatId}"] [data-testid=select-chat]`);

  it('sets one expiry on every selected pin, keeping their places, and undo puts the old ones back', async () => {
    const [a, b] = chats;
    const before = new Map([a, b].map((chatId) => [chatId, serverPins(sandbox, chatId)]));
    const [firstB] = serverPinIds(sandbox, b);
    await selectChat(a);
    await (await pinCheckbox(popup, b, firstB as string)).click();
    const selected = [...(before.get(a) ?? []), ...(before.get(b)?.slice(0, 1) ?? [])].map((p) => p.messageId);

    await popup.click('[data-testid=bulk-expiry]');
    await popup.waitForSelector('[data-testid=bulk-expiry-dialog][open]');
    await popup.click('[data-testid=bulk-expiry-week]');
    const estimate = await popup.waitForSelector('[data-testid=bulk-expiry-dialog] [data-testid=estimate]');
    // Unpin, pin and move back for each pin that changes: never fewer than two requests per pin.
    expect(Number(await estimate?.evaluate((el) => el.getAttribute('data-requests')))).toBeGreaterThanOrEqual(
      2 * selected.length - 1,
    );
    const asked = Date.now();
    await popup.click('[data-testid=bulk-expiry-dialog] [data-testid=confirm-action]');

    const week = (expiry: number) => Math.abs(expiry - (asked + 7 * DAY)) < 60_000;
    const expiries = () =>
      [a, b].flatMap((chatId) => serverPins(sandbox, chatId)).filter((p) => selected.includes(p.messageId));
    await expect
      .poll(() => expiries().every((p) => week(p.expiry)) && expiries().length === selected.length, QUEUE_TIMEOUT)
      .toBe(true);
    for (const [chatId, pins] of before) {
      await expect.poll(() => serverPinIds(sandbox, chatId), QUEUE_TIMEOUT).toEqual(pins.map((p) => p.messageId));
    }
    await expectNoFailures(popup);

    await popup.click('[data-testid=undo]');
    for (const [chatId, pins] of before) {
      await expect
        .poll(
          () =>
            serverPins(sandbox, chatId).map(
              (p, i) => p.messageId === pins[i]?.messageId && same(p.expiry, pins[i].expiry),
            ),
          QUEUE_TIMEOUT,
        )
        .toEqual(pins.map(() => true));
    }
    await expectNoFailures(popup);
  });

  it('restores an export after a bulk unpin: every pin back, in its place, with its expiry', async () => {
    const [a, b] = chats;
    const before = new Map([a, b].map((chatId) => [chatId, serverPins(sandbox, chatId)]));
    const file = join(dir, 'export.json');
    await writeFile(file, await exportJson());

    await selectChat(a);
    await selectChat(b);
    await popup.click('[data-testid=bulk-unpin]');
    await popup.click('[data-testid=confirm] [data-testid=confirm-action]');
    await expect.poll(() => [serverPinIds(sandbox, a), serverPinIds(sandbox, b)], QUEUE_TIMEOUT).toEqual([[], []]);
    await expect
      .poll(() => popup.$$(`[data-testid=chat-pins][data-chat-id="${a}"] [data-testid=pin]`), QUEUE_TIMEOUT)
      .toHaveLength(0);

    await (await popup.$('input[data-testid=import-file]'))?.uploadFile(file);
    await popup.waitForSelector('[data-testid=import-preview][open]');
    const outcome = (chatId: string) =>
      popup.$$eval(`[data-testid=import-chat][data-chat-id="${chatId}"] [data-testid=import-row]`, (rows) =>
        rows.map((row) => [row.getAttribute('data-message-id'), row.getAttribute('data-outcome')]),
      );
    expect(await outcome(a)).toEqual(before.get(a)?.map((p) => [p.messageId, 'restore']));
    expect(await outcome(b)).toEqual(before.get(b)?.map((p) => [p.messageId, 'restore']));
    // The rest of the board is still pinned.
    const others = await popup.$$eval('[data-testid=import-row]', (rows) =>
      rows
        .filter((row) => row.getAttribute('data-outcome') === 'pinned')
        .map((row) => row.getAttribute('data-message-id')),
    );
    expect(others.length).toBeGreaterThan(0);

    sandbox.clearRequests();
    await popup.click('[data-testid=import-preview] [data-testid=confirm-action]');
    for (const [chatId, pins] of before) {
      await expect
        .poll(
          () =>
            serverPins(sandbox, chatId).map((p) => [
              p.messageId,
              same(p.expiry, pins.find((q) => q.messageId === p.messageId)?.expiry ?? 0),
            ]),
          QUEUE_TIMEOUT,
        )
        .toEqual(pins.map((p) => [p.messageId, true]));
    }
    // Pins already pinned were left alone: nothing but the two chats was written.
    const writes = sandbox.requests().filter((r) => r.method !== 'GET');
    expect(writes.every((r) => r.path.includes(a) || r.path.includes(b))).toBe(true);
    await expectNoFailures(popup);
  });

  it('refuses a damaged export and changes nothing', async () => {
    const file = join(dir, 'damaged.json');
    const text = await exportJson();
    await writeFile(file, text.slice(0, Math.floor(text.length * 0.6)));
    const pinsBefore = chatsWithPins(sandbox).map((chatId) => [chatId, serverPinIds(sandbox, chatId)]);
    sandbox.clearRequests();

    await (await popup.$('input[data-testid=import-file]'))?.uploadFile(file);
    const error = await popup.waitForSelector('[data-testid=import-refused][open] [data-testid=import-error]');
    expect(await error?.evaluate((el) => el.textContent)).toMatch(/not JSON.*Nothing was changed/);
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.$('[data-testid=import-refused][open]')).toBeNull();

    expect(chatsWithPins(sandbox).map((chatId) => [chatId, serverPinIds(sandbox, chatId)])).toEqual(pinsBefore);
    expect(sandbox.requests().filter((r) => r.method !== 'GET')).toEqual([]);
    expect(await popup.$('[data-testid=progress-text]')).toBeNull();
  });

  /** What the popup's JSON export writes, caught before it becomes a download. */
  async function exportJson(): Promise<string> {
    await popup.evaluate(() => {
      const w = window as unknown as { exported: Blob[] };
      w.exported = [];
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob) => {
        w.exported.push(blob);
        return create(blob);
      };
      HTMLAnchorElement.prototype.click = () => undefined;
    });
    await popup.click('[data-testid=export-menu]');
    await popup.click('[data-testid=export-json]');
    await popup.click('[data-testid=export-menu]');
    // The export's formatting is imported on first use: the file follows the click by that much.
    await popup.waitForFunction(() => (window as unknown as { exported: Blob[] }).exported.length > 0);
    return popup.evaluate(() => (window as unknown as { exported: Blob[] }).exported[0]?.text() ?? '');
  }
});

/** Cliq answers expiry times to the second. */
const same = (a: number, b: number) => a === b || (a !== -1 && b !== -1 && Math.abs(a - b) < 1000);
