import { DEFAULT_FOLDER_ID, type ResultOf } from '../cliq';
import { pinRecordFrom } from '../lists/convert';
import * as lists from '../lists/rules';
import { getFolderList, getPinList, putFolderList, putPinList } from '../store/cache';
import type { PinsDb } from '../store/db';
import type { FolderRecord, PinRecord } from '../store/records';
import type { WriteRequest } from './planning/step';

/**
 * Cliq confirmed a write: change the cached list the same way. The list is then marked as changed since it
 * was read, because Cliq will refuse its old `last_sync_time`.
 */
export async function applyConfirmedWrite(db: PinsDb, request: WriteRequest, result: unknown): Promise<string> {
  if ('chatId' in request.params && isPinOp(request)) {
    const list = await getPinList(db, request.params.chatId);
    if (list) await putPinList(db, { ...list, pins: applyToPins(list.pins, request, result), changedSinceRead: true });
    return `pins:${request.params.chatId}`;
  }
  const list = await getFolderList(db);
  if (list)
    await putFolderList(db, {
      ...list,
      folders: applyToFolders(list.folders, request, result),
      changedSinceRead: true,
    });
  return 'folders';
}

type PinOp = Extract<WriteRequest, { op: 'unpinMessages' | 'pinMessage' | 'reorderPinnedMessage' }>;

const isPinOp = (request: WriteRequest): request is PinOp =>
  request.op === 'unpinMessages' || request.op === 'pinMessage' || request.op === 'reorderPinnedMessage';

function applyToPins(pins: PinRecord[], request: PinOp, result: unknown): PinRecord[] {
  switch (request.op) {
    case 'unpinMessages':
      return lists.removePins(pins, request.params.messageIds);
    case 'pinMessage': {
      const { data } = result as ResultOf<'pinMessage'>;
      return lists.addPin(pins, pinRecordFrom(data), data.pin_information.is_primary);
    }
    case 'reorderPinnedMessage':
      return lists.movePin(pins, request.params.messageId, request.params.pinAbove);
  }
}

function applyToFolders(folders: FolderRecord[], request: WriteRequest, result: unknown): FolderRecord[] {
  switch (request.op) {
    case 'pinChat':
      return lists.pinChatInFolder(folders, request.params.chatId, request.params.categoryId ?? DEFAULT_FOLDER_ID);
    case 'unpinChat':
      return lists.removeChatsEverywhere(folders, [request.params.chatId]);
    case 'removeChatsFromAllFolders':
      return lists.removeChatsEverywhere(folders, request.params.chatIds);
    case 'reorderChatInFolder':
      return lists.moveChat(folders, request.params.categoryId, request.params.chatId, request.params.pinAbove);
    case 'moveFolder':
      return lists.moveFolder(folders, request.params.categoryId, request.params.pinAbove);
    case 'replaceFolderChats':
      return lists.replaceChats(folders, request.params.categoryId, request.params.chatIds);
    case 'deleteFolder':
      return lists.deleteFolder(folders, request.params.categoryId, request.params.unpinAll ?? false);
    case 'updateFolder': {
      const { title, symbol, state } = request.params;
      return lists.updateFolder(folders, request.params.categoryId, {
        ...(title === undefined ? {} : { title }),
        ...(symbol === undefined ? {} : { symbol }),
        ...(state === undefined ? {} : { collapsed: state === 'collapsed' }),
      });
    }
    case 'createFolder': {
      const { data } = result as ResultOf<'createFolder'>;
      return lists.addFolder(folders, {
        folderId: data.category_id,
        title: data.title ?? request.params.title,
        symbol: data.symbol ?? request.params.symbol,
        collapsed: data.state === 'collapsed',
        chatIds: [...new Set(request.params.chatIds ?? [])],
      });
    }
    default:
      return folders;
  }
}
