import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMenus } from '../../../lib/background/menus';
import type { Services } from '../../../lib/background/services';
import { CLIQ_HOST_PATTERNS, SANDBOX_HOST_PATTERN } from '../../../lib/cliq/datacentres';
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
