import type { PinsDb } from './db';
import type { ChatRecord, FolderRecord, ListState, PinListRecord } from './records';

/*
 * The cache holds what Cliq confirmed, nothing else: queued intents are shown on top of it by the read
 * models, so a failed intent "rolls back" by simply no longer being shown.
 */

export interface FolderList extends ListState {
  folders: FolderRecord[];
}

/** Where the folder list's state is kept in the `meta` store (its folders are in `folders`). */
export const FOLDER_LIST_KEY = 'folderList';

export function getPinList(db: PinsDb, chatId: string): Promise<PinListRecord | undefined> {
  return db.get('pinLists', chatId);
}

/** Several chats' lists in one transaction (absent ones left out). */
export async function getPinLists(db: PinsDb, chatIds: readonly string[]): Promise<Map<string, PinListRecord>> {
  const found = new Map<string, PinListRecord>();
  if (chatIds.length === 0) return found;
  const tx = db.transaction('pinLists');
  const lists = await Promise.all([...new Set(chatIds)].map((chatId) => tx.store.get(chatId)));
  await tx.done;
  for (const list of lists) if (list) found.set(list.chatId, list);
  return found;
}

export async function putPinList(db: PinsDb, list: PinListRecord): Promise<void> {
  await db.put('pinLists', list);
}

export async function getFolderList(db: PinsDb): Promise<FolderList | undefined> {
  const tx = db.transaction(['folders', 'meta']);
  const [folders, state] = await Promise.all([
    tx.objectStore('folders').getAll(),
    tx.objectStore('meta').get(FOLDER_LIST_KEY) as Promise<ListState | undefined>,
  ]);
  await tx.done;
  return folderListOf(folders, state);
}

/** The folder list from its stored parts: none until Cliq's list has been read once. */
export function folderListOf(folders: FolderRecord[], state: ListState | undefined): FolderList | undefined {
  return state ? { ...state, folders: folders.sort((a, b) => a.position - b.position) } : undefined;
}

/** Replaces the whole folder list in one transaction, so a reader never sees half of two lists. */
export async function putFolderList(db: PinsDb, list: FolderList): Promise<void> {
  const { folders, ...state } = list;
  const tx = db.transaction(['folders', 'meta'], 'readwrite');
  const store = tx.objectStore('folders');
  await store.clear();
  for (const [position, folder] of folders.entries()) await store.put({ ...folder, position });
  await tx.objectStore('meta').put(state, FOLDER_LIST_KEY);
  await tx.done;
}

/** Keeps what is already known about a chat when a newer source omits it (names, activity). */
export async function upsertChats(db: PinsDb, chats: readonly (Partial<ChatRecord> & { chatId: string })[]) {
  if (chats.length === 0) return;
  const tx = db.transaction('chats', 'readwrite');
  for (const chat of chats) {
    const old = await tx.store.get(chat.chatId);
    await tx.store.put({
      chatId: chat.chatId,
      name: chat.name ?? old?.name,
      type: chat.type ?? old?.type,
      lastActivityAt: Math.max(chat.lastActivityAt ?? 0, old?.lastActivityAt ?? 0),
    });
  }
  await tx.done;
}

/** Chats, most recently active first. */
export async function chatsByActivity(db: PinsDb): Promise<ChatRecord[]> {
  return (await db.getAllFromIndex('chats', 'byActivity')).reverse();
}
