import { DEFAULT_FOLDER_ID, type Folder, type PinnedMessage } from '../cliq';
import type { ChatRecord, FolderRecord, PinRecord } from '../store/records';

/** Cliq's ISO 8601 times as epoch ms; an unreadable time is dropped rather than stored as NaN. */
export function epochMs(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Cliq writes a mention as `{@<id>}` in the text and names it in `mentions`; names usually carry their `@`. */
const MENTION = /\{@([^{}\s]+)\}/g;

/** The text as Cliq shows it: mentions by name, a file's comment as its text. */
export function messageText(message: Pick<PinnedMessage, 'content' | 'mentions'>): string {
  const raw = message.content?.text ?? message.content?.comment ?? '';
  const names = new Map((message.mentions ?? []).flatMap((m) => (m.id && m.name ? [[m.id, m.name] as const] : [])));
  return raw.replace(MENTION, (_, id: string) => {
    const name = names.get(id) ?? id;
    return name.startsWith('@') ? name : `@${name}`;
  });
}

function attachmentOf(message: PinnedMessage): PinRecord['attachment'] {
  const file = message.content?.file;
  if (!file?.name) return undefined;
  return { name: file.name, kind: file.type };
}

export function pinRecordFrom(message: PinnedMessage): PinRecord {
  const info = message.pin_information;
  const expiry = info.expiry_time === -1 ? -1 : (epochMs(info.expiry_time) ?? -1);
  const attachment = attachmentOf(message);
  return {
    messageId: message.id,
    text: messageText(message),
    ...(attachment && { attachment }),
    senderName: message.sender?.name,
    sentAt: epochMs(message.time),
    expiry,
    pinnedAt: epochMs(info.created_time),
    pinnedBy: info.creator?.name,
    ...(info.creator?.id && { pinnedById: info.creator.id }),
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
