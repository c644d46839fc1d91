import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../sandbox';
import { axeViolations } from './axe';
import type { ExtensionSession } from './harness';
import { hardCoded, pseudoLocaleBuild } from './locale-helpers';
import { clickOn, inBar, inDialog, inFolders, openBarPanel, openChat, openPinDialog, waitFor } from './page-helpers';
import { bulkBarLayout, chatsWithPins, serverPins, setUpPopup } from './popup-helpers';
import { POPUP_VIEWS } from './popup-views';

/** Where a run leaves its screenshots to look at; the README's two are written with CLIQ_PINS_SCREENSHOTS=1. */
const SCRATCH = process.env.CLIQ_PINS_SHOTS_DIR ?? join(tmpdir(), 'cliq-pins-locales');
const SHOTS = process.env.CLIQ_PINS_SCREENSHOTS ? 'docs/screenshots' : SCRATCH;

/** The computed transform of a glyph flipped left to right (`scaleX(-1)`). */
const MIRRORED = 'matrix(-1, 0, 0, 1, 0, 0)';

beforeAll(async () => {
  await Promise.all([mkdir(SCRATCH, { recursive: true }), mkdir(SHOTS, { recursive: true })]);
});

/** The Cliq page's in-page UI, opened on a chat that has pins: the pinned bar's panel, then the pin dialog. */
async function openInPageUi(session: ExtensionSession, sandbox: Sandbox): Promise<Page> {
  const chatId = chatsWithPins(sandbox)[0] as string;
  const page = await openChat(session, sandbox, chatId);
  await openBarPanel(page);
  await waitFor(page, inBar('[data-testid=pin-row]'));
  return page;
}

describe('the pseudo-locale: no string escapes translation, and longer text still fits', () => {
  let session: ExtensionSession;
  let sandbox: Sandbox;
  let popup: Page;
  let build: Awaited<ReturnType<typeof pseudoLocaleBuild>>;

  beforeAll(async () => {
    build = await pseudoLocaleBuild();
    ({ session, sandbox, popup } = await setUpPopup('chromium', { extensionDir: build.dir, lang: 'en' }));
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop()]);
    await build?.remove();
  });

  it('translates every text of the popup, 780 and 360 px wide, with nothing to scroll sideways', async () => {
    const found: Record<string, string[]> = {};
    const overflow: string[] = [];
    for (const width of [780, 360]) {
      await popup.setViewport({ width, height: 600 });
      for (const [view, open] of POPUP_VIEWS) {
        await open(popup);
        const escaped = await hardCoded(popup);
        if (escaped.length > 0) found[view] = escaped;
        const outside = await popup.evaluate(() => {
          const out: string[] = [];
          if (document.documentElement.scrollWidth > innerWidth) out.push('the page scrolls sideways');
          for (const el of document.querySelectorAll('button, input, select, summary, a, [role=tab]')) {
            const box = el.getBoundingClientRect();
            if (box.width > 0 && (box.right > innerWidth + 0.5 || box.left < -0.5))
              out.push(el.getAttribute('data-testid') ?? el.tagName);
          }
          return out;
        });
        if (outside.length > 0) overflow.push(`${view} at ${width} px: ${outside.join(', ')}`);
        if (width === 360) await popup.screenshot({ path: `${SCRATCH}/pseudo-360-${view.replace(/\W+/g, '-')}.png` });
      }
      await popup.keyboard.press('Escape');
    }
    expect(found).toEqual({});
    expect(overflow).toEqual([]);
  });

  it('translates every text of the options page', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.waitForSelector('[data-testid=page-check-run]');
    await options.setViewport({ width: 360, height: 800 });
    await options.screenshot({ path: `${SCRATCH}/pseudo-options-360.png`, fullPage: true });
    expect(await hardCoded(options)).toEqual([]);
    await options.close();
  });

  it('translates every text of the in-page UI: the pinned bar, its panel, the pin dialog and the folder menu', async () => {
    const page = await openInPageUi(session, sandbox);
    const inBarPanel = await hardCoded(page, true);
    const chatId = chatsWithPins(sandbox)[0] as string;
    await openPinDialog(page, serverPins(sandbox, chatId)[0]?.messageId as string);
    await waitFor(page, inDialog('[data-testid=pin-dialog]'));
    const inPinDialog = await hardCoded(page, true);
    await page.screenshot({ path: `${SCRATCH}/pseudo-page.png` });
    await page.keyboard.press('Escape');
    await clickOn(page, inFolders('[data-testid=folder-button]'));
    await waitFor(page, inFolders('[data-testid=folder-menu-popover]'));
    const inFolderMenu = await hardCoded(page, true);
    await page.screenshot({ path: `${SCRATCH}/pseudo-page-folders.png` });
    expect({ inBarPanel, inPinDialog, inFolderMenu }).toEqual({ inBarPanel: [], inPinDialog: [], inFolderMenu: [] });
    await page.close();
  });
});

