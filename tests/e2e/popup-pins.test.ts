import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../sandbox';
import { BROWSERS, type ExtensionSession } from './harness';
import {
  chatsWithPins,
  dragOnto,
  expectNoFailures,
  openPopup,
  pinCheckbox,
  QUEUE_TIMEOUT,
  serverPinIds,
  serverPins,
  setUpPopup,
  shiftClick,
  shownPinIds,
} from './popup-helpers';

describe.each(BROWSERS)('the popup’s pinned messages in %s', (name) => {
  let session: ExtensionSession;
  let sandbox: Sandbox;
  let popup: Page;
  /** Chats with the most pins first: [5 pins, 4 pins, 3 pins, …] in the default seed. */
  let chats: string[];

  beforeAll(async () => {
    ({ session, sandbox, popup } = await setUpPopup(name));
    chats = chatsWithPins(sandbox).sort((a, b) => serverPins(sandbox, b).length - serverPins(sandbox, a).length);
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop()]);
  });

  it('unpins a selection across three chats with one request per chat, then undo puts every pin back in place', async () => {
    const [a, b, c] = chats as [string, string, string];
    const before = new Map([a, b, c].map((chatId) => [chatId, serverPins(sandbox, chatId)]));
    const idsA = serverPinIds(sandbox, a);
    const idsC = serverPinIds(sandbox, c);
    expect(idsA.length).toBeGreaterThanOrEqual(5);
    expect(await shownPinIds(popup, a)).toEqual(idsA);

    // A range in chat A (click, then Shift-click), every pin of chat B, and chat C's primary.
    await (await pinCheckbox(popup, a, idsA[1] as string)).click();
    await shiftClick(popup, await pinCheckbox(popup, a, idsA[3] as string));
    await popup.click(`[data-testid=chat-pins][data-chat-id="${b}"] [data-testid=select-chat]`);
    await (await pinCheckbox(popup, c, idsC[0] as string)).click();
    const selected = 3 + serverPinIds(sandbox, b).length + 1;
    expect(await popup.$eval('[data-testid=bulk-bar] span', (el) => el.textContent)).toContain(String(selected));

    await popup.click('[data-testid=bulk-unpin]');
    const estimate = await popup.waitForSelector('[data-testid=confirm][open] [data-testid=estimate]');
    expect(await estimate?.evaluate((el) => el.getAttribute('data-requests'))).toBe('3');
    sandbox.clearRequests();
    await popup.click('[data-testid=confirm-action]');

    await expect
      .poll(() => [serverPinIds(sandbox, a), serverPinIds(sandbox, b), serverPinIds(sandbox, c)], QUEUE_TIMEOUT)
      .toEqual([[idsA[0], ...idsA.slice(4)], [], idsC.slice(1)]);
    const deletes = sandbox.requests().filter((r) => r.method === 'DELETE' && r.path.endsWith('/pin-messages'));
    expect(deletes.map((r) => r.status)).toEqual([204, 204, 204]);

    // The focused button left with the selection: focus is on Undo, so the keyboard gets there at once.
    await popup.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'undo');
    await popup.keyboard.press('Enter');
    for (const [chatId, pins] of before) {
      await expect.poll(() => serverPinIds(sandbox, chatId), QUEUE_TIMEOUT).toEqual(pins.map((p) => p.messageId));
      // The same expiries (Cliq answers to the second); the primary is the first, as before.
      const expiries = serverPins(sandbox, chatId).map((p) => p.expiry);
      for (const [i, pin] of pins.entries()) {
        expect(Math.abs((expiries[i] ?? 0) - pin.expiry)).toBeLessThan(pin.expiry === -1 ? 1 : 1000);
      }
    }
    await expect.poll(() => shownPinIds(popup, b), QUEUE_TIMEOUT).toEqual(before.get(b)?.map((p) => p.messageId));
    await expectNoFailures(popup);
  });

  it('moves a pin with Alt+ArrowDown, keeping focus on it', async () => {
    const chatId = chats[0] as string;
    const ids = serverPinIds(sandbox, chatId);
    const box = await pinCheckbox(popup, chatId, ids[0] as string);
    await box.focus();
    await popup.keyboard.down('Alt');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.up('Alt');
    const expected = [ids[1], ids[0], ...ids.slice(2)];
    await expect.poll(() => serverPinIds(sandbox, chatId), QUEUE_TIMEOUT).toEqual(expected);
    await expect.poll(() => shownPinIds(popup, chatId), QUEUE_TIMEOUT).toEqual(expected);
    const focused = await popup.evaluate(() =>
      document.activeElement?.closest('[data-testid=pin]')?.getAttribute('data-message-id'),
    );
    expect(focused).toBe(ids[0]);
  });

  it('drags the last pin above the first, saying before the drop that it becomes the primary; Undo restores the order', async () => {
    const chatId = chats[1] as string;
    const ids = serverPinIds(sandbox, chatId);
    const last = ids[ids.length - 1] as string;
    const rowOf = (id: string) => `[data-testid=pin][data-chat-id="${chatId}"][data-message-id="${id}"]`;
    const handle = await popup.$(`${rowOf(last)} [data-testid=drag-handle]`);
    const target = await popup.$(rowOf(ids[0] as string));
    if (!handle || !target) throw new Error('rows not on screen');
    let note: string | null | undefined;
    await dragOnto(popup, handle, target, 'before', async () => {
      note = await popup.$eval('[data-testid=primary-change-note]', (el) => el.textContent).catch(() => null);
    });
    expect(note).toBe('Dropping here makes it the primary pin, seen by everyone in the chat.');
    const expected = [last, ...ids.slice(0, -1)];
    await expect.poll(() => serverPinIds(sandbox, chatId), QUEUE_TIMEOUT).toEqual(expected);
    await expect
      .poll(() => popup.$eval(rowOf(last), (row) => row.getAttribute('data-primary')), QUEUE_TIMEOUT)
      .toBe('true');
    await popup.click('[data-testid=undo]');
    await expect.poll(() => serverPinIds(sandbox, chatId), QUEUE_TIMEOUT).toEqual(ids);
    await expectNoFailures(popup);
  });

  it('changes an expiry and the primary pin from a pin’s details', async () => {
    const chatId = chats[2] as string;
    const ids = serverPinIds(sandbox, chatId);
    const second = ids[1] as string;
    await popup.click(
      `[data-testid=pin][data-chat-id="${chatId}"][data-message-id="${second}"] [data-testid=pin-details]`,
    );
    await popup.waitForSelector('[data-testid=pin-details-dialog][open]');
    const asked = Date.now();
    await popup.click('[data-testid=expiry-week]');
    const week = 7 * 24 * 3_600_000;
    await expect
      .poll(() => serverPins(sandbox, chatId).find((p) => p.messageId === second)?.expiry ?? 0, QUEUE_TIMEOUT)
      .toBeGreaterThanOrEqual(asked + week - 1000);
    // Cliq has no expiry change: the queue unpinned and pinned again, and the pin kept its place.
    await expect.poll(() => serverPinIds(sandbox, chatId), QUEUE_TIMEOUT).toEqual(ids);

    await popup.click(
      `[data-testid=pin][data-chat-id="${chatId}"][data-message-id="${second}"] [data-testid=pin-details]`,
    );
    const makePrimary = await popup.waitForSelector(
      '[data-testid=pin-details-dialog][open] [data-testid=make-primary]',
    );
    await makePrimary?.click();
    await expect.poll(() => serverPinIds(sandbox, chatId)[0], QUEUE_TIMEOUT).toBe(second);
    await expectNoFailures(popup);
  });

  it('exports the pins on screen as Markdown and JSON', async () => {
    await popup.evaluate(() => {
      const w = window as unknown as { exported: Blob[]; downloads: string[] };
      w.exported = [];
      w.downloads = [];
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob) => {
        w.exported.push(blob);
        return create(blob);
      };
      // The file itself is the browser's business; the test reads what was generated.
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        w.downloads.push(this.download);
      };
    });
    await popup.click('[data-testid=export-menu]');
    await popup.click('[data-testid=export-md]');
    // A chosen format closes the menu, which opens again for the other.
    expect(
      await popup.$eval('details:has([data-testid=export-menu])', (menu) => (menu as HTMLDetailsElement).open),
    ).toBe(false);
    await popup.click('[data-testid=export-menu]');
    await popup.click('[data-testid=export-json]');
    // The export's formatting is imported on first use: the files follow the clicks by that much.
    await popup.waitForFunction(() => (window as unknown as { exported: Blob[] }).exported.length === 2);
    const [markdown, json, names] = await popup.evaluate(async () => {
      const w = window as unknown as { exported: Blob[]; downloads: string[] };
      const texts = await Promise.all(w.exported.map((blob) => blob.text()));
      return [texts[0] ?? '', texts[1] ?? '', w.downloads] as const;
    });
    expect(names[0]).toMatch(/^cliq-pins-\d{4}-\d{2}-\d{2}\.md$/);
    expect(names[1]).toMatch(/^cliq-pins-\d{4}-\d{2}-\d{2}\.json$/);

    const data = JSON.parse(json) as {
      chats: { chatId: string; chatName: string; pins: { messageId: string; primary: boolean }[] }[];
    };
    const shown = await popup.$$eval('[data-testid=chat-pins]', (groups) =>
      groups.map((g) => g.getAttribute('data-chat-id')),
    );
    expect(data.chats.map((chat) => chat.chatId)).toEqual(shown);
    // A seeded pin expires 90 s after start: compare with the server only where nothing expires meanwhile,
    // which the default seed allows for one chat at most.
    const soon = sandbox.clock.now() + 60_000;
    let skipped = 0;
    for (const chat of data.chats) {
      if (serverPins(sandbox, chat.chatId).every((pin) => pin.expiry === -1 || pin.expiry > soon)) {
        expect(chat.pins.map((pin) => pin.messageId)).toEqual(serverPinIds(sandbox, chat.chatId));
      } else skipped += 1;
      expect(chat.pins.map((pin) => pin.primary)).toEqual(chat.pins.map((_, i) => i === 0));
      expect(markdown).toContain(`## ${chat.chatName.replace(/[\\`*_[\]<>|~#]/g, (ch) => `\\${ch}`)}`);
    }
    expect(skipped).toBeLessThanOrEqual(1);
    expect(data.chats.length - skipped).toBeGreaterThanOrEqual(2);
  });

  it('links each chat to the Cliq web app, learning the organisation from an open Cliq tab', async () => {
    const cliq = await session.browser.newPage();
    await cliq.goto(`${sandbox.url}/company/${sandbox.orgId}/chats`);
    const fresh = await openPopup(session);
    const chatId = chats[0] as string;
    const link = await fresh.waitForSelector(
      `[data-testid=chat-pins][data-chat-id="${chatId}"] [data-testid=open-in-cliq]`,
    );
    const href = await link?.evaluate((a) => a.getAttribute('href'));
    expect(href).toBe(`${sandbox.url}/company/${sandbox.orgId}/chats/${chatId}`);
    expect((await fetch(href as string)).status).toBe(200);
    await Promise.all([fresh.close(), cliq.close()]);
  });
});
