import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox';
import type { ExtensionSession } from './harness';
import {
  cliqPinsErrors,
  eventually,
  folderHolding,
  inBar,
  inDialog,
  inFolders,
  MINUTE_MS,
  messageId,
  openBarPanel,
  openChat,
  openPinDialog,
  pinsOf,
  signedInSession,
  waitFor,
} from './page-helpers';
import { ALMOST, DOWN, FULL, m, ROOM, SEED } from './page-ux-seed';

const HOUR = 3_600_000;

/** The focused element inside one of our shadow roots, by its test id. */
const focusedIn = (page: Page, host: string) =>
  page.evaluate(
    (tag) => document.querySelector(tag)?.shadowRoot?.activeElement?.getAttribute('data-testid') ?? null,
    host,
  );

const barText = (page: Page) =>
  page.evaluate(() => document.querySelector('cliq-pins-bar')?.shadowRoot?.textContent ?? '');

describe('the in-page UI in chromium', () => {
  let sandbox: Sandbox;
  let session: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 'empty', minuteMs: MINUTE_MS });
    session = await signedInSession('chromium', sandbox, SEED);
    page = await openChat(session, sandbox, ROOM);
    await page.setViewport({ width: 780, height: 800 });
    await waitFor(page, inBar('[data-testid=pinned-bar][data-state=ready]'));
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop()]);
  });
  afterEach(async () => {
    expect(cliqPinsErrors(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('bug 8: the pin list keeps its actions on one line and gives the pin text room', async () => {
    await openBarPanel(page);
    const rows = await page.$$eval(inBar('[data-testid=pin-row]'), (els) =>
      els.map((row) => ({
        buttons: [...row.querySelectorAll('button:not(.cp-handle)')].map((b) => ({
          height: b.getBoundingClientRect().height,
          name: b.getAttribute('aria-label'),
        })),
        text: (({ width, height }) => ({ width, height }))(
          (row.querySelector('.cp-pin-text') as HTMLElement).getBoundingClientRect(),
        ),
        lineHeight: Number.parseFloat(getComputedStyle(row.querySelector('.cp-pin-text') as HTMLElement).lineHeight),
      })),
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      for (const button of row.buttons) expect(button.height).toBeLessThanOrEqual(30);
      // Room for about 40 characters a line, two lines before it is cut.
      expect(row.text.width).toBeGreaterThan(220);
      expect(Math.round(row.text.height / row.lineHeight)).toBe(2);
    }
    // Each action is named after its pin: no two buttons share an accessible name.
    const names = rows.flatMap((row) => row.buttons.map((b) => b.name));
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toMatch(/^Go to “Hannah Schmidt: Message 1/);
    // The header's folder button shows the folder's own symbol only.
    const folderButton = await waitFor(page, inFolders('[data-testid=folder-button]'));
    await eventually(async () => expect(await folderButton.evaluate((el) => el.textContent)).toBe('🔥 Urgent'));
  });

  it('a pinned message’s dialog starts on Cancel, so Enter unpins nothing', async () => {
    await openPinDialog(page, m(2));
    await waitFor(page, inDialog('[data-testid=pin-dialog][data-pinned=true]'));
    await eventually(async () => expect(await focusedIn(page, 'cliq-pins-pin-dialog')).toBe('dialog-cancel'), 5_000);
    sandbox.clearRequests();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await page.$(inDialog('[data-testid=pin-dialog]'))).toBeNull(), 5_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sandbox.requests().filter((r) => r.method !== 'GET')).toEqual([]);
    expect(pinsOf(sandbox, ROOM).map((p) => p.messageId)).toContain(m(2));
  });

  it('changes a pinned message’s expiry from its dialog, with the popup’s choices', async () => {
    await openPinDialog(page, m(3));
    await waitFor(page, inDialog('[data-testid=pin-dialog][data-pinned=true]'));
    const labels = await page.$$eval(inDialog('.cp-choice'), (els) => els.map((el) => el.textContent?.trim()));
    expect(labels).toEqual(['For 1 hour', 'Until the end of today', 'For 1 week', 'Forever', 'Until a date']);
    // Confirming the expiry it already has sends nothing (Cliq would unpin and pin it again).
    sandbox.clearRequests();
    await page.click(inDialog('[data-testid=dialog-change-expiry]'));
    await eventually(async () => expect(await page.$(inDialog('[data-testid=pin-dialog]'))).toBeNull(), 5_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sandbox.requests().filter((r) => r.method !== 'GET')).toEqual([]);

    await openPinDialog(page, m(3));
    await waitFor(page, inDialog('[data-testid=pin-dialog][data-pinned=true]'));
    await page.click(inDialog('[data-testid=expiry-hour]'));
    const at = Date.now();
    await page.click(inDialog('[data-testid=dialog-change-expiry]'));
    await eventually(() => {
      const pin = pinsOf(sandbox, ROOM).find((p) => p.messageId === m(3));
      expect(Math.abs((pin?.expiry ?? 0) - (at + HOUR))).toBeLessThan(60_000);
    });
  });

  it('offers undo after unpinning in the bar, and undo pins it again', async () => {
    await openBarPanel(page);
    await page.click(inBar(`[data-testid=pin-row][data-message-id="${m(2)}"] [data-testid=pin-unpin]`));
    await eventually(() => expect(pinsOf(sandbox, ROOM).map((p) => p.messageId)).not.toContain(m(2)));
    const undo = await waitFor(page, inBar('[data-testid=undo]'));
    expect(await page.$eval(inBar('[data-testid=undo-toast]'), (el) => el.textContent)).toContain(
      'Unpinned the message',
    );
    await undo.click();
    await eventually(() => expect(pinsOf(sandbox, ROOM).map((p) => p.messageId)).toEqual([m(1), m(2), m(3)]));
  });

  it('the folder menu: checkboxes, named Move buttons, Unpin everywhere apart and undoable', async () => {
    await page.click(inFolders('[data-testid=folder-button]'));
    await waitFor(page, inFolders('[data-testid=folder-row]'));
    const toggles = await page.$$eval(inFolders('[data-testid=folder-toggle]'), (els) =>
      els.map((el) => ({ type: (el as HTMLInputElement).type, checked: (el as HTMLInputElement).checked })),
    );
    expect(toggles).toEqual([
      { type: 'checkbox', checked: false },
      { type: 'checkbox', checked: true },
      { type: 'checkbox', checked: false },
      { type: 'checkbox', checked: false },
    ]);
    const moves = await page.$$eval(inFolders('[data-testid=folder-move]'), (els) =>
      els.map((el) => el.getAttribute('aria-label')),
    );
    expect(moves).toEqual(['Move to My Pins', 'Move to Projects', 'Move to Later']);
    // Unpin everywhere sits in its own section, not beside "New folder…".
    expect(
      await page.$eval(inFolders('[data-testid=unpin-chat]'), (el) =>
        el.parentElement?.classList.contains('cp-separate'),
      ),
    ).toBe(true);

    // Someone pins another chat below this one in Urgent: undo puts this chat back above it, where it was.
    const urgent = sandbox.state.folders.find((f) => f.title === 'Urgent');
    const pinned = await fetch(`${sandbox.url}/api/v3/chats/${DOWN}/pins`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandbox.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ category_id: urgent?.id }),
    });
    expect(pinned.ok).toBe(true);
    await page.click(inFolders('[data-testid=unpin-chat]'));
    await eventually(() => expect(folderHolding(sandbox, ROOM)).toEqual([]));
    await (await waitFor(page, inFolders('[data-testid=undo]'))).click();
    await eventually(() => expect(folderHolding(sandbox, ROOM)).toEqual(['Urgent']));
    expect(sandbox.state.folders.find((f) => f.title === 'Urgent')?.chatIds).toEqual([ROOM, DOWN]);
  });

  it('25/25: the bar says the chat is full, and the pin dialog opens its pins instead of a dead end', async () => {
    const full = await openChat(session, sandbox, FULL);
    await eventually(async () => expect(await barText(full)).toContain('25/25 pinned'));
    await openPinDialog(full, messageId(8, 26));
    await waitFor(full, inDialog('[data-testid=pin-limit]'));
    await eventually(async () => expect(await focusedIn(full, 'cliq-pins-pin-dialog')).toBe('pin-limit-show'), 5_000);
    await full.keyboard.press('Enter');
    await waitFor(full, inBar('[data-testid=pinned-bar-panel]'));
    expect(await full.$$(inBar('[data-testid=pin-unpin]'))).toHaveLength(25);
    await full.close();
  });

  it('a pin Cliq refuses because someone filled the chat meanwhile fails in the bar, with the way to its pins', async () => {
    const almost = await openChat(session, sandbox, ALMOST);
    await eventually(async () => expect(await barText(almost)).toContain('24 pinned'));
    // Someone else pins the 25th; this page has not heard of it yet.
    const response = await fetch(`${sandbox.url}/api/v3/chats/${ALMOST}/pin-messages`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandbox.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ message_id: messageId(6, 25), expiry_time: -1, notify: false }),
    });
    expect(response.ok).toBe(true);
    await openPinDialog(almost, messageId(6, 26));
    const asked = Date.now();
    await almost.click(inDialog('[data-testid=dialog-pin]'));
    const failed = await waitFor(almost, inBar('[data-testid=pinned-bar-unsent][data-state=failed]'), 10_000);
    expect(Date.now() - asked).toBeLessThan(10_000);
    expect(await failed.evaluate((el) => el.textContent)).toContain('at most 25 pinned messages');
    await eventually(async () => expect(await barText(almost)).toContain('25/25 pinned'));
    await almost.click(inBar('[data-testid=pinned-bar-show-full]'));
    await waitFor(almost, inBar('[data-testid=pinned-bar-panel]'));
    expect(await almost.$$(inBar('[data-testid=pin-unpin]'))).toHaveLength(25);
    await almost.close();
  });

  it('while Cliq answers 500, a pin made in the page shows as not saved within seconds, never as done', async () => {
    const down = await openChat(session, sandbox, DOWN);
    await eventually(async () => expect(await barText(down)).toContain('1 pinned'));
    sandbox.setFaults('5xx=1,only=POST /v3/chats/{CHAT_ID}/pin-messages');
    try {
      await openPinDialog(down, messageId(9, 3));
      const asked = Date.now();
      await down.click(inDialog('[data-testid=dialog-pin]'));
      await eventually(async () => expect(await barText(down)).toContain('1 pinned · 1 saving…'), 3_000);
      const unsent = await waitFor(down, inBar('[data-testid=pinned-bar-unsent][data-state=retrying]'), 8_000);
      expect(Date.now() - asked).toBeLessThan(8_000);
      expect(await unsent.evaluate((el) => el.textContent)).toContain('Not saved in Cliq yet');
      expect(await barText(down)).not.toContain('2 pinned');
    } finally {
      sandbox.setFaults(null);
      await down.close();
    }
  });
});
