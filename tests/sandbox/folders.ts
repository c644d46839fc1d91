/**
 * The signed-in user's chat folders (`pin-categories` on the wire). My Pins (`"default"`) is always first
 * and can be neither moved nor deleted; caps and the other open questions are answered in rules.ts.
 * Every write that changes something bumps `foldersModifiedAt`, the time `last_sync_time` is checked against.
 */
import { badRequest } from './errors';
import { CHATS_PER_FOLDER_CAP, DEFAULT_FOLDER_ID, FOLDER_CAP } from './rules';
import type { Folder, SandboxState } from './state';

export function folderById(state: SandboxState, id: string): Folder | undefined {
  return state.folders.find((f) => f.id === id);
}

export function isChatPinned(state: SandboxState, chatId: string): boolean {
  return state.folders.some((f) => f.chatIds.includes(chatId));
}

/** `client_not_synced` when the caller's view is older than the folder list's last change. */
export function assertFoldersSynced(state: SandboxState, lastSyncTime: number): void {
  if (lastSyncTime < state.foldersModifiedAt) {
    throw badRequest('client_not_synced', 'The folders changed after last_sync_time: fetch them again and retry.');
  }
}

export function createFolder(state: SandboxState, title: string, symbol: string, chatIds: string[]): Folder {
  if (state.folders.length - 1 >= FOLDER_CAP) {
    throw badRequest('max_folders_error', `At most ${FOLDER_CAP} folders besides My Pins.`);
  }
  const folder: Folder = { id: newFolderId(state), title, symbol, state: 'expanded', chatIds: unique(chatIds) };
  state.folders.push(folder);
  touch(state);
  return folder;
}

export function modifyFolder(
  state: SandboxState,
  folder: Folder,
  changes: { title?: string; symbol?: string; state?: Folder['state'] },
): void {
  if (changes.title !== undefined) folder.title = changes.title;
  if (changes.symbol !== undefined) folder.symbol = changes.symbol;
  if (changes.state !== undefined) folder.state = changes.state;
  touch(state);
}

/** Moves a chat directly above `pinAbove` within the folder, or to the end. */
export function reorderChatInFolder(state: SandboxState, folder: Folder, chatId: string, pinAbove?: string): void {
  if (!folder.chatIds.includes(chatId)) throw badRequest('operation_failed', 'That chat is not in this folder.');
  if (pinAbove !== undefined && (pinAbove === chatId || !folder.chatIds.includes(pinAbove))) {
    throw badRequest('operation_failed', 'pin_above must be another chat in this folder.');
  }
  folder.chatIds = moveAbove(folder.chatIds, chatId, pinAbove);
  touch(state);
}

/** Moves a folder directly above `pinAbove`, or to the end; My Pins stays first. */
export function reorderFolder(state: SandboxState, folder: Folder, pinAbove?: string): void {
  const ids = state.folders.map((f) => f.id);
  if (pinAbove !== undefined && (pinAbove === folder.id || !ids.includes(pinAbove))) {
    throw badRequest('operation_failed', 'pin_above must be another folder.');
  }
  if (folder.id === DEFAULT_FOLDER_ID || pinAbove === DEFAULT_FOLDER_ID) {
    throw badRequest('operation_failed', 'My Pins is always the first folder.');
  }
  const order = moveAbove(ids, folder.id, pinAbove);
  state.folders = order.map((id) => folderById(state, id) as Folder);
  touch(state);
}

export function replaceFolderChats(state: SandboxState, folder: Folder, chatIds: string[]): void {
  folder.chatIds = unique(chatIds);
  touch(state);
}

/** Without `unpinAll`, the folder's chats move to the end of My Pins (those not already there). */
export function deleteFolder(state: SandboxState, folder: Folder, unpinAll: boolean): void {
  if (folder.id === DEFAULT_FOLDER_ID) throw badRequest('operation_not_allowed', 'My Pins cannot be deleted.');
  const myPins = state.folders[0] as Folder;
  if (!unpinAll) {
    const moving = folder.chatIds.filter((id) => !myPins.chatIds.includes(id));
    // Our choice: refuse rather than silently drop chats that would not fit in My Pins.
    if (myPins.chatIds.length + moving.length > CHATS_PER_FOLDER_CAP) {
      throw badRequest('max_pins_error', `My Pins would exceed ${CHATS_PER_FOLDER_CAP} chats.`);
    }
    myPins.chatIds.push(...moving);
  }
  state.folders = state.folders.filter((f) => f !== folder);
  touch(state);
}

/** Pinning where the chat already is succeeds and changes nothing. */
export function pinChat(state: SandboxState, folder: Folder, chatId: string): void {
  if (folder.chatIds.includes(chatId)) return;
  if (folder.chatIds.length >= CHATS_PER_FOLDER_CAP) {
    throw badRequest('max_pins_error', `A folder holds at most ${CHATS_PER_FOLDER_CAP} chats.`);
  }
  folder.chatIds.push(chatId);
  touch(state);
}

/** Removes the chats from every folder; chats that were not pinned are ignored. */
export function unpinChatsEverywhere(state: SandboxState, chatIds: readonly string[]): void {
  let changed = false;
  for (const folder of state.folders) {
    const kept = folder.chatIds.filter((id) => !chatIds.includes(id));
    if (kept.length !== folder.chatIds.length) {
      folder.chatIds = kept;
      changed = true;
    }
  }
  if (changed) touch(state);
}

function touch(state: SandboxState): void {
  state.foldersModifiedAt = state.now();
}

function newFolderId(state: SandboxState): string {
  do state.lastFolderNumber += 1;
  while (folderById(state, String(state.lastFolderNumber)));
  return String(state.lastFolderNumber);
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

function moveAbove(ids: string[], id: string, above: string | undefined): string[] {
  const rest = ids.filter((x) => x !== id);
  rest.splice(above === undefined ? rest.length : rest.indexOf(above), 0, id);
  return rest;
}