describe('Arabic: the popup and the in-page UI mirror, and stay accessible', () => {
  let session: ExtensionSession;
  let sandbox: Sandbox;
  let popup: Page;

  beforeAll(async () => {
    ({ session, sandbox, popup } = await setUpPopup('chromium', { lang: 'ar' }));
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop()]);
  });

  it('keeps the bulk bar’s "N selected" on one line at 360 px, not one word a line beside the actions', async () => {
    await popup.setViewport({ width: 360, height: 600 });
    expect(await bulkBarLayout(popup, '[data-testid=pin]', '[data-testid=bulk-bar]', 3)).toEqual({
      text: 'تم تحديد 3 رسائل مثبّتة',
      lines: 1,
      overflows: false,
    });
  });

  it('shows the popup right to left, in Arabic, with no axe violations', async () => {
    expect(await popup.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
      'rtl',
      'ar',
    ]);
    expect(await popup.$eval('[data-testid=tab-pins]', (el) => el.textContent)).toContain('الرسائل المثبّتة');
    // Mirrored: the first tab sits right of the second.
    const left = (testId: string) => popup.$eval(`[data-testid=${testId}]`, (el) => el.getBoundingClientRect().left);
    expect(await left('tab-pins')).toBeGreaterThan(await left('tab-chats'));
    await popup.setViewport({ width: 780, height: 600 });
    await popup.screenshot({ path: `${SHOTS}/popup-ar.png` });
    const found: Record<string, unknown> = {};
    for (const [view, open] of POPUP_VIEWS) {
      await open(popup);
      const violations = await axeViolations(popup);
      if (violations.length > 0) found[view] = violations;
    }
    await popup.keyboard.press('Escape');
    expect(found).toEqual({});
    // A closed folder's ▸ points leftwards, along the reading direction.
    await popup.click('[data-testid=tab-chats]');
    expect(await popup.$eval('[data-testid=folder-toggle] .caret', (el) => getComputedStyle(el).transform)).toBe(
      MIRRORED,
    );
  });

  it('shows the options page right to left, with no axe violations', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.waitForSelector('[data-testid=page-check-run]');
    expect(await options.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await options.screenshot({ path: `${SCRATCH}/ar-options.png`, fullPage: true });
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
  });

  it('mirrors the in-page UI, keeps message text in its own direction, with no axe violations', async () => {
    const page = await openInPageUi(session, sandbox);
    const directions = await page.$$eval('cliq-pins-bar', (hosts) =>
      hosts.map((host) => {
        const container = host.shadowRoot?.querySelector('div');
        return container ? getComputedStyle(container).direction : 'none';
      }),
    );
    expect(directions).toEqual(['rtl']);
    expect(await page.$eval(inBar('.cp-pin-text'), (el) => el.getAttribute('dir'))).toBe('auto');
    // A (Latin) message that wraps keeps to the UI's start edge: every line of it ends at the right.
    const lines = await page.$$eval(inBar('.cp-pin-text'), (texts) =>
      texts.map((text) => {
        const range = document.createRange();
        range.selectNodeContents(text);
        const right = text.getBoundingClientRect().right;
        return [...range.getClientRects()].map((line) => Math.round(right - line.right));
      }),
    );
    expect(lines.some((gaps) => gaps.length > 1)).toBe(true);
    expect(lines.flat().every((gap) => gap === 0)).toBe(true);
    // "Go to the message" points leftwards, along the reading direction.
    expect(await page.$eval(inBar('[data-testid=pin-jump]'), (el) => getComputedStyle(el).transform)).toBe(MIRRORED);
    await page.screenshot({ path: `${SCRATCH}/ar-page.png` });
    expect(await axeViolations(page, 'cliq-pins-bar')).toEqual([]);
    await page.close();
  });
});

describe('Japanese: dates in the popup follow the locale', () => {
  let session: ExtensionSession;
  let sandbox: Sandbox;
  let popup: Page;

  beforeAll(async () => {
    ({ session, sandbox, popup } = await setUpPopup('chromium', { lang: 'ja' }));
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop()]);
  });

  it('writes the time a message was sent the Japanese way, and the popup is in Japanese', async () => {
    const [shown, iso] = await popup.$eval('[data-testid=pin] time', (el) => [
      el.textContent,
      el.getAttribute('datetime'),
    ]);
    const date = new Date(iso as string);
    // "11月30日 08:55": month and day with their Japanese counters, not "Nov 30, 08:55".
    expect(shown).toContain(`${date.getMonth() + 1}月${date.getDate()}日`);
    expect(await popup.$eval('[data-testid=tab-pins]', (el) => el.textContent)).toContain('ピン留めしたメッセージ');
    await popup.setViewport({ width: 780, height: 600 });
    await popup.screenshot({ path: `${SHOTS}/popup-ja.png` });
  });
});
