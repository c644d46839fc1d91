import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type ExtensionSession, launchWithExtension } from './harness';
import { serveCliqFixture } from './page-server';

async function statusText(page: Page): Promise<string> {
  const status = await page.waitForSelector('[data-testid=background-status][data-state]', { timeout: 15_000 });
  return (await status?.evaluate((el) => `${el.getAttribute('data-state')}: ${el.textContent}`)) ?? '';
}

describe.each(BROWSERS)('the built extension in %s', (name) => {
  let session: ExtensionSession;
  let fixture: Awaited<ReturnType<typeof serveCliqFixture>>;

  beforeAll(async () => {
    [session, fixture] = await Promise.all([launchWithExtension(name), serveCliqFixture()]);
  });
  afterAll(async () => {
    await Promise.all([session?.close(), fixture?.close()]);
  });

  it('renders the popup with Preact and gets an answer to a typed ping from the background', async () => {
    const page = await session.openExtensionPage('popup.html');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Cliq Pins');
    expect(await statusText(page)).toBe('ok: Connected to the background (version 0.1.0).');
  });

  it('renders the options page, which reaches the background too', async () => {
    const page = await session.openExtensionPage('options.html');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Cliq Pins settings');
    expect(await statusText(page)).toMatch(/^ok: /);
  });

  it('mounts its shadow-root UI in the Cliq page header, and that UI reaches the background', async () => {
    const page = await session.browser.newPage();
    await page.goto(fixture.url);
    const host = await page.waitForSelector('.chat-header cliq-pins-badge', { timeout: 15_000 });
    const inside = await host?.evaluate((el) => {
      const status = el.shadowRoot?.querySelector('[data-testid=background-status][data-state=ok]');
      return { shadow: Boolean(el.shadowRoot), status: status?.textContent ?? null };
    });
    expect(inside?.shadow).toBe(true);
    await page.waitForFunction(
      () => document.querySelector('cliq-pins-badge')?.shadowRoot?.querySelector('[data-state=ok]'),
      { timeout: 15_000 },
    );
    // The page's own stylesheet cannot reach inside: the badge lives in a shadow root, not the page DOM.
    expect(await page.$('.chat-header [data-testid=background-status]')).toBeNull();
  });
});
