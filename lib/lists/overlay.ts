import { DEFAULT_FOLDER_ID } from '../cliq/constants';
import { getFolderList, getPinList } from '../store/cache';
import type { PinsDb } from '../store/db';
import type { FolderRecord, IntentRecord, PinRecord } from '../store/records';
import * as lists from './rules';

/*
 * What the user should see while intents wait: Cliq's confirmed lists with every intent still in the queue
 * applied on top, in order. A failed intent is no longer applied, which is its rollback.
 */

const isPending = (record: IntentRecord) => record.state !== 'done' && record.state !== 'failed';

/** A folder created by a queued intent has no Cliq id yet. */
export const pendingFolderId = (record: IntentRecord) => `pending-${record.id}`;

export function showPins(
  chatId: string,
  confirmed: readonly PinRecord[],
  records: readonly IntentRecord[],
): PinRecord[] {
  let pins = [...confirmed];
  for (const record of records) {
    const { intent, memory } = record;
    if (!isPending(record) || !('chatId' in intent) || intent.chatId !== chatId) continue;
    switch (intent.kind) {
      case 'unpinMessages':
        pins = lists.removePins(pins, intent.messageIds);
        break;
      case 'pinMessage':
        pins = lists.addPin(
          pins,
          {
            messageId: intent.messageId,
            text: intent.preview?.text ?? '',
            senderName: intent.preview?.senderName,
            expiry: intent.expiry,
          },
          intent.primary ?? false,
        );
        break;
      case 'reorderPin':
        pins = lists.movePin(pins, intent.messageId, intent.above);
        break;
      case 'makePrimary':
        pins = lists.movePin(pins, intent.messageId, pins[0]?.messageId);
        break;
      case 'changePinExpiry': {
        const shown = pins.find((pin) => pin.messageId === intent.messageId) ?? memory.removedPin;
        if (!shown) break;
        // Between the unpin and the pin again, keep showing it where it was.
        const at = pins.indexOf(shown);
        const place = memory.placement ?? { primary: at === 0, above: pins[at + 1]?.messageId };
        const pin = { ...shown, expiry: intent.expiry };
        const rest = lists.removePins(pins, [intent.messageId]);
        pins = place.primary ? [pin, ...rest] : lists.movePin([...rest, pin], pin.messageId, place.above);
        break;
      }
    }
  }
  return pins;
}

export function showFolders(confirmed: readonly FolderRecord[], records: readonly IntentRecord[]): FolderRecord[] {
  let folders = [...confirmed];
  for (const record of records) {
    if (!isPending(record)) continue;
    const { intent, memory } = record;
    switch (intent.kind) {
      case 'pinChatToFolder':
        folders = lists.pinChatInFolder(folders, intent.chatId, intent.folderId ?? DEFAULT_FOLDER_ID);
        break;
      case 'unpinChat':
        folders = lists.removeChatsEverywhere(folders, [intent.chatId]);
        break;
      case 'removeChatsFromAllFolders':
        folders = lists.removeChatsEverywhere(folders, intent.chatIds);
        break;
      case 'moveChatInFolder':
        folders = lists.moveChat(folders, intent.folderId, intent.chatId, intent.above);
        break;
      case 'moveFolder':
        folders = lists.moveFolder(folders, intent.folderId, intent.above);
        break;
      case 'createFolder':
        folders = lists.addFolder(folders, {
          folderId: pendingFolderId(record),
          title: intent.title,
          symbol: intent.symbol,
          collapsed: false,
          chatIds: intent.chatIds ?? [],
        });
        break;
      case 'renameFolder':
        folders = lists.updateFolder(folders, intent.folderId, { title: intent.title });
        break;
      case 'changeFolderSymbol':
        folders = lists.updateFolder(folders, intent.folderId, { symbol: intent.symbol });
        break;
      case 'setFolderCollapsed':
        folders = lists.updateFolder(folders, intent.folderId, { collapsed: intent.collapsed });
        break;
      case 'deleteFolder':
        folders = lists.deleteFolder(folders, intent.folderId, intent.unpinAll);
        break;
      case 'replaceFolderChats': {
        const current = folders.find((f) => f.folderId === intent.folderId)?.chatIds ?? [];
        const merged = lists.mergeChatEdit(intent.editedFrom ?? memory.baseChatIds, intent.chatIds, current);
        folders = lists.replaceChats(folders, intent.folderId, merged);
        break;
      }
    }
  }
  return folders;
}

export const pendingOf = (intents: readonly IntentRecord[]) => intents.filter(isPending);

/** One chat's pins as the queue will leave them, read from the cache and the journal. */
export async function shownPins(db: PinsDb, chatId: string): Promise<PinRecord[]> {
  const [list, intents] = await Promise.all([getPinList(db, chatId), db.getAll('intents')]);
  return showPins(chatId, list?.pins ?? [], pendingOf(intents));
}

export async function shownFolders(db: PinsDb): Promise<FolderRecord[]> {
  const [list, intents] = await Promise.all([getFolderList(db), db.getAll('intents')]);
  return showFolders(list?.folders ?? [], pendingOf(intents));
}
