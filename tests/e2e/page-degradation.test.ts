import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox';
import { BROWSERS, type ExtensionSession } from './harness';
import {
  barRows,
  clickOn,
  control,
  eventually,
  folderHolding,
  HANNAH,
  inBar,
  inDialog,
  inFolders,
  MINUTE_MS,
  messageId,
  messages,
  OMAR,
  ORG,
  openBarPanel,
  openPinDialog,
  PIN_CONTROL,
  PIN_MARKER,
  pinsOf,
  signedInSession,
  waitFor,
} from './page-helpers';

const ROOM = 'CT_9100000000000000007_700012345';
const OTHER = 'CT_9100000000000000008_700012345';

const SEED = {
  users: [HANNAH, OMAR],
  chats: [
    {
      id: ROOM,
      type: 'group_chat' as const,
      title: 'Changed Room',
      memberIds: [HANNAH.id, OMAR.id],
      messages: messages(7, 6),
    },
    {
      id: OTHER,
      type: 'group_chat' as const,
      title: 'Other Changed Room',
      memberIds: [OMAR.id],
      messages: messages(8, 3),
    },
  ],
  pins: [
    { chatId: ROOM, messageId: messageId(7, 1) },
    { chatId: ROOM, messageId: messageId(7, 2) },
    { chatId: ROOM, messageId: messageId(7, 3) },
    { chatId: OTHER, messageId: messageId(8, 1) },
  ],
  folders: [{ title: 'Urgent', symbol: '🔥', chatIds: [] }],
};

/** The grace period the content script gives Cliq to render before it reports a part missing, and some. */
const AFTER_GRACE_MS = 7_000;

describe.each(BROWSERS)(
  'a Cliq page whose classes and unknown parts are all renamed (markup scrambled) in %s',
  (name) => {
    let sandbox: Sandbox;
    let session: ExtensionSession;
    let page: Page;
    const warnings: string[] = [];
    const errors: string[] = [];
    const infos: string[] = [];

    beforeAll(async () => {
      sandbox = await startSandbox({ seed: 'empty', minuteMs: MINUTE_MS });
      session = await signedInSession(name, sandbox, SEED);
      await control(sandbox, 'markup', { markup: 'scrambled' });
      page = await session.browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      page.on('console', (message) => {
        if (!message.text().includes('Cliq Pins')) return;
        if (message.type() === 'warn') warnings.push(message.text());
        else if (message.type() === 'error') errors.push(message.text());
        else if (message.type() === 'info') infos.push(message.text());
      });
      await page.goto(`${sandbox.url}/company/${ORG}/chats/${ROOM}`);
      await page.waitForSelector(`body[data-rendered-chat-id="${ROOM}"][data-markup=scrambled]`);
    });
    afterAll(async () => {
      await Promise.all([session?.close(), sandbox?.stop()]);
    });

    it('recognises the messages by their id attributes: the pinned ones wear a marker, dividers none', async () => {
      const pinned = [1, 2, 3].map((n) => messageId(7, n).replace('_', '%20'));
      const marked = await page.waitForFunction(
        (marker: string, count: number) => {
          const markers = [...document.querySelectorAll(marker)];
          if (markers.length !== count || !document.querySelector('[purpose=date]')) return false;
          // The id each marked message carries, whatever the scrambled markup calls the attribute.
          const idOf = (element: Element) => [...element.attributes].find((a) => /^\d{13}%20/.test(a.value))?.value;
          return markers.map((marker) => {
            let at = marker.parentElement;
            while (at && !idOf(at)) at = at.parentElement;
            return at && idOf(at);
          });
        },
        { timeout: 20_000 },
        PIN_MARKER,
        pinned.length,
      );
      expect(await marked.jsonValue()).toEqual(pinned);
      expect(await page.$(`[purpose=date] ${PIN_MARKER}`)).toBeNull();
    });

    it('pins a message with an expiry through the fallback, judged by the sandbox', async () => {
      const target = messageId(7, 5);
      await openPinDialog(page, target);
      await page.click(inDialog('[data-testid=expiry-hour]'));
      await page.click(inDialog('[data-testid=dialog-pin]'));
      const entry = await eventually(() => {
        const found = pinsOf(sandbox, ROOM).find((p) => p.messageId === target);
        expect(found).toBeDefined();
        return found;
      });
      // "In an hour", from the moment of the click.
      expect(entry?.expiry).toBeGreaterThan(Date.now() + 55 * 60_000);
      expect(entry?.expiry).toBeLessThanOrEqual(Date.now() + 60 * 60_000);
      await page.keyboard.press('Escape');
    });

    it('shows the pinned bar in the corner dock, the header being unknown', async () => {
      await waitFor(page, 'body > cliq-pins-dock > cliq-pins-bar', AFTER_GRACE_MS + 5_000);
      await waitFor(page, inBar(`[data-testid=pinned-bar][data-state=ready][data-chat-id="${ROOM}"]`));
      await openBarPanel(page);
      await eventually(async () => expect((await barRows(page)).length).toBe(4));
      await page.keyboard.press('Escape');
    });

    it('pins the chat to a folder from the folder menu in that corner', async () => {
      await clickOn(page, inFolders('[data-testid=folder-button]'));
      const urgent = sandbox.state.folders.find((f) => f.title === 'Urgent')?.id;
      await clickOn(
        page,
        inFolders(`[data-testid=folder-row][data-folder-id="${urgent}"] [data-testid=folder-toggle]`),
      );
      await eventually(() => expect(folderHolding(sandbox, ROOM)).toEqual(['Urgent']));
      await page.keyboard.press('Escape');
    });

    it('follows the page to another chat, and gives live messages their control', async () => {
      await page.click(`[chid="${OTHER}"]:not([purpose=chatview])`);
      await page.waitForSelector(`body[data-rendered-chat-id="${OTHER}"]`);
      await waitFor(page, inBar(`[data-testid=pinned-bar][data-state=ready][data-chat-id="${OTHER}"]`));
      await openBarPanel(page);
      await eventually(async () => expect((await barRows(page)).map((row) => row.id)).toEqual([messageId(8, 1)]));
      await page.keyboard.press('Escape');
      const live = (await control(sandbox, `chats/${OTHER}/messages`, {
        text: 'Live after the markup change',
        senderId: OMAR.id,
      })) as { id: string };
      // The page renders it at its next poll, under whatever attribute names the scrambled markup uses.
      await page.waitForFunction(
        (value: string) =>
          [...document.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.value === value)),
        { timeout: 10_000 },
        live.id.replace('_', '%20'),
      );
      // The one pin control reaches it under the pointer and opens its dialog.
      await openPinDialog(page, live.id);
      await page.keyboard.press('Escape');
      expect(await page.$$eval(PIN_CONTROL, (els) => els.length)).toBe(1);
    });

    it('says once, as information, that the fallback is in use; no warning for the unknown header or chat list', async () => {
      await new Promise((resolve) => setTimeout(resolve, AFTER_GRACE_MS));
      expect(infos.filter((line) => line.includes('fallback'))).toHaveLength(1);
      expect(warnings).toEqual([]);
      expect(errors).toEqual([]);
    });
  },
);
