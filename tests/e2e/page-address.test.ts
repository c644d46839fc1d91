import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox';
import { BROWSERS, type ExtensionSession } from './harness';
import {
  eventually,
  HANNAH,
  inBar,
  inDialog,
  MINUTE_MS,
  messages,
  OMAR,
  openPinDialog,
  PIN_CONTROL,
  pageChatItem,
  pinsOf,
  signedInSession,
  waitFor,
} from './page-helpers';

const ROOM = 'CT_9100000000000000012_700012345';
const CHANNEL = 'CT_9100000000000000013_700012345';

const SEED = {
  users: [HANNAH, OMAR],
  chats: [
    { id: ROOM, type: 'group_chat' as const, title: 'Entry Room', memberIds: [HANNAH.id], messages: messages(5, 4) },
    {
      id: CHANNEL,
      type: 'channel' as const,
      title: 'Release Room',
      uniqueName: 'release-room',
      memberIds: [OMAR.id],
      messages: messages(6, 3),
    },
  ],
};

/** The chat the page shows, as the test hook says; the address names none. */
const renderedChat = (page: Page) => page.$eval('body', (body) => body.getAttribute('data-rendered-chat-id') ?? '');
const firstMessageId = (page: Page) =>
  page.$eval('[msg-cont][msguid]', (el) => (el.getAttribute('msguid') ?? '').replace('%20', '_'));

describe.each(BROWSERS)('chats opened where the address names none (/index.do, /channels/<name>) in %s', (name) => {
  let sandbox: Sandbox;
  let session: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 'empty', minuteMs: MINUTE_MS });
    session = await signedInSession(name, sandbox, SEED);
    page = await session.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop()]);
  });

  it('at /index.do, pins a message of the chat the page shows, with an expiry, and shows its bar', async () => {
    await page.goto(`${sandbox.url}/index.do`);
    await page.waitForSelector('body[data-rendered-chat-id]');
    const chatId = await renderedChat(page);
    await page.waitForSelector(PIN_CONTROL, { timeout: 15_000 });
    await waitFor(page, inBar(`[data-testid=pinned-bar][data-state=ready][data-chat-id="${chatId}"]`));
    const target = await firstMessageId(page);
    await openPinDialog(page, target);
    await page.click(inDialog('[data-testid=expiry-week]'));
    await page.click(inDialog('[data-testid=dialog-pin]'));
    const entry = await eventually(() => {
      const found = pinsOf(sandbox, chatId).find((p) => p.messageId === target);
      expect(found).toBeDefined();
      return found;
    });
    expect(entry?.expiry).toBeGreaterThan(Date.now() + 6 * 24 * 3_600_000);
    await page.keyboard.press('Escape');
  });

  it('follows the page to another chat while the address stays /index.do', async () => {
    const before = await renderedChat(page);
    const other = before === ROOM ? CHANNEL : ROOM;
    await page.click(pageChatItem(other));
    await page.waitForSelector(`body[data-rendered-chat-id="${other}"]`);
    expect(new URL(page.url()).pathname).toBe('/index.do');
    await waitFor(page, inBar(`[data-testid=pinned-bar][data-state=ready][data-chat-id="${other}"]`));
    expect(await page.$$(inBar(`[data-testid=pinned-bar][data-chat-id="${before}"]`))).toHaveLength(0);
  });

  it('at /channels/<name>, takes the channel from the page', async () => {
    await page.goto(`${sandbox.url}/channels/release-room`);
    await page.waitForSelector(`body[data-rendered-chat-id="${CHANNEL}"]`);
    await waitFor(page, inBar(`[data-testid=pinned-bar][data-state=ready][data-chat-id="${CHANNEL}"]`));
    // The one pin control sits in a message of the channel the page shows.
    await page.waitForFunction(
      (control: string, channel: string) => {
        const controls = document.querySelectorAll(control);
        return controls.length === 1 && controls[0]?.parentElement?.getAttribute('chid') === channel;
      },
      {},
      PIN_CONTROL,
      CHANNEL,
    );
  });
});
