import { DEFAULT_FOLDER_ID, type Folder, type PinnedMessage } from '../cliq';
import type { ChatRecord, FolderRecord, PinRecord } from '../store/records';

/** Cliq's ISO 8601 times as epoch ms; an unreadable time is dropped rather than stored as NaN. */
export function epochMs(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

export function pinRecordFrom(message: PinnedMessage): PinRecord {
  const info = message.pin_information;
  const expiry = info.expiry_time === -1 ? -1 : (epochMs(info.expiry_time) ?? -1);
  return {
    messageId: message.id,
    text: message.content?.text ?? '',
    senderName: message.sender?.name,
    sentAt: epochMs(message.time),
    expiry,
    pinnedAt: epochMs(info.created_time),
    pinnedBy: info.creator?.name,
  };
}

/** Cliq keeps the primary first; a list that says otherwise is put in that order rather than trusted blindly. */
export function pinListFrom(messages: readonly PinnedMessage[]): PinRecord[] {
  const primary = messages.findIndex((m) => m.pin_information.is_primary);
  const ordered =
    primary > 0 ? [messages[primary] as PinnedMessage, ...messages.filter((_, i) => i !== primary)] : messages;
  return ordered.map(pinRecordFrom);
}

export function folderRecordsFrom(folders: readonly Folder[]): { folders: FolderRecord[]; chats: ChatRecord[] } {
  const chats = new Map<string, ChatRecord>();
  const records = folders.map((folder, position) => {
    for (const chat of folder.chats ?? []) {
      chats.set(chat.chat_id, {
        chatId: chat.chat_id,
        name: chat.name,
        type: chat.chat_type,
        lastActivityAt: epochMs(chat.last_message_info?.time) ?? 0,
      });
    }
    return {
      folderId: folder.category_id,
      title: folder.category_id === DEFAULT_FOLDER_ID ? undefined : folder.title,
      symbol: folder.category_id === DEFAULT_FOLDER_ID ? undefined : folder.symbol,
      collapsed: folder.state === 'collapsed',
      chatIds: [...new Set((folder.chats ?? []).map((chat) => chat.chat_id))],
      position,
    };
  });
  return { folders: records, chats: [...chats.values()] };
}
