import { describe, expect, it } from 'vitest';
import { failureOf, scriptedClient } from './scripted-fetch';

const folders = (chats: string[]) => ({
  json: {
    data: [
      { category_id: 'default' },
      { category_id: '501', title: 'Work', chats: chats.map((chat_id) => ({ chat_id })) },
    ],
  },
});

describe('replaceFolderChats and the view it was edited from', () => {
  it('hands back a view stamped with the time the read was sent, and sends it as last_sync_time', async () => {
    const harness = scriptedClient([folders(['CT_201_1', 'CT_202_1']), { status: 204 }]);
    const read = await harness.client.call('listFolders', {});
    expect(read.view).toEqual({ lastSyncTime: harness.clock });
    harness.tick(1000);
    await harness.client.call('replaceFolderChats', {
      categoryId: '501',
      chatIds: ['CT_202_1', 'CT_201_1'],
      basedOn: read.view,
    });
    expect(harness.sent[1]?.body).toEqual({
      chat_ids: ['CT_202_1', 'CT_201_1'],
      last_sync_time: read.view.lastSyncTime,
    });
  });

  it('refuses a view older than a later read, without a request', async () => {
    const harness = scriptedClient([folders(['CT_201_1']), folders(['CT_201_1', 'CT_203_1'])]);
    const old = await harness.client.call('listFolders', {});
    harness.tick(1000);
    const fresh = await harness.client.call('listFolders', {});
    const error = await failureOf(
      harness.client.call('replaceFolderChats', {
        categoryId: '501',
        chatIds: ['CT_201_1', 'CT_202_1'],
        basedOn: old.view,
      }),
    );
    expect(error).toMatchObject({ kind: 'conflict', operation: 'replaceFolderChats' });
    expect(error.message).toMatch(/changed in Cliq after it was loaded/);
    expect(harness.sent).toHaveLength(2);

    await harness.client.call('replaceFolderChats', {
      categoryId: '501',
      chatIds: ['CT_201_1', 'CT_203_1', 'CT_202_1'],
      basedOn: fresh.view,
    });
    expect(harness.sent).toHaveLength(3);
  });

  it('refuses to base a second replace on the view the first one already used', async () => {
    const harness = scriptedClient([folders(['CT_201_1']), { status: 204 }]);
    const { view } = await harness.client.call('listFolders', {});
    harness.tick(10);
    await harness.client.call('replaceFolderChats', {
      categoryId: '501',
      chatIds: ['CT_201_1', 'CT_202_1'],
      basedOn: view,
    });
    harness.tick(10);
    const error = await failureOf(
      harness.client.call('replaceFolderChats', {
        categoryId: '501',
        chatIds: ['CT_201_1', 'CT_203_1'],
        basedOn: view,
      }),
    );
    expect(error.kind).toBe('conflict');
    expect(harness.sent).toHaveLength(2);
  });

  it('counts any folder write, such as pinning a chat, as a newer state', async () => {
    const harness = scriptedClient([
      folders(['CT_201_1']),
      { json: { data: { chat_id: 'CT_205_1', category_id: '501' } } },
    ]);
    const { view } = await harness.client.call('listFolders', {});
    harness.tick(10);
    await harness.client.call('pinChat', { chatId: 'CT_205_1', categoryId: '501' });
    for (const op of ['replaceFolderChats', 'reorderChatInFolder', 'moveFolder'] as const) {
      const params = { categoryId: '501', chatIds: ['CT_201_1'], chatId: 'CT_201_1', basedOn: view };
      expect((await failureOf(harness.client.call(op, params))).kind).toBe('conflict');
    }
    expect(harness.sent).toHaveLength(2);
  });

  it('counts a write whose answer was unreadable, since it landed', async () => {
    const harness = scriptedClient([folders(['CT_201_1']), { json: { data: { category_id: 5 } } }]);
    const { view } = await harness.client.call('listFolders', {});
    harness.tick(10);
    expect((await failureOf(harness.client.call('createFolder', { title: 'New' }))).kind).toBe('malformed');
    const error = await failureOf(harness.client.call('moveFolder', { categoryId: '501', basedOn: view }));
    expect(error.kind).toBe('conflict');
  });

  it('reports Cliq’s own client_not_synced the same way', async () => {
    const harness = scriptedClient([{ status: 400, json: { code: 'client_not_synced' } }]);
    const error = await failureOf(
      harness.client.call('reorderChatInFolder', {
        categoryId: '501',
        chatId: 'CT_201_1',
        basedOn: { lastSyncTime: 5 },
      }),
    );
    expect(error).toMatchObject({ kind: 'conflict', status: 400, code: 'client_not_synced' });
  });

  it('leaves pinned-message views to Cliq’s own check', async () => {
    const harness = scriptedClient([{ json: { data: [] } }, { status: 204 }, { status: 204 }]);
    const { view } = await harness.client.call('listPinnedMessages', { chatId: 'CT_91_1', limit: 25 });
    expect(view.lastSyncTime).toBe(harness.clock);
    await harness.client.call('reorderPinnedMessage', {
      chatId: 'CT_91_1',
      messageId: '1700000000001_1',
      basedOn: view,
    });
    await harness.client.call('reorderPinnedMessage', {
      chatId: 'CT_91_1',
      messageId: '1700000000002_2',
      basedOn: view,
    });
    expect(harness.sent).toHaveLength(3);
  });
});
