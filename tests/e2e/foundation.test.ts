import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox';
import { BROWSERS, type ExtensionSession, launchWithExtension } from './harness';

describe.each(BROWSERS)('the built extension in %s', (name) => {
  let session: ExtensionSession;
  let sandbox: Sandbox;

  beforeAll(async () => {
    [session, sandbox] = await Promise.all([launchWithExtension(name), startSandbox({ seed: 'default' })]);
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop()]);
  });

  it('renders the popup with Preact, and the background tells it nobody is signed in yet', async () => {
    const page = await session.openExtensionPage('popup.html');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Cliq Pins');
    const signedOut = await page.waitForSelector('[data-testid=signed-out]', { timeout: 15_000 });
    expect(await signedOut?.evaluate((el) => el.textContent)).toContain('Not signed in.');
  });

  it("renders the options page from the background's sign-in state, and the typed ping's version", async () => {
    const page = await session.openExtensionPage('options.html');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Cliq Pins settings');
    const status = await page.waitForSelector('[data-testid=account-status]', { timeout: 15_000 });
    expect(await status?.evaluate((el) => el.getAttribute('data-signed-in'))).toBe('false');
    const health = await page.waitForSelector('[data-testid=background-health]', { timeout: 15_000 });
    expect(await health?.evaluate((el) => el.textContent)).toBe('Cliq Pins 0.1.0, background running.');
  });

  it("mounts its shadow-root UI in the header of the sandbox's Cliq page, and that UI reaches the background", async () => {
    const page = await session.browser.newPage();
    await page.goto(`${sandbox.url}/company/${sandbox.orgId}/chats`);
    const body = await page.waitForSelector('body[data-rendered-chat-id]');
    const chatId = await body?.evaluate((el) => el.getAttribute('data-rendered-chat-id'));
    const host = await page.waitForSelector('[purpose=chatheader] cliq-pins-bar', { timeout: 15_000 });
    expect(await host?.evaluate((el) => Boolean(el.shadowRoot))).toBe(true);
    // `ready` only once the background answered for this chat's pins (nobody is signed in: none yet).
    await page.waitForFunction(
      () =>
        document
          .querySelector('cliq-pins-bar')
          ?.shadowRoot?.querySelector('[data-testid=pinned-bar][data-state=ready]'),
      { timeout: 15_000 },
    );
    const barChat = await page.$eval('cliq-pins-bar >>> [data-testid=pinned-bar]', (el) =>
      el.getAttribute('data-chat-id'),
    );
    expect(barChat).toBe(chatId);
    // The page's own stylesheet cannot reach inside: the bar lives in a shadow root, not the page DOM.
    expect(await page.$('[purpose=chatheader] [data-testid=pinned-bar]')).toBeNull();
  });
});
