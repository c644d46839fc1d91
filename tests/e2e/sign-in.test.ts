import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox';
import { BROWSERS, type ExtensionSession, launchWithExtension } from './harness';
import { inContentScript } from './page-helpers';
import { signInToSandbox } from './sign-in';

describe.each(BROWSERS)('signing in through the sandbox in %s', (name) => {
  let session: ExtensionSession;
  let sandbox: Sandbox;

  beforeAll(async () => {
    [session, sandbox] = await Promise.all([launchWithExtension(name), startSandbox({ seed: 'default' })]);
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop()]);
  });

  it('signs in from the options page, and the popup then shows folders and pins fetched with that token', async () => {
    const options = await signInToSandbox(session, sandbox);
    expect(await options.$eval('[data-testid=account-status]', (el) => el.textContent)).toContain(sandbox.url);

    const popup = await session.openExtensionPage('popup.html');
    await popup.waitForSelector('[data-testid=folder]', { timeout: 20_000 });
    await popup.waitForSelector('[data-testid=pin]', { timeout: 20_000 });
    const folders = await popup.$$eval('[data-testid=folder]', (els) =>
      els.map((el) => el.getAttribute('data-folder-id')),
    );
    const seeded = sandbox.state.folders.map((f) => f.id);
    expect(folders.sort()).toEqual(seeded.sort());
    // Every request the extension made carried a token the sandbox accepted.
    const calls = sandbox.requests();
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((c) => c.status === 401 || c.status === 403)).toEqual([]);
  });

  let page: Page;
  let pageText = '';

  it('keeps the token out of the Cliq page', async () => {
    page = await session.browser.newPage();
    await page.goto(`${sandbox.url}/company/${sandbox.orgId}/chats`);
    await page.waitForSelector('cliq-pins-bar');
    // The page: no token in its DOM, its storage, or anything it can post to the extension.
    const fromPage = await page.evaluate(async () => {
      window.postMessage({ type: 'getAuthState', data: {} }, '*');
      window.postMessage({ type: 'getToken' }, '*');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const shadowText = [...document.querySelectorAll('*')].map((el) => el.shadowRoot?.textContent ?? '').join(' ');
      return { html: document.documentElement.outerHTML + shadowText, storage: JSON.stringify({ ...localStorage }) };
    });
    expect(fromPage.html).not.toMatch(/access_token|Bearer /);
    expect(fromPage.storage).toBe('{}');
    pageText = fromPage.html;
  });

  // Only Chromium exposes the content script's isolated world to the test (through CDP).
  it.runIf(name === 'chromium')('keeps the token out of reach of the content script', async () => {
    const tried = (await inContentScript(
      page,
      `(async () => {
        const api = globalThis.chrome;
        const local = JSON.stringify(await api.storage.local.get(null));
        let session;
        try { session = JSON.stringify(await api.storage.session.get(null)); } catch (e) { session = 'refused: ' + e.message; }
        const auth = await api.runtime.sendMessage({ type: 'getAuthState', data: {} });
        const token = await api.runtime.sendMessage({ type: 'getToken', data: {} });
        return { local, session, auth, token };
      })()`,
    )) as { local: string; session: string; auth: unknown; token: unknown };
    expect(tried.session).toMatch(/^refused: /);
    expect(tried.local).not.toMatch(/access_token|accessToken/);
    expect(tried.auth).toEqual({ ok: false, error: '"getAuthState" is not allowed from here.' });
    expect(tried.token).toEqual({ ok: false, error: 'Unknown message.' });
    // The token really exists, in the background's session storage.
    const worker = await session.worker();
    const held = (await worker.evaluate(
      `chrome.storage.session.get('authSession').then((s) => s.authSession?.accessToken ?? '')`,
    )) as string;
    expect(held.length).toBeGreaterThan(10);
    expect(tried.local).not.toContain(held);
    expect(pageText).not.toContain(held);
  });

  // Firefox's remote agent cannot open an extension page with a script set to run before the page's own.
  it.runIf(name === 'chromium')(
    'paints the last-seen first screen early on the next opening, and none of it once signed out',
    async () => {
      // Whether the early script put a snapshot row in the page at any moment, before the board replaced it.
      const open = async () => {
        const popup = await session.browser.newPage();
        await popup.evaluateOnNewDocument(() => {
          new MutationObserver(() => {
            if (document.querySelector('[data-snapshot-pin]')) document.documentElement.dataset.sawSnapshot = 'yes';
          }).observe(document, { childList: true, subtree: true });
        });
        await popup.goto(`${session.origin}/popup.html`);
        return popup;
      };
      let popup = await open();
      await popup.waitForSelector('[data-testid=pin]', { timeout: 20_000 });
      expect(await popup.$eval('html', (el) => el.dataset.sawSnapshot)).toBe('yes');
      // The board replaced it, and kept its own first screen for the next opening.
      expect(await popup.$('[data-snapshot-pin]')).toBeNull();
      await popup.close();

      const options = await session.openExtensionPage('options.html');
      await (await options.waitForSelector('[data-testid=sign-out]'))?.click();
      await options.waitForSelector('[data-testid=account-status][data-signed-in=false]', { timeout: 20_000 });
      expect(await options.evaluate(() => localStorage.getItem('popupSnapshot'))).toBeNull();
      popup = await open();
      await popup.waitForSelector('[data-testid=popup-sign-in]', { timeout: 20_000 });
      expect(await popup.$eval('html', (el) => el.dataset.sawSnapshot)).toBeUndefined();
      await Promise.all([popup.close(), options.close()]);
    },
  );
});
