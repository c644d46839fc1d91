import { describe, expect, it } from 'vitest';
import { failureOf, first, useSandbox } from './harness';

const h = useSandbox();

const userFolders = () => h.folders().filter((f) => f.id !== 'default');
const folderWith = (min: number) =>
  first(
    userFolders().filter((f) => f.chatIds.length >= min),
    `folder with ${min} chats`,
  );
/** A chat the user may pin that is in no folder yet. */
const unpinnedChat = () => {
  const pinned = new Set(h.folders().flatMap((f) => f.chatIds));
  return first(
    h.chats('group_chat').filter((c) => !pinned.has(c.id)),
    'unpinned group chat',
  );
};
const tick = () => h.sb().clock.advance(1000);

describe('listFolders', () => {
  it('lists My Pins first, then each folder with its chats and a view', async () => {
    const result = await h
      .client()
      .call('listFolders', { include: ['chats', 'recipients_summary', 'last_message_info'] });
    h.expectRoute('listFolders');
    expect(result.data.map((f) => f.category_id)).toEqual(h.folders().map((f) => f.id));
    expect(result.data[0]).toMatchObject({ category_id: 'default' });
    const folder = result.data[1];
    expect(folder?.title).toBeDefined();
    expect(folder?.chats?.map((c) => c.chat_id)).toEqual(h.folders()[1]?.chatIds);
    expect(result.view.lastSyncTime).toBeLessThanOrEqual(h.sb().clock.now());
  });
});

describe('createFolder', () => {
  it('creates a folder with chats in the given order', async () => {
    const [a, b] = h.chats('group_chat').map((c) => c.id);
    const created = await h
      .client()
      .call('createFolder', { title: 'Launch', symbol: ':rocket:', chatIds: [b as string, a as string] });
    h.expectRoute('createFolder');
    const stored = h.folders().find((f) => f.id === created.data.category_id);
    expect(stored).toMatchObject({ title: 'Launch', symbol: ':rocket:', chatIds: [b, a] });
  });

  it('refuses a chat the user is not in with operation_not_allowed', async () => {
    const outsider = first(
      [...h.sb().state.chats.values()].filter((c) => !h.sb().state.isParticipant(c)),
      'chat the user is not in',
    );
    const error = await failureOf(h.client().call('createFolder', { title: 'X', chatIds: [outsider.id] }));
    expect(error).toMatchObject({ kind: 'invalid', code: 'operation_not_allowed' });
  });

  it('answers max_folders_error past the folder cap', async () => {
    const folders = h.folders();
    while (folders.length <= 50) {
      folders.push({ id: `49000${folders.length}`, title: 'Filler', symbol: '', state: 'expanded', chatIds: [] });
    }
    const error = await failureOf(h.client().call('createFolder', { title: 'One too many' }));
    expect(error).toMatchObject({ kind: 'invalid', code: 'max_folders_error' });
  });
});

describe('updateFolder', () => {
  it('renames and collapses a folder', async () => {
    const folder = folderWith(0);
    await h.client().call('updateFolder', { categoryId: folder.id, title: 'Renamed', state: 'collapsed' });
    h.expectRoute('updateFolder');
    expect(folder).toMatchObject({ title: 'Renamed', state: 'collapsed' });
  });

  it('answers 404 for a folder that does not exist, as invalid', async () => {
    const error = await failureOf(h.client().call('updateFolder', { categoryId: '1234', title: 'x' }));
    expect(error).toMatchObject({ kind: 'invalid', status: 404 });
  });
});

describe('reorderChatInFolder', () => {
  it('moves a chat to the top of its folder', async () => {
    const folder = folderWith(2);
    const { view } = await h.client().call('listFolders', {});
    const [top, , ...rest] = folder.chatIds;
    const last = (rest.at(-1) ?? folder.chatIds[1]) as string;
    tick();
    await h.client().call('reorderChatInFolder', { categoryId: folder.id, chatId: last, pinAbove: top, basedOn: view });
    h.expectRoute('reorderChatInFolder');
    expect(folder.chatIds[0]).toBe(last);
  });
});

describe('moveFolder', () => {
  it('moves the last folder directly below My Pins, and another to the end', async () => {
    const { view } = await h.client().call('listFolders', { include: [] });
    const ids = h.folders().map((f) => f.id);
    const last = ids.at(-1) as string;
    tick();
    await h.client().call('moveFolder', { categoryId: last, pinAbove: ids[1], basedOn: view });
    h.expectRoute('moveFolder');
    expect(h.folders()[1]?.id).toBe(last);

    const again = await h.client().call('listFolders', { include: [] });
    tick();
    await h.client().call('moveFolder', { categoryId: last, basedOn: again.view });
    expect(h.folders().at(-1)?.id).toBe(last);
  });
});

