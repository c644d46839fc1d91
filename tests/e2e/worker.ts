import type { Target } from 'puppeteer-core';
import type { ExtensionSession } from './harness';

/** Chromium only: the extension's service worker target, waiting for it to (re)start. */
export const workerTarget = (session: ExtensionSession) =>
  session.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(session.origin));

/** Stops the worker as Chrome does, and waits until it is really gone (asking again if it was just starting). */
export async function killWorker(session: ExtensionSession): Promise<Target> {
  const target = await workerTarget(session);
  for (let attempt = 0; session.browser.targets().includes(target); attempt++) {
    if (attempt === 5) throw new Error('the service worker did not stop');
    const worker = await target.worker();
    await worker?.close();
    const asked = Date.now();
    while (session.browser.targets().includes(target) && Date.now() - asked < 2_000) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
  return target;
}
