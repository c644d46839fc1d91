import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox';
import { BROWSERS, type ExtensionSession } from './harness';
import {
  clickOn,
  cliqPinsErrors,
  HANNAH,
  inBar,
  inChatMenu,
  inDialog,
  inFolders,
  MINUTE_MS,
  openBarPanel,
  openChat,
  openPinDialog,
  pageChatItem,
  signedInSession,
  waitFor,
} from './page-helpers';

/** Each sets `window.__pwned` if anything ever renders it as HTML (or follows it as a link). */
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=true">',
  '<script>window.__pwned=true</script>',
  '<a href="javascript:window.__pwned=true">open me</a>',
  '<svg><svg onload="window.__pwned=true"></svg></svg>',
  '"><iframe srcdoc="<script>parent.__pwned=true</script>"></iframe>',
];
const MALLORY = {
  id: '61000666',
  name: '<img src=x onerror="window.__pwned=true">Mallory',
  active: true,
  external: false,
};
const ROOM = 'CT_9100000000000000666_700012345';
const ROOM_TITLE = '<script>window.__pwned=true</script>Evil <b>Room</b>';
const FOLDER_TITLE = '<img src=x onerror="window.__pwned=true">Folder';
const FOLDER_SYMBOL = '<svg onload="window.__pwned=true">';
const LINK_FOLDER = '<a href="javascript:window.__pwned=true">Link folder</a>';
const messageIdOf = (i: number) => `17724666000${i}0_66600000${i}`;

const SEED = {
  users: [HANNAH, MALLORY],
  chats: [
    {
      id: ROOM,
      type: 'group_chat' as const,
      title: ROOM_TITLE,
      memberIds: [HANNAH.id, MALLORY.id],
      messages: PAYLOADS.map((text, i) => ({ id: messageIdOf(i), senderId: MALLORY.id, text })),
    },
  ],
  pins: PAYLOADS.slice(0, 4).map((_, i) => ({ chatId: ROOM, messageId: messageIdOf(i) })),
  myPins: [ROOM],
  folders: [
    { title: FOLDER_TITLE, symbol: FOLDER_SYMBOL, chatIds: [ROOM] },
    { title: LINK_FOLDER, symbol: '', chatIds: [] },
  ],
};

/** Everything Cliq Pins rendered: the text of its shadow roots, and any element there that could run script. */
function ourUis(page: Page) {
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('cliq-pins-'));
    const roots = hosts.map((host) => host.shadowRoot).filter((root): root is ShadowRoot => Boolean(root));
    const nested = roots.flatMap((root) => [...root.querySelectorAll('*')].map((el) => el.shadowRoot).filter(Boolean));
    const all = [...roots, ...(nested as ShadowRoot[])];
    return {
      text: all.map((root) => root.textContent ?? '').join('\n'),
      dangerous: all.flatMap((root) =>
        [...root.querySelectorAll('img, script, svg, iframe, a, [onerror], [onload], [href], [srcdoc]')].map(
          (el) => el.outerHTML,
        ),
      ),
    };
  });
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned === true);

describe.each(BROWSERS)('hostile messages, chat names and folder titles in %s', (name) => {
  let sandbox: Sandbox;
  let session: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 'empty', minuteMs: MINUTE_MS });
    session = await signedInSession(name, sandbox, SEED);
    page = await openChat(session, sandbox, ROOM);
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop()]);
  });

  afterEach(() => {
    expect(cliqPinsErrors(page)).toEqual([]);
  });

  it('shows pinned messages and their senders as text in the pinned bar', async () => {
    await page.waitForFunction(
      () => document.querySelector('cliq-pins-bar')?.shadowRoot?.textContent?.includes('4 pinned'),
      { timeout: 20_000 },
    );
    await openBarPanel(page);
    const { text, dangerous } = await ourUis(page);
    for (const payload of PAYLOADS.slice(0, 4)) expect(text).toContain(payload);
    expect(text).toContain(MALLORY.name);
    expect(dangerous).toEqual([]);
    await page.click(inBar('[data-testid=pinned-bar-primary]'));
    expect(await pwned(page)).toBe(false);
  });

  it('shows a message as text in the pin dialog', async () => {
    await page.keyboard.press('Escape');
    await openPinDialog(page, messageIdOf(4));
    const preview = await page.$eval(inDialog('[data-testid=pin-preview]'), (el) => el.textContent);
    expect(preview).toBe(`${MALLORY.name}: ${PAYLOADS[4]}`);
    expect((await ourUis(page)).dangerous).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('shows folder titles, symbols and chat names as text in both folder menus', async () => {
    await clickOn(page, inFolders('[data-testid=folder-button]'));
    await waitFor(page, inFolders('[data-testid=folder-row]:nth-child(3)'));
    const menu = await page.$eval(inFolders('[data-testid=folder-menu]'), (el) => el.textContent ?? '');
    // A symbol that is no emoji (nor a Cliq :name: code) shows as the plain folder, never as markup or raw text.
    expect(menu).toContain(`📁 ${FOLDER_TITLE}`);
    expect(menu).not.toContain(FOLDER_SYMBOL);
    expect(menu).toContain(LINK_FOLDER);
    expect(menu).toContain(`Pin “${ROOM_TITLE}” to a folder`);
    expect(await page.$eval(inFolders('[data-testid=folder-button]'), (el) => el.textContent)).toContain(FOLDER_TITLE);
    await page.keyboard.press('Escape');

    await page.hover(pageChatItem(ROOM));
    await clickOn(page, inChatMenu('[data-testid=chat-folder-button]'));
    const fromList = await waitFor(page, inChatMenu('[data-testid=folder-menu]'));
    expect(await fromList.evaluate((el) => el.querySelector('h2')?.textContent)).toBe(
      `Pin “${ROOM_TITLE}” to a folder`,
    );
    await page.keyboard.press('Escape');
  });

  // Chromium only: Firefox's extension addresses are random per install, so there is no fixed address to probe.
  it.runIf(name === 'chromium')(
    'cannot tell from the on-demand script, by its fixed address, that Cliq Pins is installed',
    async () => {
      const probe = (url: string) =>
        fetch(url).then(
          (response) => response.ok,
          () => false,
        );
      expect(await page.evaluate(probe, `${session.origin}/cliq-on-demand.js`)).toBe(false);
    },
  );

  it('never ran any of it, in the page or in its own UIs', async () => {
    const { dangerous } = await ourUis(page);
    expect(dangerous).toEqual([]);
    // Let any image error or frame load that slipped through fire.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await pwned(page)).toBe(false);
    // The page itself rendered the same strings as text too: the payloads were really there to run.
    expect(await page.$eval('[purpose=chatheader] [purpose=chattitle]', (el) => el.textContent)).toBe(ROOM_TITLE);
  });
});
