import { DEFAULT_FOLDER_ID } from '../constants';
import * as z from '../zod';
import { endpoint, perMinute } from './define';
import { chatId, csv, folderId as folderIdOf, folderSymbol, idList, listView, timestamp, title } from './params';
import { folder, noContent } from './shapes';

const MAX_CHATS_PER_FOLDER = 100;
/** Bulk unpin across folders takes at most 25 chats. */
export const MAX_CHATS_PER_REMOVAL = 25;

const FOLDERS = '/v3/pin-categories';
const FOLDER = '/v3/pin-categories/{CATEGORY_ID}';
const CHAT_PINS = '/v3/chats/{CHAT_ID}/pins';

const folderId = folderIdOf();
const movableFolderId = folderId.check(
  z.refine((id) => id !== DEFAULT_FOLDER_ID, {
    error: 'My Pins (the default folder) cannot be moved or deleted',
  }),
);
const folderPath = (p: { categoryId: string }) => ({ CATEGORY_ID: p.categoryId });
const chatIds = (min: number, max: number, emptyMeans?: string) => idList({ label: 'chat id', min, max, emptyMeans });

// The four PUTs on one folder share a template, hence one budget of 50 a minute.
const folderPut = { method: 'PUT', path: FOLDER, scope: 'ZohoCliq.Chats.UPDATE', limit: perMinute(50, 5) } as const;

