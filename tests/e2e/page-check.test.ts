import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox';
import { BROWSERS, type ExtensionSession } from './harness';
import { HANNAH, MINUTE_MS, messages, OMAR, ORG, openChat, signedInSession } from './page-helpers';

const ROOM = 'CT_9100000000000000011_700012345';
const TITLE = 'Project Moonshot';
const SECRET = (n: number) => `Moonshot budget line ${n}: hannah.schmidt@acme.example`;

const SEED = {
  users: [HANNAH, OMAR],
  chats: [
    {
      id: ROOM,
      type: 'group_chat' as const,
      title: TITLE,
      memberIds: [HANNAH.id, OMAR.id],
      messages: messages(9, 6, SECRET),
    },
  ],
};

async function runCheck(options: Page, button: 'run' | 'copy') {
  await options.bringToFront();
  await options.click(`[data-testid=page-check-${button}]`);
  const messages = await options.waitForSelector('[data-testid=page-check-messages]', { timeout: 15_000 });
  const read = (testId: string, attribute: string) =>
    options.$eval(`[data-testid=${testId}]`, (el, name) => el.getAttribute(name), attribute);
  return {
    count: Number(await messages?.evaluate((el) => el.getAttribute('data-count'))),
    by: await read('page-check-messages', 'data-by'),
    chatFrom: await read('page-check-chat', 'data-from'),
    chatText: await options.$eval('[data-testid=page-check-chat]', (el) => el.textContent),
    header: await read('page-check-header', 'data-found'),
    chatList: await read('page-check-chat-list', 'data-found'),
  };
}

describe.each(BROWSERS)('the page check in the options page, in %s', (name) => {
  let sandbox: Sandbox;
  let session: ExtensionSession;
  let options: Page;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 'empty', minuteMs: MINUTE_MS });
    session = await signedInSession(name, sandbox, SEED);
    options = await session.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop()]);
  });

  it('says there is no Cliq tab to check when none is open', async () => {
    await options.click('[data-testid=page-check-run]');
    await options.waitForSelector('[data-testid=page-check-no-tab]', { timeout: 10_000 });
  });

  it('shows what it recognises on the Cliq page: every message by selector, the chat, header and chat list', async () => {
    const cliq = await openChat(session, sandbox, ROOM);
    await cliq.waitForSelector('[data-cliq-pins=pin-control]', { timeout: 15_000 });
    expect(await runCheck(options, 'run')).toEqual({
      count: 6,
      by: 'selector',
      chatFrom: 'address',
      chatText: expect.stringContaining(ROOM),
      header: 'true',
      chatList: 'true',
    });
    await cliq.close();
  });

  it('copies a page-structure report with the structure and none of the chat', async () => {
    const cliq = await openChat(session, sandbox, ROOM);
    await runCheck(options, 'copy');
    const report = await options.$eval('[data-testid=page-check-report]', (el) => (el as HTMLTextAreaElement).value);
    expect(report).toContain('messages: 6 (selector)');
    expect(report).toContain('section.currentchat[id=CT_<digits>_<digits>][purpose=chatview]');
    expect(report).toMatch(/div\.zcmsg\[chid=CT_<digits>_<digits>\]\[msg-cont\]\[msguid=<digits>%20<digits>\]/);
    for (const secret of [ROOM, ORG, TITLE, 'Moonshot', 'hannah', HANNAH.name, OMAR.name, HANNAH.id, sandbox.url])
      expect(report).not.toContain(secret);
    await cliq.close();
  });

  it('on scrambled markup: messages by the fallback, header and chat list unknown', async () => {
    const cliq = await session.browser.newPage();
    await cliq.goto(`${sandbox.url}/company/${ORG}/chats/${ROOM}?markup=scrambled`);
    await cliq.waitForSelector('[data-cliq-pins=pin-control]', { timeout: 15_000 });
    expect(await runCheck(options, 'run')).toMatchObject({
      count: 6,
      by: 'fallback',
      header: 'false',
      chatList: 'false',
    });
    await cliq.close();
  });
});
