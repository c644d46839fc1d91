import type { Page } from 'puppeteer-core';
import type { Sandbox } from '../sandbox';
import type { ExtensionSession } from './harness';

/** The options page as a person fills it: the sandbox as the Cliq and accounts host, a client id, sign in. */
export async function signInToSandbox(
  session: ExtensionSession,
  sandbox: Sandbox,
  opts: { minuteMs?: number } = {},
): Promise<Page> {
  const options = await session.openExtensionPage('options.html');
  await options.waitForSelector('#connection-clientId');
  await options.$eval('details', (d) => {
    (d as HTMLDetailsElement).open = true;
  });
  await options.type('#connection-clientId', '1000.SANDBOXCLIENT');
  await options.type('#connection-apiHost', sandbox.url);
  await options.type('#connection-accountsHost', sandbox.url);
  if (opts.minuteMs) await options.type('#connection-sandboxMinuteMs', String(opts.minuteMs));
  await options.click('button[type=submit]');
  // Saved, and the sign-in button enabled by the saved client id (the page has other status regions).
  await options.waitForSelector('[data-testid=connection-saved]');
  await (await options.waitForSelector('[data-testid=sign-in]:not([disabled])'))?.click();
  await options.waitForSelector('[data-testid=account-status][data-signed-in=true]', { timeout: 20_000 });
  return options;
}
