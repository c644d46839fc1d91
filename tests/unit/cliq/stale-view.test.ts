import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCliqClient } from '../../../lib/cliq/client';
import { failureOf } from '../../helpers';
import { type Sandbox, startSandbox } from '../../sandbox';
import { ManualClock } from '../queue/sandbox-cliq';

/*
 * The client keeps track of the folder-list views it handed out, and refuses a write based on one that a later
 * read or write has overtaken, before asking Cliq. Against the sandbox on a clock the test moves.
 */
const clock = new ManualClock();
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'default', timeSource: clock.now });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset('default'));

function connect() {
  const client = createCliqClient({ apiBase: () => sandbox.url, getToken: async () => sandbox.token, now: clock.now });
  return { client, sent: () => sandbox.requests() };
}

/** A folder other than My Pins, and chats it does not hold. */
function folderAndOthers() {
  const folder = sandbox.state.folders.find((f) => f.id !== 'default' && f.chatIds.length > 0);
  if (!folder) throw new Error('the default seed has no folder with chats');
  const others = [...sandbox.state.chats.keys()].filter((id) => !folder.chatIds.includes(id));
  return { id: folder.id, chats: [...folder.chatIds], others };
}

describe('replaceFolderChats and the view it was edited from', () => {
  it('hands back a view stamped with the time the read was sent, and sends it as last_sync_time', async () => {
    const { client, sent } = connect();
    const folder = folderAndOthers();
    const read = await client.call('listFolders', {});
    expect(read.view).toEqual({ lastSyncTime: clock.now() });
    clock.advance(1000);
    const chatIds = [...folder.chats].reverse();
    await client.call('replaceFolderChats', { categoryId: folder.id, chatIds, basedOn: read.view });
    expect(sent()[1]?.body).toEqual({ chat_ids: chatIds, last_sync_time: read.view.lastSyncTime });
  });

  it('refuses a view older than a later read, without a request', async () => {
    const { client, sent } = connect();
    const folder = folderAndOthers();
    const old = await client.call('listFolders', {});
    clock.advance(1000);
    const fresh = await client.call('listFolders', {});
    const error = await failureOf(
      client.call('replaceFolderChats', { categoryId: folder.id, chatIds: folder.chats, basedOn: old.view }),
    );
    expect(error).toMatchObject({ kind: 'conflict', operation: 'replaceFolderChats' });
    expect(error.message).toMatch(/changed in Cliq after it was loaded/);
    expect(sent()).toHaveLength(2);

    await client.call('replaceFolderChats', { categoryId: folder.id, chatIds: folder.chats, basedOn: fresh.view });
    expect(sent()).toHaveLength(3);
  });

  it('refuses to base a second replace on the view the first one already used', async () => {
    const { client, sent } = connect();
    const folder = folderAndOthers();
    const { view } = await client.call('listFolders', {});
    clock.advance(10);
    await client.call('replaceFolderChats', { categoryId: folder.id, chatIds: folder.chats, basedOn: view });
    clock.advance(10);
    const error = await failureOf(
      client.call('replaceFolderChats', { categoryId: folder.id, chatIds: folder.chats.slice(1), basedOn: view }),
    );
    expect(error.kind).toBe('conflict');
    expect(sent()).toHaveLength(2);
  });

  it('counts any folder write, such as pinning a chat, as a newer state', async () => {
    const { client, sent } = connect();
    const folder = folderAndOthers();
    const { view } = await client.call('listFolders', {});
    clock.advance(10);
    await client.call('pinChat', { chatId: folder.others[0] as string, categoryId: folder.id });
    const chatId = folder.chats[0] as string;
    for (const op of ['replaceFolderChats', 'reorderChatInFolder', 'moveFolder'] as const) {
      const params = { categoryId: folder.id, chatIds: folder.chats, chatId, basedOn: view };
      expect((await failureOf(client.call(op, params))).kind).toBe('conflict');
    }
    expect(sent()).toHaveLength(2);
  });

  it('counts a write whose answer was unreadable, since it landed', async () => {
    const { client } = connect();
    const folder = folderAndOthers();
    const { view } = await client.call('listFolders', {});
    clock.advance(10);
    sandbox.setFaults('malformed=1');
    expect((await failureOf(client.call('createFolder', { title: 'New' }))).kind).toBe('malformed');
    sandbox.setFaults(null);
    const error = await failureOf(client.call('moveFolder', { categoryId: folder.id, basedOn: view }));
    expect(error.kind).toBe('conflict');
  });

  it('reports Cliq’s own client_not_synced the same way', async () => {
    const { client, sent } = connect();
    const folder = folderAndOthers();
    const error = await failureOf(
      client.call('reorderChatInFolder', {
        categoryId: folder.id,
        chatId: folder.chats[0] as string,
        basedOn: { lastSyncTime: 5 },
      }),
    );
    expect(error).toMatchObject({ kind: 'conflict', status: 400, code: 'client_not_synced' });
    expect(sent()).toHaveLength(1);
  });

  it('leaves pinned-message views to Cliq’s own check', async () => {
    const { client, sent } = connect();
    const [chatId, list] = [...sandbox.state.pins].find(([, l]) => l.entries.length >= 2) ?? [];
    if (!chatId || !list) throw new Error('the default seed has no chat with two pins');
    const { view } = await client.call('listPinnedMessages', { chatId, limit: 25 });
    // The earliest Cliq's clock can have shown at the send: within the Date header's second before it.
    expect(view.lastSyncTime).toBeLessThanOrEqual(clock.now());
    expect(view.lastSyncTime).toBeGreaterThan(clock.now() - 1_000);
    const [first, second] = list.entries.map((p) => p.messageId);
    await client.call('reorderPinnedMessage', { chatId, messageId: first as string, basedOn: view });
    // The view predates the first move, so Cliq may refuse the second: but it is Cliq that decides, not the client.
    await client
      .call('reorderPinnedMessage', { chatId, messageId: second as string, basedOn: view })
      .catch(() => undefined);
    expect(sent()).toHaveLength(3);
  });
});
