import { rename } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox';
import { BROWSERS, buildDir, type ExtensionSession } from './harness';
import {
  clickOn,
  cliqPinsErrors,
  eventually,
  folderHolding,
  HANNAH,
  inChatMenu,
  inFolders,
  MINUTE_MS,
  messages,
  OMAR,
  openChat,
  pageChatItem,
  pageHeader,
  signedInSession,
  waitFor,
} from './page-helpers';

const ROOM = 'CT_9100000000000000005_700012345';
const SIDE = 'CT_9100000000000000006_700012345';

const SEED = {
  users: [HANNAH, OMAR],
  chats: [
    {
      id: ROOM,
      type: 'group_chat' as const,
      title: 'Folder Room',
      memberIds: [HANNAH.id, OMAR.id],
      messages: messages(5, 4),
    },
    { id: SIDE, type: 'group_chat' as const, title: 'Side Room', memberIds: [OMAR.id], messages: messages(6, 3) },
  ],
  folders: [
    { title: 'Urgent', symbol: '🔥', chatIds: [] },
    { title: 'Later', symbol: '🕒', chatIds: [] },
  ],
};

const folderId = (sandbox: Sandbox, title: string) => sandbox.state.folders.find((f) => f.title === title)?.id ?? '';

describe.each(BROWSERS)('pinning chats to folders from the Cliq page in %s', (name) => {
  let sandbox: Sandbox;
  let session: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 'empty', minuteMs: MINUTE_MS });
    session = await signedInSession(name, sandbox, SEED);
    page = await openChat(session, sandbox, ROOM);
  });
  afterAll(async () => {
    await Promise.all([session?.close(), sandbox?.stop()]);
  });

  afterEach(() => {
    expect(cliqPinsErrors(page)).toEqual([]);
  });

  /** The header's folder menu, open and showing the folders Cliq has. */
  const headerMenu = async () => {
    const button = await waitFor(page, `${pageHeader(ROOM)} cliq-pins-folders`);
    expect(await button.evaluate((el) => Boolean(el.shadowRoot))).toBe(true);
    if (!(await page.$(inFolders('[data-testid=folder-menu]'))))
      await page.click(inFolders('[data-testid=folder-button]'));
    await waitFor(page, inFolders(`[data-testid=folder-row][data-folder-id="${folderId(sandbox, 'Later')}"]`));
  };
  const row = (title: string, control: string) =>
    inFolders(`[data-testid=folder-row][data-folder-id="${folderId(sandbox, title)}"] [data-testid=${control}]`);
  const buttonSays = (text: string) =>
    eventually(async () =>
      expect(await page.$eval(inFolders('[data-testid=folder-button]'), (el) => el.textContent)).toContain(text),
    );

  it('says so where it was pressed when the menu’s script cannot load, and opens on the next press', async () => {
    await waitFor(page, inFolders('[data-testid=folder-button]'));
    // As after a broken update: the script that brings the menu is gone from the extension's folder.
    const file = `${buildDir(name, 'test')}/cliq-on-demand.js`;
    await rename(file, `${file}.gone`);
    try {
      await page.click(inFolders('[data-testid=folder-button]'));
      const note = await waitFor(page, inFolders('[data-testid=page-load-note][role=alert]'));
      expect(await note.evaluate((el) => el.textContent)).toMatch(/^Cliq Pins could not open this.*reload the page/);
      expect(await page.$eval(inFolders('[data-testid=folder-button]'), (el) => el.ariaExpanded)).toBe('false');
    } finally {
      await rename(`${file}.gone`, file);
    }
    await page.click(inFolders('[data-testid=folder-button]'));
    await waitFor(page, inFolders('[data-testid=folder-menu]'));
    expect(await page.$eval(inFolders('[data-testid=page-load-note]'), (el) => el.textContent)).toBe('');
  });

  it('pins the open chat to a folder from the header, and shows which folder holds it', async () => {
    await headerMenu();
    expect(await page.$eval(inFolders('[data-testid=folder-membership]'), (el) => el.textContent)).toBe(
      'Not pinned in any folder.',
    );
    await page.click(row('Urgent', 'folder-toggle'));
    await eventually(() => expect(folderHolding(sandbox, ROOM)).toEqual(['Urgent']));
    await buttonSays('🔥 Urgent');
    await eventually(async () =>
      expect(await page.$eval(row('Urgent', 'folder-toggle'), (el) => (el as HTMLInputElement).checked)).toBe(true),
    );
  });

  it('moves the chat to another folder', async () => {
    await headerMenu();
    await page.click(row('Later', 'folder-move'));
    await eventually(() => expect(folderHolding(sandbox, ROOM)).toEqual(['Later']));
    await buttonSays('🕒 Later');
  });

  it('takes the chat out of a folder, and pins it into a new folder', async () => {
    await headerMenu();
    await page.click(row('Later', 'folder-toggle'));
    await eventually(() => expect(folderHolding(sandbox, ROOM)).toEqual([]));

    await page.click(inFolders('[data-testid=new-folder]'));
    await page.$eval(inFolders('[data-testid=new-folder-symbol]'), (input) => {
      (input as HTMLInputElement).value = '🚀';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.type(inFolders('[data-testid=new-folder-title]'), 'Launch');
    await page.click(inFolders('[data-testid=new-folder-form] button[type=submit]'));
    await eventually(() => {
      const created = sandbox.state.folders.find((f) => f.title === 'Launch');
      expect(created).toMatchObject({ symbol: '🚀', chatIds: [ROOM] });
    });
    await buttonSays('🚀 Launch');
  });

  it('unpins the chat from every folder', async () => {
    await headerMenu();
    await page.click(inFolders('[data-testid=unpin-chat]'));
    await eventually(() => expect(folderHolding(sandbox, ROOM)).toEqual([]));
    await buttonSays('Pin chat');
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await page.$(inFolders('[data-testid=folder-menu]'))).toBeNull());
  });

  it('pins another chat from the chat list, without opening it', async () => {
    await page.hover(pageChatItem(SIDE));
    await clickOn(page, inChatMenu(`[data-testid=chat-folder-button][data-chat-id="${SIDE}"]`));
    const menu = await waitFor(page, inChatMenu(`[data-testid=folder-menu][data-chat-id="${SIDE}"]`));
    expect(await menu.evaluate((el) => el.querySelector('h2')?.textContent)).toBe('Pin “Side Room” to a folder');
    await clickOn(page, inChatMenu('[data-testid=folder-row][data-folder-id=default] [data-testid=folder-toggle]'));
    await eventually(() => expect(folderHolding(sandbox, SIDE)).toEqual(['My Pins']));
    expect(await page.evaluate(() => document.body.dataset.renderedChatId)).toBe(ROOM);
  });
});
