import { t } from '../../i18n';
import { DEFAULT_FOLDER_ID, MAX_CHATS_PER_REMOVAL } from '../constants';
import * as z from '../zod';
import { endpoint } from './define';
import { chatId, csv, folderId as folderIdOf, folderSymbol, idList, listView, timestamp, title } from './params';
import { ROUTES } from './routes';
import { folder, noContent } from './shapes';

const MAX_CHATS_PER_FOLDER = 100;

const folderId = folderIdOf();
const movableFolderId = folderId.check(
  z.rule(
    (id: string) => id !== DEFAULT_FOLDER_ID,
    () => t('cliqGuardMyPinsFixed'),
  ),
);
const folderPath = (p: { categoryId: string }) => ({ CATEGORY_ID: p.categoryId });
const chatIds = (min: number, max: number) =>
  idList({ label: 'cliqLabelChatId', labels: 'cliqLabelChatIds', min, max });

export const folderEndpoints = {
  /** Every folder in order, My Pins first. The result's `view` is what reorders and replaces are based on. */
  listFolders: endpoint({
    ...ROUTES.listFolders,
    scope: 'ZohoCliq.Chats.READ',
    params: z.object({
      include: z._default(z.array(z.literal(['chats', 'recipients_summary', 'last_message_info'])), ['chats']),
    }),
    query: z.object({ include_fields: z.optional(z.string()) }),
    toWire: (p) => ({ query: { include_fields: p.include.length > 0 ? csv(p.include) : undefined } }),
    response: z.object({ data: z.array(folder) }),
    snapshotOf: 'folderList',
  }),

  createFolder: endpoint({
    ...ROUTES.createFolder,
    scope: 'ZohoCliq.Chats.CREATE',
    params: z.object({
      title: title('cliqLabelFolderTitle'),
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
    ...ROUTES.removeChatsFromAllFolders,
    scope: 'ZohoCliq.Chats.DELETE',
    params: z.object({ chatIds: chatIds(1, MAX_CHATS_PER_REMOVAL) }),
    query: z.object({ chat_ids: z.string().check(z.minLength(1)) }),
    toWire: (p) => ({ query: { chat_ids: csv(p.chatIds) } }),
    response: noContent,
    changes: 'folderList',
  }),

  updateFolder: endpoint({
    ...ROUTES.updateFolder,
    scope: 'ZohoCliq.Chats.UPDATE',
    params: z
      .object({
        categoryId: folderId,
        title: z.optional(title('cliqLabelFolderTitle')),
        symbol: z.optional(folderSymbol),
        state: z.optional(z.literal(['expanded', 'collapsed'])),
      })
      .check(
        z.rule(
          (p: { title?: string; symbol?: string; state?: string }) =>
            p.title !== undefined || p.symbol !== undefined || p.state !== undefined,
          () => t('cliqGuardNothingToChange'),
        ),
      ),
    body: z.object({
      title: z.optional(z.string().check(z.maxLength(255))),
      symbol: z.optional(z.string().check(z.maxLength(50))),
      state: z.optional(z.literal(['expanded', 'collapsed'])),
    }),
    toWire: (p) => ({ path: folderPath(p), body: { title: p.title, symbol: p.symbol, state: p.state } }),
    response: noContent,
    changes: 'folderList',
  }),

  /** Moves a chat directly above `pinAbove` in the folder; without it, to the end. */
  reorderChatInFolder: endpoint({
    ...ROUTES.reorderChatInFolder,
    scope: 'ZohoCliq.Chats.UPDATE',
    params: z.object({
      categoryId: folderId,
      chatId: chatId(),
      pinAbove: z.optional(chatId('cliqLabelPinAbove')),
      basedOn: listView,
    }),
    body: z.object({
      chat_id: z.string(),
      pin_above: z.optional(z.string()),
      last_sync_time: timestamp('cliqLabelLastSyncTime'),
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
    ...ROUTES.moveFolder,
    scope: 'ZohoCliq.Chats.UPDATE',
    params: z.object({
      categoryId: movableFolderId,
      pinAbove: z.optional(movableFolderId),
      basedOn: listView,
    }),
    body: z.object({ pin_above: z.optional(z.string()), last_sync_time: timestamp('cliqLabelLastSyncTime') }),
    toWire: (p) => ({ path: folderPath(p), body: { pin_above: p.pinAbove, last_sync_time: p.basedOn.lastSyncTime } }),
    response: noContent,
    changes: 'folderList',
  }),

  /**
   * Overwrites the folder's whole chat list. `basedOn` must be the view the list was edited from: the client
   * refuses views older than the newest folder-list state it has seen, so a stale edit cannot drop chats.
   */
  replaceFolderChats: endpoint({
    ...ROUTES.replaceFolderChats,
    scope: 'ZohoCliq.Chats.UPDATE',
    params: z.object({
      categoryId: folderId,
      chatIds: chatIds(0, MAX_CHATS_PER_FOLDER),
      basedOn: listView,
    }),
    body: z.object({
      chat_ids: z.array(z.string()).check(z.maxLength(MAX_CHATS_PER_FOLDER)),
      last_sync_time: timestamp('cliqLabelLastSyncTime'),
    }),
    toWire: (p) => ({ path: folderPath(p), body: { chat_ids: p.chatIds, last_sync_time: p.basedOn.lastSyncTime } }),
    response: noContent,
    changes: 'folderList',
  }),

  /** Without `unpinAll` the folder's chats move to My Pins. */
  deleteFolder: endpoint({
    ...ROUTES.deleteFolder,
    scope: 'ZohoCliq.Chats.DELETE',
    params: z.object({ categoryId: movableFolderId, unpinAll: z.optional(z.boolean()) }),
    query: z.object({ unpin_all: z.optional(z.boolean()) }),
    toWire: (p) => ({ path: folderPath(p), query: { unpin_all: p.unpinAll } }),
    response: noContent,
    changes: 'folderList',
  }),

  /** Pins a chat in a folder (My Pins when no folder is given); pinning it where it already is changes nothing. */
  pinChat: endpoint({
    ...ROUTES.pinChat,
    scope: 'ZohoCliq.Chats.UPDATE',
    params: z.object({ chatId: chatId(), categoryId: z.optional(folderId) }),
    body: z.object({ category_id: z.optional(z.string()) }),
    toWire: (p) => ({ path: { CHAT_ID: p.chatId }, body: { category_id: p.categoryId } }),
    response: z.object({ data: z.object({ chat_id: z.string(), category_id: z.optional(z.string()) }) }),
    changes: 'folderList',
  }),

  /** Unpins a chat from My Pins and every folder. */
  unpinChat: endpoint({
    ...ROUTES.unpinChat,
    scope: 'ZohoCliq.Chats.UPDATE',
    params: z.object({ chatId: chatId() }),
    toWire: (p) => ({ path: { CHAT_ID: p.chatId } }),
    response: z.object({ data: z.object({ chat_id: z.string() }) }),
    changes: 'folderList',
  }),
};
