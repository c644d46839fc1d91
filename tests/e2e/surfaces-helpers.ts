import { mkdir } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import type { ExtensionSession } from './harness';

/** Screenshots for people to look at; outside the repository. */
export async function shotsDir(): Promise<string> {
  const dir = process.env.CLIQ_PINS_SHOTS_DIR ?? '/tmp/shots-surfaces';
  await mkdir(dir, { recursive: true });
  return dir;
}

/**
 * Evaluates `expression` in the extension's background, where the test build exposes the context-menu and
 * address-bar handlers as `hooks` (lib/background/test-hooks.ts) and `browser` is the extension API. Chromium:
 * through the service worker. Firefox runs an event page puppeteer cannot reach: through an extension page and
 * `runtime.getBackgroundPage()`. The answer comes back as JSON.
 */
export async function viaBackground(session: ExtensionSession, expression: string): Promise<unknown> {
  if (session.name === 'chromium') {
    const worker = await session.worker();
    return worker.evaluate(
      `(async () => { const hooks = globalThis.cliqPinsTestHooks; const browser = chrome;
        return JSON.parse(JSON.stringify((await (${expression})) ?? null)); })()`,
    );
  }
  const page = await session.openExtensionPage('options.html');
  try {
    return await page.evaluate(
      `(async () => { const background = await browser.runtime.getBackgroundPage();
        const hooks = background.cliqPinsTestHooks;
        return JSON.parse(JSON.stringify((await (${expression})) ?? null)); })()`,
    );
  } finally {
    await page.close();
  }
}

/**
 * The side panel's page (Firefox: the sidebar's), where headless browsers draw no side panel. Chromium: in a window
 * of its own, where it follows the active tab of the last focused browser window. Firefox (whose remote agent does
 * not hand over a window opened by `windows.create`): in a tab of the browser window, where it follows that window's
 * active tab once `beside` is brought to the front.
 */
export async function openSidePanel(session: ExtensionSession, beside: Page): Promise<Page> {
  const url = `${session.origin}/sidepanel.html`;
  let panel: Page;
  if (session.name === 'chromium') {
    await viaBackground(
      session,
      `browser.windows.create({ url: ${JSON.stringify(url)}, type: 'popup', width: 380, height: 800 }).then(() => null)`,
    );
    const target = await session.browser.waitForTarget((t) => t.url() === url, { timeout: 30_000 });
    const page = await target.page();
    if (!page) throw new Error('The side panel page did not open.');
    panel = page;
  } else {
    panel = await session.openExtensionPage('sidepanel.html');
    await beside.bringToFront();
  }
  await panel.waitForSelector('[data-testid=chat-pins]', { timeout: 30_000 });
  return panel;
}
