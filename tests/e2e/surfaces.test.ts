import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox';
import { BROWSERS, type ExtensionSession } from './harness';
import {
  clickOn,
  eventually,
  folderHolding,
  HANNAH,
  inBar,
  inDialog,
  MINUTE_MS,
  messageId,
  messages,
  OMAR,
  openChat,
  openPinDialog,
  PIN_MARKER,
  pageChatItem,
  pageMessage,
  pinsOf,
  signedInSession,
  waitFor,
} from './page-helpers';
import { openSidePanel, shotsDir, viaBackground } from './surfaces-helpers';

const BUDGET = 'CT_9100000000000000031_700012345';
const LUNCH = 'CT_9100000000000000032_700012345';
/** Message ids need Cliq's 13-digit epoch: chat numbers are single digits. */
const b = (n: number) => messageId(3, n);
const l = (n: number) => messageId(4, n);
const HOUR = 3_600_000;

const SEED = {
  users: [HANNAH, OMAR],
  chats: [
    {
      id: BUDGET,
      type: 'group_chat' as const,
      title: 'Budget Room',
      memberIds: [HANNAH.id, OMAR.id],
      messages: messages(3, 6, (n) => (n === 1 ? 'Q3 budget <draft> & notes' : `Budget line ${n}`)),
    },
    {
      id: LUNCH,
      type: 'group_chat' as const,
      title: 'Lunch Room',
      memberIds: [HANNAH.id, OMAR.id],
      messages: messages(4, 4, (n) => `Lunch plan ${n}`),
    },
  ],
  pins: [
    { chatId: BUDGET, messageId: b(1), expiry: Date.now() + 48 * HOUR },
    { chatId: BUDGET, messageId: b(2) },
    // The one pin that expires within 24 hours.
    { chatId: LUNCH, messageId: l(1), expiry: Date.now() + 3 * HOUR },
  ],
  folders: [{ title: 'Finance', symbol: '💰', chatIds: [] }],
};

/** The sandbox's tab: match patterns take no port (Firefox finds nothing with one). */
const CLIQ_TAB = 'http://127.0.0.1/*';

/** The chats the side panel lists, top to bottom, and which one it marks as the tab's. */
const panelChats = (panel: Page) =>
  panel.$$eval('[data-testid=chat-pins]', (groups) =>
    groups.map((g) => ({ chatId: g.getAttribute('data-chat-id'), here: g.getAttribute('data-here') === 'true' })),
  );
const shownIn = (panel: Page, chatId: string) =>
  panel.$$eval(`[data-testid=chat-pins][data-chat-id="${chatId}"] [data-testid=pin]`, (rows) =>
    rows.map((row) => row.getAttribute('data-message-id')),
  );

/** Right-clicks an element of the page: the event the browser fires before it shows its context menu. */
async function rightClick(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector);
  await page.$eval(selector, (element) => {
    const { left, top } = element.getBoundingClientRect();
    const init = { bubbles: true, cancelable: true, composed: true, button: 2, clientX: left + 5, clientY: top + 5 };
    element.dispatchEvent(new MouseEvent('contextmenu', init));
  });
}

