import type { PinsDb } from './db';

/*
 * The settings the popup's board paints with, read without zod: the popup reads them on every opening, and zod's
 * schemas would be a fifth of its start. These are values the extension itself wrote (every write goes through
 * `updateSettings`, which validates), so a field is only checked for being usable: one that is not (a damaged
 * database, a value from a future version) reads as its default, the others stay, and nothing is written back.
 */

/** Where the settings are kept in the `meta` store. */
export const SETTINGS_KEY = 'settings';

/** How the board orders pins inside a chat: Cliq's own order, or most recently pinned first. */
export const PIN_ORDERS = ['chatOrder', 'newestPinned'] as const;

/** A pin expiring within this long is listed as "expiring soon", unless the user chose otherwise. */
export const DEFAULT_EXPIRING_SOON_MS = 24 * 60 * 60_000;

export interface BoardSettings {
  pinOrder: (typeof PIN_ORDERS)[number];
  expiringSoonMs: number;
}

export function boardSettingsOf(stored: unknown): BoardSettings {
  const { pinOrder, expiringSoonMs } = (stored !== null && typeof stored === 'object' ? stored : {}) as Record<
    string,
    unknown
  >;
  return {
    pinOrder: PIN_ORDERS.find((order) => order === pinOrder) ?? PIN_ORDERS[0],
    expiringSoonMs:
      Number.isSafeInteger(expiringSoonMs) && (expiringSoonMs as number) > 0
        ? (expiringSoonMs as number)
        : DEFAULT_EXPIRING_SOON_MS,
  };
}

export async function readBoardSettings(db: PinsDb): Promise<BoardSettings> {
  return boardSettingsOf(await db.get('meta', SETTINGS_KEY));
}
