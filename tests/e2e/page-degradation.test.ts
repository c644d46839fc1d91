import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox';
import { BROWSERS, type ExtensionSession } from './harness';
import {
  clickOn,
  control,
  eventually,
  folderHolding,
  HANNAH,
  inBar,
  inFolders,
  MINUTE_MS,
  messageId,
  messages,
  OMAR,
  ORG,
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

describe.each(BROWSERS)('a Cliq page whose markup changed (sandbox markup v2) in %s', (name) => {
  let sandbox: Sandbox;
  let session: ExtensionSession;
  let page: Page;
  const warnings: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 'empty', minuteMs: MINUTE_MS });
    session = await signedInSession(name, sandbox, SEED);
    await control(sandbox, 'markup', { markup: 'v2' });
    page = await session.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on('console', (message) => {
      if (message.type() === 'warn' && message.text().includes('Cliq Pins')) warnings.push(message.text());
      if (message.type() === 'error' && message.text().includes('Cliq Pins')) errors.push(message.text());
    });
    await page.goto(`${sandbox.url}/company/${ORG}/chats/${ROOM}`);
    await page.waitForSelector(`body[data-rendered-chat-id="${ROOM}"][data-markup=v2]`);
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop()]);
  });

  it('still shows the pinned bar, keyed from the URL, in a corner of the page', async () => {
    await waitFor(page, 'body > cliq-pins-dock > cliq-pins-bar', AFTER_GRACE_MS + 5_000);
    await waitFor(page, inBar(`[data-testid=pinned-bar][data-state=ready][data-chat-id="${ROOM}"]`));
    await page.waitForFunction(
      () => document.querySelector('cliq-pins-bar')?.shadowRoot?.textContent?.includes('3 pinned'),
      { timeout: 20_000 },
    );
  });

  it('still pins the chat to a folder from the folder menu in that corner', async () => {
    await clickOn(page, inFolders('[data-testid=folder-button]'));
    const urgent = sandbox.state.folders.find((f) => f.title === 'Urgent')?.id;
    await clickOn(page, inFolders(`[data-testid=folder-row][data-folder-id="${urgent}"] [data-testid=folder-toggle]`));
    await eventually(() => expect(folderHolding(sandbox, ROOM)).toEqual(['Urgent']));
    await page.keyboard.press('Escape');
  });

  it("leaves the page's own markup untouched", async () => {
    const page_ = await page.evaluate(() => ({
      marked: document.querySelectorAll('[data-cliq-pins], [data-cliq-pins-jumped]').length,
      oursInApp: [...document.querySelectorAll('#app *')].filter((el) => el.localName.startsWith('cliq-pins')).length,
      tools: [...document.querySelectorAll('.zc-bubble')].map((b) => b.querySelectorAll('.zc-tools button').length),
    }));
    expect(page_).toEqual({ marked: 0, oursInApp: 0, tools: [3, 3, 3, 3, 3, 3] });
  });

  it("keeps the page's own UI working, and the bar follows its navigation", async () => {
    await page.hover('.zc-bubble:last-child');
    expect(await page.$eval('.zc-bubble:last-child .zc-tools', (el) => getComputedStyle(el).display)).toBe('flex');

    await page.click(`a.zc-conv[data-conv-id="${OTHER}"]`);
    await page.waitForSelector(`body[data-rendered-chat-id="${OTHER}"]`);
    expect(new URL(page.url()).pathname).toBe(`/company/${ORG}/chats/${OTHER}`);
    await waitFor(page, inBar(`[data-testid=pinned-bar][data-state=ready][data-chat-id="${OTHER}"]`));
    await page.waitForFunction(
      () => document.querySelector('cliq-pins-bar')?.shadowRoot?.textContent?.includes('1 pinned'),
      { timeout: 20_000 },
    );

    await control(sandbox, `chats/${OTHER}/messages`, { text: 'Live after the markup change', senderId: OMAR.id });
    await page.waitForFunction(
      () => [...document.querySelectorAll('.zc-body')].some((el) => el.textContent === 'Live after the markup change'),
      { timeout: 10_000 },
    );
  });

  it('says so in exactly one console warning that names the features it turned off', async () => {
    // Past the grace period of the chat navigated to as well: a second miss must not warn again.
    await new Promise((resolve) => setTimeout(resolve, AFTER_GRACE_MS));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/off: .*pin-message \(no message list\)/);
    expect(warnings[0]).toContain('chat-list-folders (no chat list)');
    expect(warnings[0]).toMatch(/in a corner instead: .*pinned-bar \(no chat header\)/);
    expect(errors).toEqual([]);
  });
});
