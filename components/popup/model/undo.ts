import type { IntentInput } from '../../../lib/intents/intents';
import { applyPlacement, isInPlace } from '../../../lib/intents/placement';
import type { PinRecord } from '../../../lib/store/records';

/*
 * Undo cannot take a request back: Cliq has already been told. It re-creates what was there, as new intents
 * planned from a snapshot taken before the action and the list as shown now (queued intents applied).
 */

/** A pin about to expire would fail on the way; leave it out rather than report a failure. */
const EXPIRY_MARGIN_MS = 5_000;
const PREVIEW_MAX = 5000;

/**
 * Pins again what was unpinned, with its expiry, then moves each pin back between its old neighbours.
 * A new pin lands directly below the primary, so pinning the lower ones first already restores most of the
 * order; the primary is pinned last, with `primary`, and never moved again.
 */
export function planPinRestore(
  chatId: string,
  before: readonly PinRecord[],
  removed: ReadonlySet<string>,
  current: readonly PinRecord[],
  now: number,
): IntentInput[] {
  let order = current.map((pin) => pin.messageId);
  const restore = before.filter(
    (pin) =>
      removed.has(pin.messageId) &&
      !order.includes(pin.messageId) &&
      (pin.expiry === -1 || pin.expiry > now + EXPIRY_MARGIN_MS),
  );
  if (restore.length === 0) return [];
  const primaryId = before[0]?.messageId;
  const restoredPrimary = restore.find((pin) => pin.messageId === primaryId);
  const intents: IntentInput[] = [];
  const pinAgain = (pin: PinRecord, primary: boolean) => {
    intents.push({
      kind: 'pinMessage',
      chatId,
      messageId: pin.messageId,
      expiry: pin.expiry,
      primary: primary || undefined,
      preview: { text: pin.text.slice(0, PREVIEW_MAX), senderName: pin.senderName },
    });
    order =
      primary || order.length === 0
        ? [pin.messageId, ...order]
        : [order[0] as string, pin.messageId, ...order.slice(1)];
  };
  for (const pin of [...restore].reverse()) if (pin !== restoredPrimary) pinAgain(pin, false);
  if (restoredPrimary) pinAgain(restoredPrimary, true);

  // From the bottom up: each restored pin goes directly above its old successor, whose place is final.
  const restoredIds = new Set(restore.map((pin) => pin.messageId));
  const wanted = before.map((pin) => pin.messageId).filter((id) => order.includes(id));
  for (let i = wanted.length - 1; i >= 0; i--) {
    const id = wanted[i] as string;
    if (!restoredIds.has(id) || id === restoredPrimary?.messageId) continue;
    const above = wanted[i + 1];
    const at = order.indexOf(id);
    const inPlace = above === undefined ? at === order.length - 1 : order[at + 1] === above;
    if (inPlace) continue;
    intents.push({ kind: 'reorderPin', chatId, messageId: id, ...(above === undefined ? {} : { above }) });
    order = applyPlacement(order, id, { above });
  }
  return intents;
}

/**
 * Undoing the move of one pin: it goes back directly above the pin that followed it (the first of those still
 * pinned), or to the end. Above the primary means first: a pin that was the primary becomes it again.
 */
export function planPinMoveBack(
  chatId: string,
  before: readonly string[],
  messageId: string,
  current: readonly string[],
): IntentInput[] {
  const at = before.indexOf(messageId);
  if (at < 0 || !current.includes(messageId)) return [];
  const next = before.slice(at + 1).find((id) => current.includes(id));
  const placement = next === undefined ? {} : { above: next };
  if (isInPlace(current, messageId, placement)) return [];
  return [{ kind: 'reorderPin', chatId, messageId, ...placement }];
}

export interface FolderSnapshot {
  folderId: string;
  title?: string;
  symbol?: string;
  collapsed: boolean;
  chatIds: readonly string[];
  isMyPins: boolean;
}

/** A deleted folder comes back as a new one; its place and collapsed state follow once Cliq has given it an id. */
export interface Recreated {
  title: string;
  symbol: string;
  collapsed: boolean;
  /** The folder it used to sit above, if that one still exists; none: the end. */
  above?: string;
  /** Folders that existed when the undo was planned: the new one is whichever appears with this title. */
  knownIds: readonly string[];
}

