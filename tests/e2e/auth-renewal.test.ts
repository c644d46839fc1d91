import type { Page } from 'puppeteer-core';
import { describe, it } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox';
import { type ExtensionSession, launchWithExtension } from './harness';
import { control, eventually } from './page-helpers';
import { signInToSandbox } from './sign-in';

/**
 * Zoho's one-hour token, shortened: sign-in, silent renewal through /oauth/v2/auth/refresh before expiry with
 * Cliq calls working across it, and the "sign in again" path when Zoho refuses to renew. Chromium only: the
 * badge and the worker are read through the service worker, which puppeteer reaches only there.
 */
const LIFETIME_MS = 20_000;

async function answers(sandbox: Sandbox): Promise<string[]> {
  const res = await fetch(`${sandbox.url}/__sandbox/accounts`);
  return ((await res.json()) as { answers: string[] }).answers;
}

/** Asks the background for fresh folders from an extension page, as the popup does when it opens. */
async function readFolders(page: Page): Promise<void> {
  await page.evaluate(`chrome.runtime.sendMessage({ type: 'refresh', data: { chatIds: [], folders: true } })`);
}

/**
 * Each test has its own browser and sandbox, and the two run side by side: most of their time is spent waiting
 * for the token's real clock. Concurrent tests take `expect` from their context.
 */
async function withShortToken(test: (session: ExtensionSession, sandbox: Sandbox) => Promise<void>): Promise<void> {
  const [session, sandbox] = await Promise.all([launchWithExtension('chromium'), startSandbox({ seed: 'default' })]);
  try {
    await control(sandbox, 'accounts', { tokenLifetimeMs: LIFETIME_MS });
    await test(session, sandbox);
  } finally {
    await Promise.all([session.close(), sandbox.stop()]);
  }
}

/** The options page's expiry of the token it shows. */
async function expiryShown(options: Page): Promise<number> {
  return Number(await options.$eval('[data-testid=account-status]', (el) => el.getAttribute('data-expires-at')));
}

/** Waits until a token that expires at `expiresAt` has lapsed, with a second to spare for rounding. */
async function pastExpiry(expiresAt: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt + 1_000 - Date.now())));
}

describe.concurrent('a short-lived Zoho token in chromium', () => {
  it('signs in with no state in the answer, renews through /auth/refresh before expiry, and calls keep working', ({
    expect,
  }) =>
    withShortToken(async (session, sandbox) => {
      const options = await signInToSandbox(session, sandbox);
      expect(await answers(sandbox)).toEqual(['auth']);
      expect(await options.$eval('[data-testid=session-grant]', (el) => el.textContent)).toContain('renew');
      const firstExpiry = await expiryShown(options);

      // The renewal alarm is due at three quarters of the token's life; nothing else has to happen.
      await eventually(async () => expect(await answers(sandbox)).toEqual(['auth', 'refresh']), LIFETIME_MS + 10_000);
      // Past the first token's expiry: reads still go out, with the renewed token, and Cliq accepts them.
      await pastExpiry(firstExpiry);
      sandbox.clearRequests();
      await readFolders(options);
      await eventually(() => expect(sandbox.requests().some((r) => r.path === '/api/v3/pin-categories')).toBe(true));
      expect(sandbox.requests().filter((r) => r.status === 401 || r.status === 403)).toEqual([]);
      await eventually(async () => expect(await expiryShown(options)).toBeGreaterThan(firstExpiry));
      const worker = await session.worker();
      expect(await worker.evaluate(`chrome.action.getBadgeText({})`)).toBe('');
      expect(await options.$('[data-testid=sign-in-again]')).toBeNull();
    }));

  it('when Zoho refuses to renew, shows "!" and "sign in again" before the token lapses; queued work waits and goes out after', ({
    expect,
  }) =>
    withShortToken(async (session, sandbox) => {
      const options = await signInToSandbox(session, sandbox);
      const expiresAt = await expiryShown(options);
      // Zoho's session ends (the user signed out of Zoho elsewhere): /auth/refresh answers client_not_granted.
      await control(sandbox, 'accounts', { signedIn: false });
      await options.waitForSelector('[data-testid=sign-in-again]', { timeout: LIFETIME_MS });
      expect(await answers(sandbox)).toEqual(['auth', 'refresh:client_not_granted']);
      expect(await options.$eval('[data-testid=sign-in-again]', (el) => el.textContent)).toContain(
        'client_not_granted',
      );
      // Still before the lapse: the token is live, and the user was told.
      expect(await options.$eval('[data-testid=account-status]', (el) => el.getAttribute('data-signed-in'))).toBe(
        'true',
      );
      const worker = await session.worker();
      expect(await worker.evaluate(`chrome.action.getBadgeText({})`)).toBe('!');

      const popup = await session.openExtensionPage('popup.html');
      await popup.waitForSelector('[data-testid=popup-sign-in]');
      expect(await popup.$eval('[data-testid=signed-out]', (el) => el.textContent)).toContain('client_not_granted');
      await popup.close();

      // After the lapse an unpin is queued and held, not dropped and not sent.
      await pastExpiry(expiresAt);
      const [chatId, list] = [...sandbox.state.pins].find(([, l]) => l.entries.length > 0) ?? [];
      const messageId = list?.entries[0]?.messageId as string;
      const queued = await options.evaluate(
        `chrome.runtime.sendMessage({ type: 'enqueue', data: { intents: [{ kind: 'unpinMessages', chatId: ${JSON.stringify(chatId)}, messageIds: [${JSON.stringify(messageId)}] }] } })`,
      );
      expect(queued).toMatchObject({ ok: true, data: { ok: true } });
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(sandbox.requests().filter((r) => r.method === 'DELETE')).toEqual([]);

      // Signing in again sends it.
      await control(sandbox, 'accounts', { signedIn: true });
      await options.bringToFront();
      await options.click('[data-testid=sign-in-again] button');
      await eventually(() =>
        expect(
          sandbox
            .requests()
            .filter((r) => r.method === 'DELETE')
            .map((r) => r.path),
        ).toEqual([`/api/v3/chats/${chatId}/pin-messages`]),
      );
      expect(await worker.evaluate(`chrome.action.getBadgeText({})`)).toBe('');
    }));
});
