/**
 * `npm run demo`: the extension against the local Cliq sandbox, no Zoho account needed. Starts the sandbox with
 * the default seed, loads the demo build into Chromium, signs in through the options page (the sandbox's
 * accounts server approves at once), and opens the Cliq-like web app and the popup.
 * With a display it leaves the browser open until Ctrl+C; without one it writes screenshots and exits.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchWithExtension } from '../tests/e2e/harness';
import { waitForCompleteBoard } from '../tests/e2e/popup-helpers';
import { signInToSandbox } from '../tests/e2e/sign-in';
import { startSandbox } from '../tests/sandbox';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    headless: { type: 'boolean', default: !process.env.DISPLAY },
    out: { type: 'string', default: 'demo-screenshots' },
  },
});

const sandbox = await startSandbox({ port: Number(values.port), seed: 'default' });
console.log(`Cliq sandbox: ${sandbox.url} (token ${sandbox.token})`);
const session = await launchWithExtension('chromium', { mode: 'demo', headful: !values.headless });

const shutDown = async () => {
  await session.close().catch(() => undefined);
  await sandbox.stop();
};

try {
  const options = await signInToSandbox(session, sandbox);
  console.log('Signed in to the sandbox from the options page.');
  const cliq = await session.browser.newPage();
  await cliq.setViewport({ width: 1280, height: 800 });
  await cliq.goto(`${sandbox.url}/company/${sandbox.orgId}/chats`);
  await cliq.waitForSelector('body[data-rendered-chat-id]');
  await cliq.waitForSelector('[data-cliq-pins=pin-control]', { timeout: 30_000 }).catch(() => undefined);
  const popup = await session.openExtensionPage('popup.html');
  await popup.setViewport({ width: 780, height: 600 });
  // The first sweep reads folders and the most active chats' pins; give the board a moment to fill.
  await popup.waitForSelector('[data-testid=pin]', { timeout: 30_000 }).catch(() => undefined);

  if (values.headless) {
    // A screenshot of a half-read board would show its first chats' pins as the whole: wait for every chat, at
    // Cliq's real rate limit (a few minutes for the default seed).
    console.log("Waiting until every chat's pins are read (a few minutes at Cliq's rate limit)…");
    await waitForCompleteBoard(popup, 10 * 60_000);
    const dir = resolve(values.out);
    await mkdir(dir, { recursive: true });
    await cliq.bringToFront();
    await cliq.hover('[msg-cont][msguid]:last-child').catch(() => undefined);
    await cliq.screenshot({ path: `${dir}/cliq-page.png` });
    // The options page's page check, run on the Cliq tab just shown.
    await options.bringToFront();
    await options.click('[data-testid=page-check-run]');
    await options.waitForSelector('[data-testid=page-check-result]', { timeout: 15_000 }).catch(() => undefined);
    await popup.screenshot({ path: `${dir}/popup.png` });
    await options.screenshot({ path: `${dir}/options.png`, fullPage: true });
    console.log(`No display: screenshots of the Cliq page, the popup and the options page are in ${dir}/`);
    await shutDown();
  } else {
    console.log(
      `Try it: the Cliq page is at ${sandbox.url}/company/${sandbox.orgId}/chats; the popup is open in a tab.`,
    );
    console.log('Press Ctrl+C to stop.');
    const stop = () => void shutDown().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
} catch (error) {
  console.error('The demo could not start:', error);
  await shutDown();
  process.exit(1);
}
