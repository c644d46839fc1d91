import type { PinsDb } from '../store/db';
import type { ReminderSettings } from '../store/settings';
import type { ChatPins, ShownPin } from './read-models';

/*
 * Which pins get a reminder, and when. Derived from the board (the cache with queued intents applied) every time,
 * never kept as separate bookkeeping: an unpinned pin, or one whose expiry changed, simply stops producing its
 * reminder, and the background clears the alarm that no reminder claims any more.
 */

const HOUR = 3_600_000;
const REMINDER_LEAD_MS: Record<ReminderSettings['lead'], number> = { hour: HOUR, day: 24 * HOUR };

export interface Reminder {
  /** Names the pin, its expiry and the lead: a new expiry is a new reminder, the same one fires once. */
  key: string;
  chatId: string;
  chatName?: string;
  pin: ShownPin;
  fireAt: number;
}

export interface ReminderContext {
  now: number;
  /** Cliq's user id of the signed-in user, for "pins I pinned"; unknown: none of them count as mine. */
  me?: string;
  /**
   * 1 in production. Builds for the sandbox shrink the lead with the sandbox's scaled minute (the same scale the
   * queue paces on), so a test sees a one-hour reminder in seconds.
   */
  scale: number;
}

export const reminderKey = (chatId: string, messageId: string, expiry: number, lead: string) =>
  `${chatId}/${messageId}/${expiry}/${lead}`;

/**
 * Every reminder the settings ask for, fired or not. A pin whose expiry falls within the lead is reminded at once
 * (the browser was closed when it was due), unless it was pinned after its reminder time: whoever pinned it for
 * less than the lead chose that expiry a moment ago and needs no reminder of it.
 */
export function plannedReminders(
  board: readonly ChatPins[],
  settings: ReminderSettings,
  context: ReminderContext,
): Reminder[] {
  if (!settings.enabled) return [];
  const leadMs = REMINDER_LEAD_MS[settings.lead] * context.scale;
  const chats = new Set(settings.chatIds);
  const wanted = (pin: ShownPin) =>
    settings.scope === 'chats' ? chats.has(pin.chatId) : context.me !== undefined && pin.pinnedById === context.me;
  return board.flatMap((chat) =>
    chat.pins.flatMap((pin): Reminder[] => {
      if (pin.expiry === -1 || pin.expiry <= context.now || !wanted(pin)) return [];
      const fireAt = pin.expiry - leadMs;
      if (pin.pinnedAt !== undefined && pin.pinnedAt > fireAt) return [];
      const key = reminderKey(chat.chatId, pin.messageId, pin.expiry, settings.lead);
      return [{ key, chatId: chat.chatId, chatName: chat.chatName, pin, fireAt }];
    }),
  );
}

const FIRED_KEY = 'remindersFired';

/**
 * Records that a reminder fired, unless it already had: true means the caller shows it now. One transaction, so
 * two workers (or an alarm and a restart's catch-up) can never both show it. Keys of reminders no longer planned
 * are dropped on the way, so the record stays as small as the board.
 */
export async function claimReminder(db: PinsDb, key: string, planned: readonly string[]): Promise<boolean> {
  const tx = db.transaction('meta', 'readwrite');
  const fired = ((await tx.store.get(FIRED_KEY)) as string[] | undefined) ?? [];
  if (fired.includes(key)) {
    await tx.done;
    return false;
  }
  const still = new Set(planned);
  await tx.store.put([...fired.filter((k) => still.has(k)), key], FIRED_KEY);
  await tx.done;
  return true;
}

export async function firedReminders(db: PinsDb): Promise<Set<string>> {
  return new Set(((await db.get('meta', FIRED_KEY)) as string[] | undefined) ?? []);
}
