import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { GECKO_ID } from '../../wxt.config';

/** Mirrors `E2E_OPEN_SHADOW_ROOTS_KEY` in entrypoints/cliq.content/ui/shadow.ts (not imported: it pulls in the CSS). */
const E2E_OPEN_SHADOW_ROOTS_KEY = 'e2eOpenShadowRoots';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

/**
 * `npm run build:test` writes `*-test` folders (under `CLIQ_PINS_OUT_DIR` when set); `npm run demo` the `*-demo`
 * ones; production builds go to the folders without a suffix.
 */
const OUT_DIR = process.env.CLIQ_PINS_OUT_DIR ?? '.output';
export const buildDir = (name: BrowserName, mode: 'test' | 'demo') =>
  resolve(OUT_DIR, `${name === 'chromium' ? 'chrome' : 'firefox'}-mv3-${mode}`);

export interface LaunchOptions {
  /** Which build to load; tests use `test`. */
  mode?: 'test' | 'demo';
  /** A visible window (the demo, when a display exists). */
  headful?: boolean;
  /**
   * The in-page UI's shadow roots are closed, so no page script (and no puppeteer selector) can reach in.
   * Test builds open them for puppeteer when this is 'openForTests' (the default for tests); 'closed' keeps
   * them as production has them, for the tests that prove a page script cannot read the UI.
   */
  inPageUi?: 'openForTests' | 'closed';
  /** Chromium's UI language (`--lang`, which picks the extension's messages, and the page's `Accept-Language`). */
  lang?: string;
  /** Chromium: load this folder instead of the build (a copy with test-only messages, such as the pseudo-locale). */
  extensionDir?: string;
}

/** A browser with the built extension (`npm run build:test`) loaded, and the extension's own origin. */
export interface ExtensionSession {
  name: BrowserName;
  browser: Browser;
  origin: string;
  openExtensionPage(path: string): Promise<Page>;
  /** Chromium only: the extension's service worker (Firefox runs an event page that puppeteer cannot reach). */
  worker(): Promise<WebWorker>;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export async function launchWithExtension(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionSession> {
  const session = await (name === 'chromium' ? launchChromium(options) : launchFirefox(options));
  if ((options.mode ?? 'test') === 'test' && (options.inPageUi ?? 'openForTests') === 'openForTests') {
    await openInPageUiForTests(session, true);
  }
  return session;
}

/**
 * The one place tests get into the in-page UI: extension storage, which only the extension's own pages can write.
 * A page reads it once, when its content script makes its first UI: pages opened afterwards follow the change.
 */
export async function openInPageUiForTests(session: ExtensionSession, open: boolean): Promise<void> {
  const page = await session.openExtensionPage('options.html');
  await page.evaluate(`chrome.storage.local.set({ ${JSON.stringify(E2E_OPEN_SHADOW_ROOTS_KEY)}: ${open} })`);
  await page.close();
}

async function launchChromium({
  mode = 'test',
  headful = false,
  lang,
  extensionDir,
}: LaunchOptions): Promise<ExtensionSession> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'cliq-pins-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: !headful,
    defaultViewport: headful ? null : undefined,
    pipe: true,
    enableExtensions: [extensionDir ?? buildDir('chromium', mode)],
    userDataDir,
    args: lang ? [...CHROMIUM_ARGS, `--lang=${lang}`, `--accept-lang=${lang}`] : CHROMIUM_ARGS,
  });
  const workerTarget = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
  );
  // Node's URL gives non-special schemes an opaque origin ('null'), so cut the origin out by hand.
  const origin = workerTarget.url().split('/').slice(0, 3).join('/');
  return {
    name: 'chromium',
    browser,
    origin,
    openExtensionPage: (path) => openPage(browser, `${origin}/${path}`),
    async worker() {
      const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(origin));
      const worker = await target.worker();
      if (!worker) throw new Error('The extension service worker did not start.');
      return worker;
    },
    async close() {
      await browser.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

async function launchFirefox({ mode = 'test', headful = false }: LaunchOptions): Promise<ExtensionSession> {
  // Firefox gives each install a random internal UUID; pinning it through a pref makes the origin known.
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: !headful,
    // Firefox 153+ lets WebDriver navigate to moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // MV3 host permissions are user-granted in Firefox; a test profile grants them up front.
      'extensions.originControls.grantByDefault': true,
    },
  });
  await browser.installExtension(buildDir('firefox', mode));
  const origin = `moz-extension://${uuid}`;
  return {
    name: 'firefox',
    browser,
    origin,
    openExtensionPage: (path) => openFirefoxExtensionPage(browser, `${origin}/${path}`),
    worker: () => Promise.reject(new Error('Firefox runs the background as an event page, not a service worker.')),
    close: () => browser.close(),
  };
}

/**
 * Puppeteer never sees the load event of a moz-extension:// page (puppeteer issue 14314), although the
 * page loads and runs: start the navigation without waiting for it and wait on the document instead.
 */
async function openFirefoxExtensionPage(browser: Browser, url: string): Promise<Page> {
  // Firefox's remote agent sometimes fails an evaluation while the new document replaces about:blank
  // ("Protocol error (script.evaluate)"), and that tab stays unusable: that is the browser's hiccup, not the
  // page's state, so the page is opened again in a new tab.
  for (let attempt = 1; ; attempt++) {
    const page = await browser.newPage();
    void page.goto(url, { timeout: 0 }).catch(() => undefined);
    try {
      await page.waitForFunction(
        (expected: string) => location.href === expected && document.readyState === 'complete',
        { timeout: 30_000 },
        url,
      );
      return page;
    } catch (error) {
      const protocolHiccup = /Protocol error/.test(String((error as Error).cause ?? error));
      if (!protocolHiccup || attempt === 3) throw error;
      await page.close().catch(() => undefined);
    }
  }
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}
