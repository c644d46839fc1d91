import { pinSummary } from '../../../lib/board/pin-summary';
import type { ChatPins, ShownPin } from '../../../lib/board/read-models';
import { holdsWords, searchWords } from '../../../lib/board/words';

export type PinStatus = 'live' | 'expiringSoon' | 'expired';
export type PinOrder = 'chatOrder' | 'newestPinned';

export interface PinFilter {
  /** Words that must all appear in the text, sender, pinner or chat name. */
  query: string;
  /** Empty: every chat. */
  chatId: string;
  status: PinStatus;
  /** A pinner's name as Cliq shows it, or `PINNED_BY_ME`; empty: anyone. */
  pinnedBy: string;
}

/** The "pinned by" choice meaning the signed-in user, matched by Cliq's user id rather than a name. */
export const PINNED_BY_ME = '\u0000me';

export const noFilter: PinFilter = { query: '', chatId: '', status: 'live', pinnedBy: '' };

export const isFiltered = (filter: PinFilter) =>
  filter.query.trim() !== '' || filter.chatId !== '' || filter.status !== 'live' || filter.pinnedBy !== '';

export const isExpired = (pin: { expiry: number }, now: number) => pin.expiry !== -1 && pin.expiry <= now;

/** Cliq's order of a chat's live pins (it drops expired ones): what a move's `above` refers to. */
export const liveIds = (pins: readonly { messageId: string; expiry: number }[], now: number) =>
  pins.filter((pin) => !isExpired(pin, now)).map((pin) => pin.messageId);

function matchesPinner(pin: ShownPin, pinnedBy: string, me: string | undefined): boolean {
  if (!pinnedBy) return true;
  if (pinnedBy === PINNED_BY_ME) return me !== undefined && pin.pinnedById === me;
  return pin.pinnedBy === pinnedBy;
}

function matchesQuery(pin: ShownPin, chatName: string, words: readonly string[]): boolean {
  return holdsWords([pinSummary(pin), pin.senderName ?? '', pin.pinnedBy ?? '', chatName].join('\n'), words);
}

function matchesStatus(pin: ShownPin, status: PinStatus, now: number, soonMs: number): boolean {
  if (status === 'expired') return isExpired(pin, now);
  if (isExpired(pin, now)) return false;
  return status === 'live' || (pin.expiry !== -1 && pin.expiry <= now + soonMs);
}

const newestPinnedFirst = (a: ShownPin, b: ShownPin) =>
  (b.pinnedAt ?? Number.MAX_SAFE_INTEGER) - (a.pinnedAt ?? Number.MAX_SAFE_INTEGER);

/**
 * What the pins view shows. `board` holds every cached pin in Cliq's order, expired ones included; the
 * primary is the first pin that has not expired, as Cliq drops expired pins from the list.
 */
export function visiblePins(
  board: readonly ChatPins[],
  filter: PinFilter,
  options: { now: number; expiringSoonMs: number; order: PinOrder; me?: string },
): ChatPins[] {
  const words = searchWords(filter.query);
  const shown: ChatPins[] = [];
  for (const chat of board) {
    if (filter.chatId && chat.chatId !== filter.chatId) continue;
    const primaryId = chat.pins.find((pin) => !isExpired(pin, options.now))?.messageId;
    const pins = chat.pins
      .map((pin) => ({ ...pin, isPrimary: pin.messageId === primaryId }))
      .filter(
        (pin) =>
          matchesStatus(pin, filter.status, options.now, options.expiringSoonMs) &&
          matchesPinner(pin, filter.pinnedBy, options.me) &&
          matchesQuery(pin, chat.chatName ?? '', words),
      );
    if (pins.length === 0) continue;
    shown.push({ ...chat, pins: options.order === 'newestPinned' ? pins.sort(newestPinnedFirst) : pins });
  }
  return shown;
}

/** Everyone who pinned something, for the "pinned by" filter; the user's own name first when known. */
export function pinners(board: readonly ChatPins[], me?: string): string[] {
  const names = new Set(board.flatMap((chat) => chat.pins.flatMap((pin) => (pin.pinnedBy ? [pin.pinnedBy] : []))));
  const sorted = [...names].sort((a, b) => a.localeCompare(b));
  return me && names.has(me) ? [me, ...sorted.filter((name) => name !== me)] : sorted;
}
