import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox';
import { BROWSERS, type ExtensionSession, launchWithExtension } from './harness';
import { control, HANNAH, inDialog, messageId, messages, openChat, openPinDialog, waitFor } from './page-helpers';

const ROOM = 'CT_9100000000000000088_700012345';
const SEED = {
  users: [HANNAH],
  chats: [{ id: ROOM, type: 'group_chat' as const, title: 'Room', memberIds: [HANNAH.id], messages: messages(8, 3) }],
};

/** Signed out, nothing is queued from the page (it would belong to no account): the page says why. */
describe.each(BROWSERS)('pinning from the page while signed out in %s', (name) => {
  let session: ExtensionSession;
  let sandbox: Sandbox;
  let page: Page;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 'empty' });
    [session] = await Promise.all([launchWithExtension(name), control(sandbox, 'seed', SEED)]);
    page = await openChat(session, sandbox, ROOM);
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop()]);
  });

  it('queues nothing, sends nothing, and tells the user to sign in', async () => {
    await openPinDialog(page, messageId(8, 1));
    await page.click(inDialog('[data-testid=dialog-pin]'));
    const error = await waitFor(page, inDialog('[data-testid=pin-dialog-error]'));
    expect(await error.evaluate((el) => el.textContent)).toBe(
      'Cliq Pins is signed out, so nothing was queued. Sign in on the Cliq Pins settings page, then try again.',
    );
    expect(sandbox.requests()).toEqual([]);
  });
});
