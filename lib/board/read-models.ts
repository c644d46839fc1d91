import { DEFAULT_FOLDER_ID } from '../cliq/constants';
import { pendingFolderId, pendingOf, showFolders, showPins } from '../lists/overlay';
import { type BoardSettings, readBoardSettings } from '../store/board-settings';
import { type FolderList, getFolderList, getPinList } from '../store/cache';
import type { PinsDb } from '../store/db';
import type { ChatRecord, FolderRecord, IntentRecord, PinListRecord, PinRecord } from '../store/records';

/*
 * What the popup and the page show: the cache as Cliq confirmed it, with queued intents applied on top.
 * Everything here reads IndexedDB only, so the popup can paint before the worker has answered anything.
 */

export interface ShownPin extends PinRecord {
  chatId: string;
  isPrimary: boolean;
  /** A queued intent is still changing this pin. */
  pending: boolean;
}

export interface ChatPins {
  chatId: string;
  chatName?: string;
  pins: ShownPin[];
}

export interface ShownFolder extends FolderRecord {
  isMyPins: boolean;
  pending: boolean;
  chats: { chatId: string; name?: string; type?: string }[];
}

/** Message ids a queued intent in this chat is changing. */
function touchedPins(chatId: string, intents: readonly IntentRecord[]): Set<string> {
  const touched = new Set<string>();
  for (const { intent } of intents) {
    if (!('chatId' in intent) || intent.chatId !== chatId) continue;
    if (intent.kind === 'unpinMessages') for (const id of intent.messageIds) touched.add(id);
    if ('messageId' in intent) touched.add(intent.messageId);
    if ('above' in intent && intent.above) touched.add(intent.above);
  }
  return touched;
}

/** One chat's pins as shown: queued intents applied, the primary (the first unexpired pin) and pending marked. */
function chatPins(chatId: string, confirmed: readonly PinRecord[], pending: readonly IntentRecord[], now: number) {
  const touched = touchedPins(chatId, pending);
  const shown = showPins(chatId, confirmed, pending);
  // Cliq drops a pin at its expiry, and the next one becomes the primary.
  const primaryId = shown.find((pin) => !isExpired(pin, now))?.messageId;
  return shown.map(
    (pin): ShownPin => ({
      ...pin,
      chatId,
      isPrimary: pin.messageId === primaryId,
      pending: touched.has(pin.messageId),
    }),
  );
}

/** The cache and the journal as stored: what every board view is worked out from. */
export interface StoredBoard {
  lists: readonly PinListRecord[];
  intents: readonly IntentRecord[];
  chats: readonly ChatRecord[];
}

async function allShownPins(db: PinsDb, now: number): Promise<ChatPins[]> {
  const [lists, intents, chats] = await Promise.all([db.getAll('pinLists'), db.getAll('intents'), db.getAll('chats')]);
  return shownPinGroups({ lists, intents, chats }, now);
}

/** Every chat's pins as shown (queued intents applied), in no particular order. */
export function shownPinGroups({ lists, intents, chats }: StoredBoard, now: number): ChatPins[] {
  const pending = pendingOf(intents);
  const names = new Map(chats.map((chat: ChatRecord) => [chat.chatId, chat.name]));
  const confirmed = new Map(lists.map((list) => [list.chatId, list.pins]));
  const chatIds = new Set([
    ...confirmed.keys(),
    ...pending.flatMap((r) => ('chatId' in r.intent ? [r.intent.chatId] : [])),
  ]);
  return [...chatIds].map((chatId) => ({
    chatId,
    chatName: names.get(chatId),
    pins: chatPins(chatId, confirmed.get(chatId) ?? [], pending, now),
  }));
}

const isExpired = (pin: PinRecord, now: number) => pin.expiry !== -1 && pin.expiry <= now;
const newestFirst = (a: ShownPin, b: ShownPin) =>
  (b.pinnedAt ?? Number.MAX_SAFE_INTEGER) - (a.pinnedAt ?? Number.MAX_SAFE_INTEGER);

/**
 * Every live pin (with `includeExpired`, every cached one, for an "expired" filter), grouped by chat; chats
 * with the most recent pin first. Inside a chat, Cliq's order (primary first) or newest pinned first, per the
 * setting; the primary, the first pin that has not expired, is marked either way.
 */
export async function readPinBoard(
  db: PinsDb,
  options: { now: number; order?: BoardSettings['pinOrder']; includeExpired?: boolean },
): Promise<ChatPins[]> {
  const order = options.order ?? (await readBoardSettings(db)).pinOrder;
  return arrangeBoard(await allShownPins(db, options.now), { ...options, order });
}

/** `readPinBoard` from chats' pins as shown. */
export function arrangeBoard(
  shown: ChatPins[],
  options: { now: number; order: BoardSettings['pinOrder']; includeExpired?: boolean },
): ChatPins[] {
  const groups = shown
    .map((group) => ({ ...group, pins: arrange(group.pins, options) }))
    .filter((group) => group.pins.length > 0);
  const newest = (group: ChatPins) => Math.max(...group.pins.map((pin) => pin.pinnedAt ?? Number.MAX_SAFE_INTEGER));
  return groups.sort((a, b) => newest(b) - newest(a) || (a.chatName ?? '').localeCompare(b.chatName ?? ''));
}

