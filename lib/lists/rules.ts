import { DEFAULT_FOLDER_ID } from '../cliq/constants';
import { placeItem } from '../intents/placement';
import type { FolderRecord, PinRecord } from '../store/records';

/*
 * Cliq's list rules as pure functions (the README's "where the docs are silent" section): used to apply a
 * confirmed write to the cache, and to show a queued intent's effect before Cliq confirms it.
 */

/** Moves `id` directly above `above`, or to the end without it; unknown ids leave the list as it is. */
const moveAbove = <T>(items: readonly T[], keyOf: (item: T) => string, id: string, above?: string): T[] =>
  placeItem(items, keyOf, id, above === undefined ? {} : { above });

const pinKey = (pin: PinRecord) => pin.messageId;

export function removePins(pins: readonly PinRecord[], ids: readonly string[]): PinRecord[] {
  const gone = new Set(ids);
  return pins.filter((pin) => !gone.has(pin.messageId));
}

/**
 * A new pin goes on top when primary (or the first), else directly below the primary. Pinning an already
 * pinned message updates it in place (on top when primary).
 */
export function addPin(pins: readonly PinRecord[], pin: PinRecord, primary: boolean): PinRecord[] {
  const existing = pins.findIndex((p) => p.messageId === pin.messageId);
  if (existing >= 0) {
    const updated = pins.map((p, i) => (i === existing ? { ...p, ...pin } : p));
    return primary ? moveAbove(updated, pinKey, pin.messageId, pins[0]?.messageId) : updated;
  }
  if (primary || pins.length === 0) return [pin, ...pins];
  return [pins[0] as PinRecord, pin, ...pins.slice(1)];
}

/** Above the primary it becomes the primary, because the primary is simply the first. */
export function movePin(pins: readonly PinRecord[], messageId: string, above?: string): PinRecord[] {
  return moveAbove(pins, pinKey, messageId, above);
}

const renumber = (folders: readonly FolderRecord[]): FolderRecord[] =>
  folders.map((folder, position) => (folder.position === position ? folder : { ...folder, position }));

const editFolder = (folders: readonly FolderRecord[], folderId: string, edit: (f: FolderRecord) => FolderRecord) =>
  folders.map((f) => (f.folderId === folderId ? edit(f) : f));

/** Pinning a chat where it already is changes nothing. */
export function pinChatInFolder(folders: readonly FolderRecord[], chatId: string, folderId: string): FolderRecord[] {
  return editFolder(folders, folderId, (f) =>
    f.chatIds.includes(chatId) ? f : { ...f, chatIds: [...f.chatIds, chatId] },
  );
}

export function removeChatsEverywhere(folders: readonly FolderRecord[], chatIds: readonly string[]): FolderRecord[] {
  const gone = new Set(chatIds);
  return folders.map((f) =>
    f.chatIds.some((id) => gone.has(id)) ? { ...f, chatIds: f.chatIds.filter((id) => !gone.has(id)) } : f,
  );
}

export function moveChat(folders: readonly FolderRecord[], folderId: string, chatId: string, above?: string) {
  return editFolder(folders, folderId, (f) => ({ ...f, chatIds: moveAbove(f.chatIds, String, chatId, above) }));
}

/** My Pins stays first whatever is asked. */
export function moveFolder(folders: readonly FolderRecord[], folderId: string, above?: string): FolderRecord[] {
  if (folderId === DEFAULT_FOLDER_ID || above === DEFAULT_FOLDER_ID) return [...folders];
  return renumber(moveAbove(folders, (f) => f.folderId, folderId, above));
}

export function replaceChats(folders: readonly FolderRecord[], folderId: string, chatIds: readonly string[]) {
  return editFolder(folders, folderId, (f) => ({ ...f, chatIds: [...new Set(chatIds)] }));
}

export function updateFolder(
  folders: readonly FolderRecord[],
  folderId: string,
  change: Partial<Pick<FolderRecord, 'title' | 'symbol' | 'collapsed'>>,
): FolderRecord[] {
  return editFolder(folders, folderId, (f) => ({ ...f, ...change }));
}

export function addFolder(folders: readonly FolderRecord[], folder: Omit<FolderRecord, 'position'>): FolderRecord[] {
  return renumber([...folders, { ...folder, position: folders.length }]);
}

/** Without `unpinAll` the folder's chats move to the end of My Pins (those not already there). */
export function deleteFolder(folders: readonly FolderRecord[], folderId: string, unpinAll: boolean): FolderRecord[] {
  const doomed = folders.find((f) => f.folderId === folderId);
  if (!doomed || folderId === DEFAULT_FOLDER_ID) return [...folders];
  const kept = folders.filter((f) => f !== doomed);
  if (unpinAll) return renumber(kept);
  const moved = kept.map((f) =>
    f.folderId === DEFAULT_FOLDER_ID
      ? { ...f, chatIds: [...f.chatIds, ...doomed.chatIds.filter((id) => !f.chatIds.includes(id))] }
      : f,
  );
  return renumber(moved);
}

/**
 * Re-applies an edit of a folder's chat list to a list that changed meanwhile: chats the user added or
 * removed stay added or removed; chats someone else added stay (at the end), chats someone else removed stay
 * gone. Without the edited base, the edit is taken as it is.
 */
export function mergeChatEdit(
  base: readonly string[] | undefined,
  desired: readonly string[],
  current: readonly string[],
): string[] {
  if (base === undefined) return [...new Set(desired)];
  const inBase = new Set(base);
  const inCurrent = new Set(current);
  const inDesired = new Set(desired);
  const kept = desired.filter((id) => !(inBase.has(id) && !inCurrent.has(id)));
  const addedElsewhere = current.filter((id) => !inBase.has(id) && !inDesired.has(id));
  return [...new Set([...kept, ...addedElsewhere])];
}

export const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);
