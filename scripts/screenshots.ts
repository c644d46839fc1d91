/**
 * Screenshots of the popup's main views, light and dark, from the built extension against the sandbox:
 *   npm run build:test && npx tsx scripts/screenshots.ts
 * (set CLIQ_PINS_OUT_DIR to use a build in another folder). Writes docs/screenshots/popup-*.png.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchWithExtension } from '../tests/e2e/harness';
import { signInToSandbox } from '../tests/e2e/sign-in';
import { startSandbox } from '../tests/sandbox';

const OUT = resolve('docs/screenshots');
const SIZE = { width: 780, height: 600 };
/** A short sandbox minute lets the background read every seeded chat within seconds. */
const MINUTE_MS = 2_000;

type Scheme = 'light' | 'dark';

async function shoot(page: Page, name: string, schemes: readonly Scheme[] = ['light', 'dark']) {
  for (const scheme of schemes) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    // Let the countdowns and fonts settle after the scheme switch.
    await new Promise((r) => setTimeout(r, 150));
    const path = `${OUT}/popup-${name}-${scheme}.png`;
    await page.screenshot({ path, clip: { x: 0, y: 0, ...SIZE } });
    console.log(path);
  }
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const [session, sandbox] = await Promise.all([
    launchWithExtension('chromium'),
    startSandbox({ seed: 'default', minuteMs: MINUTE_MS }),
  ]);
  try {
    await signInToSandbox(session, sandbox, { minuteMs: MINUTE_MS });
    // An open Cliq tab teaches the popup the organisation, for "Open in Cliq" links.
    const cliq = await session.browser.newPage();
    await cliq.goto(`${sandbox.url}/company/${sandbox.orgId}/chats`);
    const page = await session.openExtensionPage('popup.html');
    await page.setViewport(SIZE);
    await page.waitForSelector('[data-testid=pin]', { timeout: 30_000 });
    // Wait for the background sweep to have read every chat, so the board is complete.
    await page.waitForFunction(
      (count: number) => document.querySelectorAll('[data-testid=chat-pins]').length >= count,
      { timeout: 30_000 },
      [...sandbox.state.pins.values()].filter((list) => list.entries.length > 0).length,
    );

    await shoot(page, 'pins');

    // A Shift-click range, so the confirmation below has a real selection behind it.
    const rows = await page.$$('[data-testid=pin] input[type=checkbox]');
    await rows[0]?.click();
    await page.keyboard.down('Shift');
    await rows[2]?.click();
    await page.keyboard.up('Shift');

    await page.click('[data-testid=bulk-unpin]');
    await page.waitForSelector('[data-testid=confirm][open]');
    await shoot(page, 'confirm');
    await page.keyboard.press('Escape');

    await page.click('[data-testid=pin-details]');
    await page.waitForSelector('[data-testid=pin-details-dialog][open]');
    await shoot(page, 'details');
    await page.keyboard.press('Escape');

    await page.click('[data-testid=tab-chats]');
    await page.waitForSelector('[data-testid=folder]');
    await shoot(page, 'folders');

    await page.click('[data-testid=new-folder]');
    await page.waitForSelector('[data-testid=folder-dialog][open]');
    await page.type('[data-testid=folder-title]', 'Launch week');
    await shoot(page, 'new-folder');
  } finally {
    await Promise.all([session.close(), sandbox.stop()]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