function arrange(
  pins: ShownPin[],
  options: { now: number; order: BoardSettings['pinOrder']; includeExpired?: boolean },
): ShownPin[] {
  const live = options.includeExpired ? pins : pins.filter((pin) => !isExpired(pin, options.now));
  return options.order === 'newestPinned' ? [...live].sort(newestFirst) : live;
}

/**
 * One chat's live pins, as the board shows them, and when its list was last read from Cliq. The page asks for
 * this on every change to its chat, so only that chat's list is read.
 */
export async function readChatPins(
  db: PinsDb,
  chatId: string,
  options: { now: number },
): Promise<{ pins: ShownPin[]; fetchedAt: number | null }> {
  const [list, intents, settings] = await Promise.all([
    getPinList(db, chatId),
    db.getAll('intents'),
    readBoardSettings(db),
  ]);
  const pins = chatPins(chatId, list?.pins ?? [], pendingOf(intents), options.now);
  return { pins: arrange(pins, { now: options.now, order: settings.pinOrder }), fetchedAt: list?.fetchedAt ?? null };
}

/** An intent of one chat that a try did not get through: still being retried, or given up (`error` says why). */
export interface UnsentIntent {
  id: number;
  kind: string;
  state: 'retrying' | 'failed';
  error?: string;
}

/** The page shows, where it acted, that a change has not reached Cliq: this chat's intents that failed a try. */
export async function readUnsentIntents(db: PinsDb, chatId: string): Promise<UnsentIntent[]> {
  const intents: IntentRecord[] = await db.getAll('intents');
  return intents
    .filter(({ intent }) => 'chatId' in intent && intent.chatId === chatId)
    .filter((record) => record.state === 'failed' || (record.state !== 'done' && record.attempts > 0))
    .map((record) => ({
      id: record.id,
      kind: record.intent.kind,
      state: record.state === 'failed' ? 'failed' : 'retrying',
      ...(record.error ? { error: record.error.message } : {}),
    }));
}

/** Pins whose expiry falls within `withinMs` (soonest first), and those already past it (most recent first). */
export async function readExpiringPins(
  db: PinsDb,
  options: { now: number; withinMs?: number },
): Promise<{ expiringSoon: ShownPin[]; expired: ShownPin[] }> {
  const withinMs = options.withinMs ?? (await readBoardSettings(db)).expiringSoonMs;
  const pins = (await allShownPins(db, options.now)).flatMap((group) => group.pins).filter((pin) => pin.expiry !== -1);
  const { now } = options;
  return {
    expiringSoon: pins.filter((p) => p.expiry > now && p.expiry <= now + withinMs).sort((a, b) => a.expiry - b.expiry),
    expired: pins.filter((p) => p.expiry <= now).sort((a, b) => b.expiry - a.expiry),
  };
}

/** Folders a queued intent is changing. */
function touchedFolders(confirmed: readonly FolderRecord[], intents: readonly IntentRecord[]): Set<string> {
  const touched = new Set<string>();
  const holding = (chatIds: readonly string[]) =>
    confirmed.filter((f) => f.chatIds.some((id) => chatIds.includes(id))).map((f) => f.folderId);
  for (const record of intents) {
    const { intent } = record;
    if (intent.kind === 'createFolder') touched.add(pendingFolderId(record));
    else if (intent.kind === 'pinChatToFolder') touched.add(intent.folderId ?? DEFAULT_FOLDER_ID);
    else if (intent.kind === 'unpinChat') for (const id of holding([intent.chatId])) touched.add(id);
    else if (intent.kind === 'removeChatsFromAllFolders') for (const id of holding(intent.chatIds)) touched.add(id);
    else if ('folderId' in intent) touched.add(intent.folderId);
  }
  return touched;
}

/** Folders in order, My Pins first, each with its chats' names. */
export async function readFolders(db: PinsDb): Promise<ShownFolder[]> {
  const [list, intents, chats] = await Promise.all([getFolderList(db), db.getAll('intents'), db.getAll('chats')]);
  return shownFoldersOf(list, intents, chats);
}

/** `readFolders` from the stored folder list, journal and chats. */
export function shownFoldersOf(
  list: FolderList | undefined,
  intents: readonly IntentRecord[],
  chats: readonly ChatRecord[],
): ShownFolder[] {
  const pending = pendingOf(intents);
  const byId = new Map(chats.map((chat) => [chat.chatId, chat]));
  const touched = touchedFolders(list?.folders ?? [], pending);
  const folders = showFolders(list?.folders ?? [], pending);
  const myPinsFirst = [
    ...folders.filter((f) => f.folderId === DEFAULT_FOLDER_ID),
    ...folders.filter((f) => f.folderId !== DEFAULT_FOLDER_ID),
  ];
  return myPinsFirst.map((folder) => ({
    ...folder,
    isMyPins: folder.folderId === DEFAULT_FOLDER_ID,
    pending: touched.has(folder.folderId),
    chats: folder.chatIds.map((chatId) => {
      const chat = byId.get(chatId);
      return { chatId, name: chat?.name, type: chat?.type };
    }),
  }));
}

/** Failed intents, newest first, until the user retries or dismisses them. */
export const failedOf = (intents: readonly IntentRecord[]) =>
  intents.filter((record) => record.state === 'failed').sort((a, b) => b.id - a.id);

export { readProgress } from '../store/journal';