describe.each(BROWSERS)('side panel, context menu and address bar in %s', (name) => {
  let sandbox: Sandbox;
  let session: ExtensionSession;
  let page: Page;
  let panel: Page;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 'empty', minuteMs: MINUTE_MS });
    session = await signedInSession(name, sandbox, SEED);
    page = await openChat(session, sandbox, LUNCH);
    await waitFor(page, inBar('[data-testid=pinned-bar][data-state=ready]'));
    panel = await openSidePanel(session, page);
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop()]);
  });

  /** The background's own handler for a chosen context-menu entry, for the tab `page` shows. */
  const chooseMenuEntry = (menuItemId: string) =>
    viaBackground(
      session,
      `(async () => {
        const [tab] = await browser.tabs.query({ url: ${JSON.stringify(CLIQ_TAB)} });
        await hooks.menus.clicked({ menuItemId: ${JSON.stringify(menuItemId)}, frameId: 0 }, tab);
      })()`,
    );

  it('renders the board and puts the chat of the tab beside it first, marked, following the tab', async () => {
    await vi.waitFor(async () => expect((await panelChats(panel))[0]).toEqual({ chatId: LUNCH, here: true }), {
      timeout: 20_000,
    });
    expect((await panelChats(panel)).map((c) => c.chatId)).toEqual([LUNCH, BUDGET]);
    expect(await panel.$eval('[data-here] .here-tag', (el) => el.textContent)).toBe('This chat');

    // The tab moves to another chat (Cliq's single-page navigation): the panel follows.
    await page.click(pageChatItem(BUDGET));
    await vi.waitFor(async () => expect((await panelChats(panel))[0]).toEqual({ chatId: BUDGET, here: true }), {
      timeout: 20_000,
    });
    expect((await panelChats(panel)).filter((c) => c.here)).toHaveLength(1);
    await page.waitForSelector(`body[data-rendered-chat-id="${BUDGET}"]`);
  });

  it('shows a pin made in the page at once, and the page shows an unpin made in the panel', async () => {
    await openPinDialog(page, b(3));
    await page.click(inDialog('[data-testid=expiry-week]'));
    await page.click(inDialog('[data-testid=dialog-pin]'));
    await vi.waitFor(async () => expect(await shownIn(panel, BUDGET)).toContain(b(3)), { timeout: 20_000 });

    await panel.click(`[data-testid=pin][data-message-id="${b(3)}"] input[type=checkbox]`);
    await panel.click('[data-testid=bulk-unpin]');
    await panel.waitForSelector('[data-testid=confirm][open] [data-testid=confirm-action]');
    await panel.click('[data-testid=confirm-action]');
    await eventually(() => expect(pinsOf(sandbox, BUDGET).map((p) => p.messageId)).not.toContain(b(3)));
    // The page's pinned marker goes when the panel's unpin lands.
    await page.waitForFunction(
      (selector: string) => document.querySelector(selector) === null,
      { timeout: 20_000 },
      `${pageMessage(b(3))} ${PIN_MARKER}`,
    );
  });

  it('screenshots the side panel at 360 px', async () => {
    await panel.setViewport({ width: 360, height: 720 });
    if (name === 'chromium') {
      for (const scheme of ['light', 'dark'] as const) {
        await panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await panel.screenshot({ path: `${await shotsDir()}/sidepanel-${name}-360-${scheme}.png` });
      }
    } else {
      // Firefox's remote agent has no colour-scheme emulation: the sidebar as the profile shows it.
      await panel.screenshot({ path: `${await shotsDir()}/sidepanel-${name}-360.png` });
    }
    const width = await panel.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  });

  it('context menu (headless: contextmenu event in the page, then the background’s click handler): "Pin message…" opens the in-page dialog for the right-clicked message, and it is pinned in Cliq', async () => {
    await rightClick(page, pageMessage(b(4)));
    await chooseMenuEntry('cliq-pins-pin');
    const dialog = await waitFor(page, inDialog('[data-testid=pin-dialog]'));
    expect(await dialog.evaluate((el) => el.textContent)).toContain('Budget line 4');
    await clickOn(page, inDialog('[data-testid=expiry-week]'));
    await page.click(inDialog('[data-testid=dialog-pin]'));
    await eventually(() => expect(pinsOf(sandbox, BUDGET).map((p) => p.messageId)).toContain(b(4)));
  });

  it('context menu (same simulation): "Unpin message" unpins the right-clicked message in Cliq, no other', async () => {
    await rightClick(page, pageMessage(b(2)));
    await chooseMenuEntry('cliq-pins-unpin');
    await eventually(() => {
      const ids = pinsOf(sandbox, BUDGET).map((p) => p.messageId);
      expect(ids).not.toContain(b(2));
      expect(ids).toContain(b(1));
    });
  });

  it('context menu (same simulation): "Add chat to folder ▸ Finance" on a chat in the list puts that chat in the folder', async () => {
    const finance = sandbox.state.folders.find((f) => f.title === 'Finance');
    await rightClick(page, pageChatItem(LUNCH));
    await chooseMenuEntry(`cliq-pins-folder:${finance?.id}`);
    await eventually(() => expect(folderHolding(sandbox, LUNCH)).toContain('Finance'));
  });

  it('address bar: "pins budget" suggests matching pins, escaped for Chrome, and opens the chosen one in the Cliq tab', async () => {
    const suggestions = (await viaBackground(session, 'hooks.omnibox.suggest("budget q3")')) as {
      content: string;
      description: string;
    }[];
    expect(suggestions).toHaveLength(1);
    const [first] = suggestions;
    expect(first?.content).toBe(`${sandbox.url}/company/${sandbox.orgId}/chats/${BUDGET}/messages/${b(1)}`);
    expect(first?.description).toContain(
      name === 'chromium' ? 'Q3 budget &lt;draft&gt; &amp; notes' : 'Q3 budget <draft> & notes',
    );
    expect(first?.description).toContain('Budget Room');

    const cliqTabs = () => viaBackground(session, `browser.tabs.query({ url: ${JSON.stringify(CLIQ_TAB)} })`);
    const before = (await cliqTabs()) as { id: number }[];
    expect(before).toHaveLength(1);
    await viaBackground(session, `hooks.omnibox.enter(${JSON.stringify(first?.content)}, 'newForegroundTab')`);
    await vi.waitFor(() => expect(page.url()).toBe(first?.content), { timeout: 20_000 });
    // The existing Cliq tab went to the message; no second one was opened.
    expect(((await cliqTabs()) as { id: number }[]).map((tab) => tab.id)).toEqual(before.map((tab) => tab.id));
    await page.waitForSelector(`body[data-rendered-chat-id="${BUDGET}"]`);
  });

  it.runIf(name === 'chromium')('the popup’s "Open in side panel" opens the board in Chrome’s side panel', async () => {
    const panels = async () =>
      (await session.browser.targets()).filter((t) => t.url() === `${session.origin}/sidepanel.html`).length;
    const before = await panels();
    const popup = await session.openExtensionPage('popup.html');
    await popup.click('[data-testid=open-side-panel]');
    await vi.waitFor(async () => expect(await panels()).toBe(before + 1), { timeout: 20_000 });
  });

  it.runIf(name === 'firefox')('the popup’s "Open in side panel" opens Firefox’s sidebar', async () => {
    expect(await viaBackground(session, 'browser.sidebarAction.isOpen({})')).toBe(false);
    const popup = await session.openExtensionPage('popup.html');
    await popup.click('[data-testid=open-side-panel]');
    await vi.waitFor(async () => expect(await viaBackground(session, 'browser.sidebarAction.isOpen({})')).toBe(true), {
      timeout: 20_000,
    });
  });

  it('the badge counts pins expiring within 24 hours only once the user turns it on in the options page', async () => {
    const badge = () => viaBackground(session, 'browser.action.getBadgeText({})');
    expect(await badge()).toBe('');
    const options = await session.openExtensionPage('options.html');
    await options.waitForSelector('[data-testid=badge-expiring]:not([disabled])');
    await options.click('[data-testid=badge-expiring]');
    await vi.waitFor(async () => expect(await badge()).toBe('1'), { timeout: 20_000 });
    await options.click('[data-testid=badge-expiring]');
    await vi.waitFor(async () => expect(await badge()).toBe(''), { timeout: 20_000 });
    await options.close();
  });
});
