import { spawnSync } from 'node:child_process';
import { type Page, ProtocolError, type Target } from 'puppeteer-core';
import type { ExtensionSession } from '../e2e/harness';

/*
 * Chromium with a sandbox-mode build of the extension, for the benches that time what a person sees.
 * The build goes to its own folder, so builds other people's tests use are left alone.
 */

const OUT_DIR = '.output-bench';

let built = false;

/** Builds the test-mode Chrome extension once and starts Chromium with it loaded. */
export async function launchBenchBrowser(): Promise<ExtensionSession> {
  if (!built) {
    const build = spawnSync('npx', ['wxt', 'build', '--mode', 'test'], {
      env: { ...process.env, CLIQ_PINS_OUT_DIR: OUT_DIR },
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`test build failed:\n${build.stdout}\n${build.stderr}`);
    built = true;
  }
  // The harness reads the output folder when it is first imported.
  process.env.CLIQ_PINS_OUT_DIR = OUT_DIR;
  const { launchWithExtension } = await import('../e2e/harness');
  return launchWithExtension('chromium');
}

/**
 * Stops the extension's service worker, as Chrome does when it has been idle, and waits until it is gone.
 * A worker that was just starting may ignore the first request: it is asked again. A worker may also stop on its
 * own between being found and being closed; attaching to it or closing it then fails with "No session" (or a
 * closed target), which only means it is gone already: whether it is gone is judged from the browser's targets.
 */
export async function stopWorker(session: ExtensionSession): Promise<void> {
  const target: Target = await session.browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(session.origin),
  );
  const running = () => session.browser.targets().includes(target);
  const deadline = Date.now() + 15_000;
  let lastError: unknown;
  while (running()) {
    if (Date.now() > deadline) throw new Error('the service worker did not stop', { cause: lastError });
    try {
      await (await target.worker())?.close();
    } catch (error) {
      // Puppeteer's closed-target error is a ProtocolError too.
      if (!(error instanceof ProtocolError)) throw error;
      lastError = error;
    }
    const asked = Date.now();
    while (running() && Date.now() - asked < 2_000) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/**
 * Records, for each name, when its selector first matches something on screen: `performance.now()` (ms since the
 * page's navigation started) at the start of the first frame after the element entered the DOM, which is the
 * frame that paints it. Being in the DOM is not being seen: a long task (a bundle evaluating, a render) can hold
 * that frame back (the time it entered the DOM is kept as `<name> in DOM`). No named functions inside: tsx would wrap them in a helper the page does not have.
 */
export async function markFirstAppearance(page: Page, marks: Record<string, string>): Promise<void> {
  await page.evaluateOnNewDocument((wanted: Record<string, string>) => {
    const seen: Record<string, number> = {};
    const inDom = new Set<string>();
    (globalThis as unknown as { benchMarks: Record<string, number> }).benchMarks = seen;
    new MutationObserver(() => {
      for (const [name, selector] of Object.entries(wanted)) {
        if (inDom.has(name) || !document.querySelector(selector)) continue;
        inDom.add(name);
        // Kept too, to compare with earlier runs of the bench, which stopped here.
        seen[`${name} in DOM`] = performance.now();
        requestAnimationFrame(() => {
          seen[name] = performance.now();
        });
      }
    }).observe(document, { childList: true, subtree: true });
  }, marks);
}

export async function markTimes(page: Page, names: string[], timeoutMs = 120_000): Promise<Record<string, number>> {
  await page.waitForFunction(
    (wanted: string[]) => {
      const seen = (globalThis as unknown as { benchMarks?: Record<string, number> }).benchMarks;
      return wanted.every((name) => seen?.[name] !== undefined);
    },
    { timeout: timeoutMs, polling: 20 },
    names,
  );
  return page.evaluate(() => (globalThis as unknown as { benchMarks: Record<string, number> }).benchMarks);
}