describe('replaceFolderChats', () => {
  it('replaces the chat list in one request', async () => {
    const folder = folderWith(2);
    const { data, view } = await h.client().call('listFolders', {});
    const listed = data.find((f) => f.category_id === folder.id)?.chats?.map((c) => c.chat_id) ?? [];
    const edited = [...listed.reverse(), unpinnedChat().id];
    tick();
    await h.client().call('replaceFolderChats', { categoryId: folder.id, chatIds: edited, basedOn: view });
    h.expectRoute('replaceFolderChats');
    expect(h.sb().requests().at(-1)?.body).toEqual({ chat_ids: edited, last_sync_time: view.lastSyncTime });
    expect(folder.chatIds).toEqual(edited);
  });

  it('refuses, without a request, to reuse a view its own earlier write made stale', async () => {
    const folder = folderWith(2);
    const { view } = await h.client().call('listFolders', {});
    tick();
    await h.client().call('replaceFolderChats', {
      categoryId: folder.id,
      chatIds: [...folder.chatIds, unpinnedChat().id],
      basedOn: view,
    });
    const requests = h.requestCount();
    const kept = [...folder.chatIds];
    const error = await failureOf(
      h.client().call('replaceFolderChats', { categoryId: folder.id, chatIds: kept.slice(0, 1), basedOn: view }),
    );
    expect(error.kind).toBe('conflict');
    expect(h.requestCount()).toBe(requests);
    expect(folder.chatIds).toEqual(kept);
  });

  it('is refused by Cliq when another device changed the folders after the view', async () => {
    const folder = folderWith(2);
    const { view } = await h.client().call('listFolders', {});
    tick();
    const elsewhere = unpinnedChat();
    await h.otherDevice().call('pinChat', { chatId: elsewhere.id, categoryId: folder.id });
    tick();
    const error = await failureOf(
      h
        .client()
        .call('replaceFolderChats', { categoryId: folder.id, chatIds: folder.chatIds.slice(0, 1), basedOn: view }),
    );
    expect(error).toMatchObject({ kind: 'conflict', status: 400, code: 'client_not_synced' });
    expect(folder.chatIds).toContain(elsewhere.id);
  });
});

describe('deleteFolder', () => {
  it('moves the folder’s chats to My Pins, or unpins them with unpinAll', async () => {
    const [kept, dropped] = userFolders();
    const keptChats = [...(kept?.chatIds ?? [])];
    await h.client().call('deleteFolder', { categoryId: kept?.id as string });
    h.expectRoute('deleteFolder');
    expect(h.folders().find((f) => f.id === 'default')?.chatIds).toEqual(expect.arrayContaining(keptChats));
    await h.client().call('deleteFolder', { categoryId: dropped?.id as string, unpinAll: true });
    expect(h.sb().requests().at(-1)?.query).toEqual({ unpin_all: 'true' });
    expect(h.folders().map((f) => f.id)).not.toContain(dropped?.id);
  });
});

describe('pinChat and unpinChat', () => {
  it('pins a chat into a folder, then unpins it everywhere', async () => {
    const chat = unpinnedChat();
    const folder = folderWith(0);
    const pinned = await h.client().call('pinChat', { chatId: chat.id, categoryId: folder.id });
    h.expectRoute('pinChat');
    expect(pinned.data).toEqual({ chat_id: chat.id, category_id: folder.id });
    const myPins = await h.client().call('pinChat', { chatId: chat.id });
    expect(myPins.data.category_id).toBe('default');
    const unpinned = await h.client().call('unpinChat', { chatId: chat.id });
    h.expectRoute('unpinChat');
    expect(unpinned.data.chat_id).toBe(chat.id);
    expect(h.folders().some((f) => f.chatIds.includes(chat.id))).toBe(false);
  });

  it('refuses a chat the user is not in with chat_access_denied', async () => {
    const outsider = first(
      [...h.sb().state.chats.values()].filter((c) => !h.sb().state.isParticipant(c)),
      'chat the user is not in',
    );
    const error = await failureOf(h.client().call('pinChat', { chatId: outsider.id }));
    expect(error).toMatchObject({ kind: 'invalid', code: 'chat_access_denied' });
  });
});

describe('removeChatsFromAllFolders', () => {
  it('unpins each listed chat from every folder', async () => {
    const chatIds = folderWith(2).chatIds.slice(0, 2);
    await h.client().call('removeChatsFromAllFolders', { chatIds });
    h.expectRoute('removeChatsFromAllFolders');
    expect(h.folders().some((f) => f.chatIds.some((id) => chatIds.includes(id)))).toBe(false);
  });
});
