import { describe, expect, it } from 'vitest';
import { failureOf, scriptedClient } from './scripted-fetch';

const folders = (chats: string[]) => ({
  json: {
    data: [
      { category_id: 'default' },
      { category_id: 'F1', title: 'Work', chats: chats.map((chat_id) => ({ chat_id })) },
    ],
  },
});

describe('replaceFolderChats and the view it was edited from', () => {
  it('hands back a view stamped with the time the read was sent, and sends it as last_sync_time', async () => {
    const harness = scriptedClient([folders(['a', 'b']), { status: 204 }]);
    const read = await harness.client.call('listFolders', {});
    expect(read.view).toEqual({ lastSyncTime: harness.clock });
    harness.tick(1000);
    await harness.client.call('replaceFolderChats', { categoryId: 'F1', chatIds: ['b', 'a'], basedOn: read.view });
    expect(harness.sent[1]?.body).toEqual({ chat_ids: ['b', 'a'], last_sync_time: read.view.lastSyncTime });
  });

  it('refuses a view older than a later read, without a request', async () => {
    const harness = scriptedClient([folders(['a']), folders(['a', 'c'])]);
    const old = await harness.client.call('listFolders', {});
    harness.tick(1000);
    const fresh = await harness.client.call('listFolders', {});
    const error = await failureOf(
      harness.client.call('replaceFolderChats', { categoryId: 'F1', chatIds: ['a', 'b'], basedOn: old.view }),
    );
    expect(error).toMatchObject({ kind: 'conflict', operation: 'replaceFolderChats' });
    expect(error.message).toMatch(/changed in Cliq after it was loaded/);
    expect(harness.sent).toHaveLength(2);

    await harness.client.call('replaceFolderChats', {
      categoryId: 'F1',
      chatIds: ['a', 'c', 'b'],
      basedOn: fresh.view,
    });
    expect(harness.sent).toHaveLength(3);
  });

  it('refuses to base a second replace on the view the first one already used', async () => {
    const harness = scriptedClient([folders(['a']), { status: 204 }]);
    const { view } = await harness.client.call('listFolders', {});
    harness.tick(10);
    await harness.client.call('replaceFolderChats', { categoryId: 'F1', chatIds: ['a', 'b'], basedOn: view });
    harness.tick(10);
    const error = await failureOf(
      harness.client.call('replaceFolderChats', { categoryId: 'F1', chatIds: ['a', 'c'], basedOn: view }),
    );
    expect(error.kind).toBe('conflict');
    expect(harness.sent).toHaveLength(2);
  });

  it('counts any folder write, such as pinning a chat, as a newer state', async () => {
    const harness = scriptedClient([folders(['a']), { json: { data: { chat_id: 'z', category_id: 'F1' } } }]);
    const { view } = await harness.client.call('listFolders', {});
    harness.tick(10);
    await harness.client.call('pinChat', { chatId: 'z', categoryId: 'F1' });
    for (const op of ['replaceFolderChats', 'reorderChatInFolder', 'moveFolder'] as const) {
      const params = { categoryId: 'F1', chatIds: ['a'], chatId: 'a', basedOn: view };
      expect((await failureOf(harness.client.call(op, params))).kind).toBe('conflict');
    }
    expect(harness.sent).toHaveLength(2);
  });

  it('counts a write whose answer was unreadable, since it landed', async () => {
    const harness = scriptedClient([folders(['a']), { json: { data: { category_id: 5 } } }]);
    const { view } = await harness.client.call('listFolders', {});
    harness.tick(10);
    expect((await failureOf(harness.client.call('createFolder', { title: 'New' }))).kind).toBe('malformed');
    const error = await failureOf(harness.client.call('moveFolder', { categoryId: 'F1', basedOn: view }));
    expect(error.kind).toBe('conflict');
  });

  it('reports Cliq’s own client_not_synced the same way', async () => {
    const harness = scriptedClient([{ status: 400, json: { code: 'client_not_synced' } }]);
    const error = await failureOf(
      harness.client.call('reorderChatInFolder', { categoryId: 'F1', chatId: 'a', basedOn: { lastSyncTime: 5 } }),
    );
    expect(error).toMatchObject({ kind: 'conflict', status: 400, code: 'client_not_synced' });
  });

  it('leaves pinned-message views to Cliq’s own check', async () => {
    const harness = scriptedClient([{ json: { data: [] } }, { status: 204 }, { status: 204 }]);
    const { view } = await harness.client.call('listPinnedMessages', { chatId: 'C1', limit: 25 });
    expect(view.lastSyncTime).toBe(harness.clock);
    await harness.client.call('reorderPinnedMessage', { chatId: 'C1', messageId: '1_1', basedOn: view });
    await harness.client.call('reorderPinnedMessage', { chatId: 'C1', messageId: '2_2', basedOn: view });
    expect(harness.sent).toHaveLength(3);
  });
});
