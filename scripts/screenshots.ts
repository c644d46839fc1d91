/**
 * Screenshots of the popup's main views, the Cliq page with the extension (the sandbox's page, in Cliq's markup)
 * and the options page's page check, light and dark, from the built extension against the sandbox:
 *   npm run build:test && npx tsx scripts/screenshots.ts
 * (set CLIQ_PINS_OUT_DIR to use a build in another folder). Writes docs/screenshots/{popup,page,options}-*.png.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchWithExtension } from '../tests/e2e/harness';
import { waitForCompleteBoard } from '../tests/e2e/popup-helpers';
import { signInToSandbox } from '../tests/e2e/sign-in';
import { type Sandbox, startSandbox } from '../tests/sandbox';

const OUT = resolve('docs/screenshots');
const SIZE = { width: 780, height: 600 };
/** A short sandbox minute lets the background read every seeded chat within seconds. */
const MINUTE_MS = 2_000;

type Scheme = 'light' | 'dark';

async function shoot(
  page: Page,
  name: string,
  schemes: readonly Scheme[] = ['light', 'dark'],
  size: { width: number; height: number } = SIZE,
) {
  for (const scheme of schemes) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    // Let the countdowns and fonts settle after the scheme switch.
    await new Promise((r) => setTimeout(r, 150));
    const path = `${OUT}/${/^(page|options)-/.test(name) ? name : `popup-${name}`}-${scheme}.png`;
    await page.screenshot({ path, clip: { x: 0, y: 0, ...size } });
    console.log(path);
  }
}

/** The Cliq page with the pinned bar open and a message hovered (its pin control shows), then the page check. */
async function shootPage(sandbox: Sandbox, cliq: Page, options: Page) {
  const size = { width: 1100, height: 640 };
  // The chat with the most pins, so the bar has something to show.
  await cliq.bringToFront();
  await cliq.setViewport(size);
  const [chatId] = [...sandbox.state.pins.entries()].sort((a, b) => b[1].entries.length - a[1].entries.length)[0] ?? [];
  if (chatId) {
    await cliq.click(`[purpose=chatitem][chid="${chatId}"]`);
    await cliq.waitForSelector(`body[data-rendered-chat-id="${chatId}"]`);
  }
  await cliq.waitForSelector('[data-cliq-pins=pin-control]', { timeout: 30_000 });
  await cliq.hover('[msg-cont][msguid]:last-child');
  await cliq.click('cliq-pins-bar >>> [data-testid=pinned-bar-toggle]');
  await cliq.waitForSelector('cliq-pins-bar >>> [data-testid=pin-row]', { timeout: 15_000 });
  await cliq.hover('[msg-cont][msguid]:last-child');
  // The in-page UI follows Cliq's theme, not the system's: the dark shot is Cliq in dark (the sandbox's `zcdark`).
  for (const scheme of ['light', 'dark'] as const) {
    await cliq.evaluate((dark: boolean) => document.body.classList.toggle('zcdark', dark), scheme === 'dark');
    await cliq.waitForSelector(`cliq-pins-bar[data-theme=${scheme}]`, { timeout: 5_000 });
    await shoot(cliq, 'page-chat', [scheme], size);
  }
  await options.bringToFront();
  await options.setViewport({ width: 780, height: 900 });
  await options.click('[data-testid=page-check-copy]');
  await options.waitForSelector('[data-testid=page-check-report]', { timeout: 15_000 });
  const section = await options.$('[data-testid=page-check]');
  for (const scheme of ['light', 'dark'] as const) {
    await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    const path = `${OUT}/options-page-check-${scheme}.png`;
    await section?.screenshot({ path });
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
    const options = await signInToSandbox(session, sandbox, { minuteMs: MINUTE_MS });
    // An open Cliq tab teaches the popup the organisation, for "Open in Cliq" links.
    const cliq = await session.browser.newPage();
    await cliq.goto(`${sandbox.url}/company/${sandbox.orgId}/chats`);
    const page = await session.openExtensionPage('popup.html');
    await page.setViewport(SIZE);
    await page.waitForSelector('[data-testid=pin]', { timeout: 30_000 });
    // The background sweep has read every chat: the board is complete, not its first chats.
    await waitForCompleteBoard(page, 60_000);

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

    await shootPage(sandbox, cliq, options);
  } finally {
    await Promise.all([session.close(), sandbox.stop()]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