export const folderEndpoints = {
  /** Every folder in order, My Pins first. The result's `view` is what reorders and replaces are based on. */
  listFolders: endpoint({
    method: 'GET',
    path: FOLDERS,
    scope: 'ZohoCliq.Chats.READ',
    limit: perMinute(20, 5),
    params: z.object({
      include: z._default(z.array(z.enum(['chats', 'recipients_summary', 'last_message_info'])), ['chats']),
    }),
    query: z.object({ include_fields: z.optional(z.string()) }),
    toWire: (p) => ({ query: { include_fields: p.include.length > 0 ? csv(p.include) : undefined } }),
    response: z.object({ data: z.array(folder) }),
    snapshotOf: 'folderList',
  }),

  createFolder: endpoint({
    method: 'POST',
    path: FOLDERS,
    scope: 'ZohoCliq.Chats.CREATE',
    limit: perMinute(20, 5),
    params: z.object({
      title: title('folder title'),
      symbol: z._default(folderSymbol, ''),
      chatIds: z.optional(chatIds(0, MAX_CHATS_PER_FOLDER)),
    }),
    body: z.object({
      title: z.string().check(z.minLength(1), z.maxLength(255)),
      symbol: z.string().check(z.maxLength(50)),
      chat_ids: z.optional(z.array(z.string()).check(z.maxLength(MAX_CHATS_PER_FOLDER))),
    }),
    toWire: (p) => ({ body: { title: p.title, symbol: p.symbol, chat_ids: p.chatIds } }),
    response: z.object({ data: folder }),
    changes: 'folderList',
  }),

  /** Unpins each chat from every folder it is in. */
  removeChatsFromAllFolders: endpoint({
    method: 'DELETE',
    path: FOLDERS,
    scope: 'ZohoCliq.Chats.DELETE',
    limit: perMinute(20, 5),
    params: z.object({ chatIds: chatIds(1, MAX_CHATS_PER_REMOVAL) }),
    query: z.object({ chat_ids: z.string().check(z.minLength(1)) }),
    toWire: (p) => ({ query: { chat_ids: csv(p.chatIds) } }),
    response: noContent,
    changes: 'folderList',
  }),

  updateFolder: endpoint({
    ...folderPut,
    params: z
      .object({
        categoryId: folderId,
        title: z.optional(title('folder title')),
        symbol: z.optional(folderSymbol),
        state: z.optional(z.enum(['expanded', 'collapsed'])),
      })
      .check(
        z.refine((p) => p.title !== undefined || p.symbol !== undefined || p.state !== undefined, {
          error: 'nothing to change: give a title, a symbol or a state',
        }),
      ),
    body: z.object({
      title: z.optional(z.string().check(z.maxLength(255))),
      symbol: z.optional(z.string().check(z.maxLength(50))),
      state: z.optional(z.enum(['expanded', 'collapsed'])),
    }),
    toWire: (p) => ({ path: folderPath(p), body: { title: p.title, symbol: p.symbol, state: p.state } }),
    response: noContent,
    changes: 'folderList',
  }),

  /** Moves a chat directly above `pinAbove` in the folder; without it, to the end. */
  reorderChatInFolder: endpoint({
    ...folderPut,
    params: z.object({
      categoryId: folderId,
      chatId: chatId(),
      pinAbove: z.optional(chatId('pin above')),
      basedOn: listView,
    }),
    body: z.object({
      chat_id: z.string(),
      pin_above: z.optional(z.string()),
      last_sync_time: timestamp('last sync time'),
    }),
    toWire: (p) => ({
      path: folderPath(p),
      body: { chat_id: p.chatId, pin_above: p.pinAbove, last_sync_time: p.basedOn.lastSyncTime },
    }),
    response: noContent,
    changes: 'folderList',
  }),

  /** Moves a folder directly above `pinAbove`; without it, to the end. Nothing goes above My Pins. */
  moveFolder: endpoint({
    ...folderPut,
    params: z.object({
      categoryId: movableFolderId,
      pinAbove: z.optional(movableFolderId),
      basedOn: listView,
    }),
    body: z.object({ pin_above: z.optional(z.string()), last_sync_time: timestamp('last sync time') }),
    toWire: (p) => ({ path: folderPath(p), body: { pin_above: p.pinAbove, last_sync_time: p.basedOn.lastSyncTime } }),
    response: noContent,
    changes: 'folderList',
  }),

  /**
   * Overwrites the folder's whole chat list. `basedOn` must be the view the list was edited from: the client
   * refuses views older than the newest folder-list state it has seen, so a stale edit cannot drop chats.
   */
  replaceFolderChats: endpoint({
    ...folderPut,
    params: z.object({
      categoryId: folderId,
      chatIds: chatIds(0, MAX_CHATS_PER_FOLDER),
      basedOn: listView,
    }),
    body: z.object({
      chat_ids: z.array(z.string()).check(z.maxLength(MAX_CHATS_PER_FOLDER)),
      last_sync_time: timestamp('last sync time'),
    }),
    toWire: (p) => ({ path: folderPath(p), body: { chat_ids: p.chatIds, last_sync_time: p.basedOn.lastSyncTime } }),
    response: noContent,
    changes: 'folderList',
  }),

  /** Without `unpinAll` the folder's chats move to My Pins. */
  deleteFolder: endpoint({
    method: 'DELETE',
    path: FOLDER,
    scope: 'ZohoCliq.Chats.DELETE',
    limit: perMinute(20, 5),
    params: z.object({ categoryId: movableFolderId, unpinAll: z.optional(z.boolean()) }),
    query: z.object({ unpin_all: z.optional(z.boolean()) }),
    toWire: (p) => ({ path: folderPath(p), query: { unpin_all: p.unpinAll } }),
    response: noContent,
    changes: 'folderList',
  }),

  /** Pins a chat in a folder (My Pins when no folder is given); pinning it where it already is changes nothing. */
  pinChat: endpoint({
    method: 'POST',
    path: CHAT_PINS,
    scope: 'ZohoCliq.Chats.UPDATE',
    limit: perMinute(50, 5),
    params: z.object({ chatId: chatId(), categoryId: z.optional(folderId) }),
    body: z.object({ category_id: z.optional(z.string()) }),
    toWire: (p) => ({ path: { CHAT_ID: p.chatId }, body: { category_id: p.categoryId } }),
    response: z.object({ data: z.object({ chat_id: z.string(), category_id: z.optional(z.string()) }) }),
    changes: 'folderList',
  }),

  /** Unpins a chat from My Pins and every folder. */
  unpinChat: endpoint({
    method: 'DELETE',
    path: CHAT_PINS,
    scope: 'ZohoCliq.Chats.UPDATE',
    limit: perMinute(50, 5),
    params: z.object({ chatId: chatId() }),
    toWire: (p) => ({ path: { CHAT_ID: p.chatId } }),
    response: z.object({ data: z.object({ chat_id: z.string() }) }),
    changes: 'folderList',
  }),
};