/**
 * Puts folders and their chat lists back as they were: deleted folders are created again with their chats,
 * changed lists are replaced by the old one (one request per folder, order included).
 */
export function planFolderRestore(
  before: readonly FolderSnapshot[],
  current: readonly FolderSnapshot[],
): { intents: IntentInput[]; recreated: Recreated[] } {
  const now = new Map(current.map((folder) => [folder.folderId, folder]));
  const intents: IntentInput[] = [];
  const recreated: Recreated[] = [];
  const knownIds = current.map((folder) => folder.folderId);
  before.forEach((folder, index) => {
    const shown = now.get(folder.folderId);
    if (shown) {
      if (!sameList(shown.chatIds, folder.chatIds)) {
        intents.push({
          kind: 'replaceFolderChats',
          folderId: folder.folderId,
          chatIds: [...folder.chatIds],
          editedFrom: [...shown.chatIds],
        });
      }
      return;
    }
    if (folder.isMyPins) return;
    const title = folder.title?.trim() || folder.folderId;
    intents.push({ kind: 'createFolder', title, symbol: folder.symbol ?? '', chatIds: [...folder.chatIds] });
    const above = before.slice(index + 1).find((next) => !next.isMyPins && now.has(next.folderId))?.folderId;
    recreated.push({ title, symbol: folder.symbol ?? '', collapsed: folder.collapsed, above, knownIds });
  });
  // Chat lists first: a re-created folder is appended, and its move waits for its id anyway.
  return {
    intents: [...intents.filter((i) => i.kind !== 'createFolder'), ...intents.filter((i) => i.kind === 'createFolder')],
    recreated,
  };
}

/**
 * Once Cliq has confirmed a re-created folder (it shows with a real id), it is moved back to its old place and
 * collapsed again if it was. undefined: not confirmed yet.
 */
export function planRecreatedFollowUp(
  recreated: Recreated,
  folders: readonly (FolderSnapshot & { pending: boolean })[],
): IntentInput[] | undefined {
  const folder = folders.find(
    (f) => !f.isMyPins && !f.pending && !recreated.knownIds.includes(f.folderId) && f.title === recreated.title,
  );
  if (!folder) return undefined;
  const intents: IntentInput[] = [];
  const movable = folders.filter((f) => !f.isMyPins).map((f) => f.folderId);
  const above = recreated.above !== undefined && movable.includes(recreated.above) ? recreated.above : undefined;
  const at = movable.indexOf(folder.folderId);
  const inPlace = above === undefined ? at === movable.length - 1 : movable[at + 1] === above;
  if (!inPlace) intents.push({ kind: 'moveFolder', folderId: folder.folderId, ...(above ? { above } : {}) });
  if (recreated.collapsed) intents.push({ kind: 'setFolderCollapsed', folderId: folder.folderId, collapsed: true });
  return intents;
}

/**
 * Moving chats to another folder: appended to the target (where not there yet) and taken out of the folder
 * each was picked in. One whole-list replace per folder touched.
 */
export function planChatMove(
  folders: readonly FolderSnapshot[],
  picked: ReadonlyMap<string, readonly string[]>,
  targetId: string,
): IntentInput[] {
  const moving = [...new Set([...picked].filter(([from]) => from !== targetId).flatMap(([, chats]) => chats))];
  const intents: IntentInput[] = [];
  // The target first: each chat leaves its old folder only once it has arrived (`movedTo`).
  const target = folders.find((folder) => folder.folderId === targetId);
  if (target) {
    const chatIds = [...target.chatIds, ...moving.filter((id) => !target.chatIds.includes(id))];
    if (!sameList(chatIds, target.chatIds)) {
      intents.push({ kind: 'replaceFolderChats', folderId: targetId, chatIds, editedFrom: [...target.chatIds] });
    }
  }
  for (const folder of folders) {
    if (folder.folderId === targetId) continue;
    const leaving = picked.get(folder.folderId) ?? [];
    const chatIds = folder.chatIds.filter((id) => !leaving.includes(id));
    if (!sameList(chatIds, folder.chatIds)) {
      intents.push({
        kind: 'replaceFolderChats',
        folderId: folder.folderId,
        chatIds,
        editedFrom: [...folder.chatIds],
        movedTo: targetId,
      });
    }
  }
  return intents;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
