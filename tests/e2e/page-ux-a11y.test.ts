import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox';
import type { ExtensionSession } from './harness';
import {
  eventually,
  inBar,
  inFolders,
  MINUTE_MS,
  openBarPanel,
  openPinDialog,
  pageHeader,
  pinsOf,
  signedInSession,
  waitFor,
} from './page-helpers';
import { m, ROOM, SEED } from './page-ux-seed';

describe.each(['chromium', 'firefox'] as const)(
  'the in-page UI follows Cliq’s theme, not the system’s, in %s',
  (name) => {
    let sandbox: Sandbox;
    let session: ExtensionSession;

    beforeAll(async () => {
      sandbox = await startSandbox({ seed: 'empty', minuteMs: MINUTE_MS });
      session = await signedInSession(name, sandbox, SEED);
    });
    afterAll(async () => {
      await Promise.all([session?.close(), sandbox?.stop()]);
    });

    const barBackground = (page: Page) =>
      page.$eval(inBar('[data-testid=pinned-bar-toggle]'), (el) => getComputedStyle(el).backgroundColor);
    const themeOf = (page: Page) =>
      page.$eval(`${pageHeader(ROOM)} cliq-pins-bar`, (el) => el.getAttribute('data-theme'));

    it('dark Cliq on a light system, then switched live to light', async () => {
      const page = await session.browser.newPage();
      await page.goto(`${sandbox.url}/company/700012345/chats/${ROOM}?theme=dark`);
      await waitFor(page, inBar('[data-testid=pinned-bar][data-state=ready]'));
      await eventually(async () => expect(await themeOf(page)).toBe('dark'), 5_000);
      const dark = await barBackground(page);
      await page.evaluate(() => document.body.classList.remove('zcdark'));
      await eventually(async () => expect(await themeOf(page)).toBe('light'), 2_000);
      expect(await barBackground(page)).not.toBe(dark);
      await page.close();
    });

    it('light Cliq stays light when the system is dark', async () => {
      const page = await session.browser.newPage();
      if (name === 'chromium') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      await page.goto(`${sandbox.url}/company/700012345/chats/${ROOM}?theme=light`);
      await waitFor(page, inBar('[data-testid=pinned-bar][data-state=ready]'));
      await eventually(async () => expect(await themeOf(page)).toBe('light'), 5_000);
      expect(await barBackground(page)).toBe('rgb(243, 245, 248)');
      await page.close();
    });
  },
);

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's findings on our own UIs only (their hosts are `cliq-pins-*`): the sandbox page is not ours to fix. */
async function ourViolations(page: Page): Promise<{ id: string; targets: string[] }[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: (string | string[])[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: unknown): Promise<Result> } }).axe;
    const hosts = [...document.querySelectorAll('cliq-pins-bar, cliq-pins-folders, cliq-pins-pin-dialog')];
    const { violations } = await axe.run({ include: hosts });
    return violations.map(({ id, nodes }) => ({ id, targets: nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

describe('the in-page UI has no axe violations in chromium', () => {
  let sandbox: Sandbox;
  let session: ExtensionSession;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 'empty', minuteMs: MINUTE_MS });
    session = await signedInSession('chromium', sandbox, SEED);
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop()]);
  });

  it.each([
    ['light', 780],
    ['light', 360],
    ['dark', 780],
    ['dark', 360],
  ] as const)(
    '%s, %i px wide: the bar, its list with an undo, the folder menu and both pin dialogs',
    async (theme, width) => {
      const page = await session.browser.newPage();
      await page.setViewport({ width, height: 800 });
      await page.goto(`${sandbox.url}/company/700012345/chats/${ROOM}?theme=${theme}`);
      await waitFor(page, inBar('[data-testid=pinned-bar][data-state=ready]'));
      await eventually(async () =>
        expect(await page.$eval('cliq-pins-bar', (el) => el.getAttribute('data-theme'))).toBe(theme),
      );
      const found: { id: string; targets: string[] }[] = [];
      const check = async () => found.push(...(await ourViolations(page)));

      await openBarPanel(page);
      await page.click(inBar(`[data-testid=pin-row][data-message-id="${m(3)}"] [data-testid=pin-unpin]`));
      await waitFor(page, inBar('[data-testid=undo]'));
      await check();
      await page.click(inBar('[data-testid=undo]'));
      // The undo button is gone, and focus with it: the panel is closed with its toggle, so it cannot lie over the
      // header's folder button at 360 px.
      await page.click(inBar('[data-testid=pinned-bar-toggle]'));
      await page.waitForSelector(inBar('[data-testid=pinned-bar-panel]'), { hidden: true, timeout: 5_000 });

      await page.click(inFolders('[data-testid=folder-button]'));
      await waitFor(page, inFolders('[data-testid=folder-row]'));
      await check();
      await page.keyboard.press('Escape');

      await eventually(() => expect(pinsOf(sandbox, ROOM).map((p) => p.messageId)).toContain(m(3)));
      for (const id of [m(1), m(6)]) {
        await openPinDialog(page, id);
        await check();
        await page.keyboard.press('Escape');
      }
      expect(found).toEqual([]);
      await page.close();
    },
  );
});
