import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMenus } from '../../../lib/background/menus';
import type { Services } from '../../../lib/background/services';
import { CLIQ_HOST_PATTERNS, SANDBOX_HOST_PATTERN } from '../../../lib/cliq/datacentres';
import { t } from '../../../lib/i18n';
import { putFolderList } from '../../../lib/store/cache';
import type { PinsDb } from '../../../lib/store/db';
import { freshDb } from '../queue/harness';

type Created = { id: string; parentId?: string; title: string; documentUrlPatterns: string[]; contexts: string[] };

describe('the context-menu entries', () => {
  let db: PinsDb;
  let created: Created[];

  beforeEach(async () => {
    db = await freshDb();
    created = [];
    fakeBrowser.contextMenus.removeAll = vi.fn(async () => {
      created = [];
    }) as never;
    fakeBrowser.contextMenus.create = vi.fn((entry: Created) => {
      created.push(entry);
      return entry.id;
    }) as never;
  });

  const build = async (services: () => Promise<Services | undefined>) => {
    await createMenus({ services, kick: () => undefined }).rebuild();
    return created;
  };

  it('exist only on Cliq pages (and the sandbox in test builds), never elsewhere', async () => {
    const entries = await build(async () => undefined);
    expect(entries.map((e) => e.id)).toEqual(['cliq-pins-pin', 'cliq-pins-unpin']);
    for (const entry of entries) {
      expect(entry.documentUrlPatterns.sort()).toEqual([...CLIQ_HOST_PATTERNS, SANDBOX_HOST_PATTERN].sort());
    }
  });

  it('offer "Add chat to folder" with each folder Cliq has, My Pins by its name', async () => {
    const now = Date.now();
    await putFolderList(db, {
      fetchedAt: now,
      changedSinceRead: false,
      folders: [
        { folderId: 'default', collapsed: false, chatIds: [], position: 0 },
        { folderId: '1234567000000000001', title: 'R&D <team>', collapsed: false, chatIds: [], position: 1 },
      ],
    });
    const entries = await build(async () => ({ db }) as Services);
    const folder = entries.find((e) => e.id === 'cliq-pins-folder');
    expect(folder?.title).toBe('Add chat to folder');
    // No "selection" context: Chrome would put the selected text in place of a "%s" in a folder's title.
    expect(folder?.contexts).not.toContain('selection');
    const children = entries.filter((e) => e.parentId === 'cliq-pins-folder');
    expect(children.map((e) => [e.id, e.title])).toEqual([
      ['cliq-pins-folder:default', 'My Pins'],
      ['cliq-pins-folder:1234567000000000001', 'R&D <team>'],
    ]);
  });
});

describe('a context-menu entry that does not happen', () => {
  const CHAT = 'CT_1_11';
  const tab = { id: 7, url: `https://cliq.zoho.com/company/1/chats/${CHAT}` };
  let sent: { tabId: number; message: unknown; options?: unknown }[];

  beforeEach(() => {
    sent = [];
    // The page answers "what was right-clicked" with a message of its chat; every message to the tab is recorded.
    fakeBrowser.tabs.sendMessage = vi.fn(async (tabId: number, message: unknown, options?: unknown) => {
      sent.push({ tabId, message, options });
      return { chatId: CHAT, messageId: '1700000000000_1' };
    }) as never;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  const choose = (menuItemId: string, services: () => Promise<Services | undefined>) =>
    createMenus({ services, kick: () => undefined }).clicked({ menuItemId, frameId: 3 }, tab);
  const toldPage = () =>
    sent.filter((s) => (s.message as { cliqPinsEvent: { type: string } }).cliqPinsEvent.type === 'menuFailed');

  it('tells the right-clicked frame that Cliq Pins is signed out and where to sign in (Unpin message)', async () => {
    await expect(choose('cliq-pins-unpin', async () => undefined)).rejects.toThrow();
    expect(toldPage()).toEqual([
      {
        tabId: 7,
        message: { cliqPinsEvent: { type: 'menuFailed', error: t('enqueueSignedOut') } },
        options: { frameId: 3 },
      },
    ]);
    expect(t('enqueueSignedOut')).toMatch(/settings page/);
  });

  it('passes on the queue’s own sentence when it refuses (Add chat to folder)', async () => {
    const refused = { queue: { enqueue: async () => ({ ok: false, error: 'The queue is full.' }) } };
    await expect(choose('cliq-pins-folder:default', async () => refused as unknown as Services)).rejects.toThrow();
    expect(toldPage().map((s) => s.message)).toEqual([
      { cliqPinsEvent: { type: 'menuFailed', error: 'The queue is full.' } },
    ]);
  });

  it('says so when the page could not tell what was right-clicked (a menu shown for the previous right-click)', async () => {
    fakeBrowser.tabs.sendMessage = vi.fn(async (tabId: number, message: unknown, options?: unknown) => {
      sent.push({ tabId, message, options });
      return { chatId: CHAT };
    }) as never;
    await expect(choose('cliq-pins-unpin', async () => undefined)).rejects.toThrow();
    expect(toldPage().map((s) => s.message)).toEqual([
      { cliqPinsEvent: { type: 'menuFailed', error: t('menuNoTarget') } },
    ]);
  });

  it('says nothing more when the entry was queued, or when the page opened its pin dialog', async () => {
    const queued = { queue: { enqueue: async () => ({ ok: true, ids: [1] }) } };
    await choose('cliq-pins-unpin', async () => queued as unknown as Services);
    await choose('cliq-pins-pin', async () => undefined);
    expect(toldPage()).toEqual([]);
  });
});
