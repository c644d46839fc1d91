import * as z from '../cliq/zod';
import { DEFAULT_EXPIRING_SOON_MS, PIN_ORDERS, SETTINGS_KEY } from './board-settings';
import type { PinsDb } from './db';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Reminders before pins expire (opt-in: they need the optional `notifications` permission). `lead` is how long
 * before the expiry; `scope` picks the pins: those the signed-in user pinned, or every pin in the chats listed.
 */
export const reminderSettingsSchema = z.object({
  enabled: z._default(z.boolean(), false),
  lead: z._default(z.literal(['hour', 'day']), 'hour'),
  scope: z._default(z.literal(['mine', 'chats']), 'mine'),
  chatIds: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(500)), []),
});
export type ReminderSettings = z.output<typeof reminderSettingsSchema>;

/** Every setting has a default, so a missing or partial stored object still parses. */
export const settingsSchema = z.object({
  version: z._default(z.literal(1), 1),
  /** How the board orders pins inside a chat: Cliq's own order, or most recently pinned first. */
  pinOrder: z._default(z.literal(PIN_ORDERS), PIN_ORDERS[0]),
  /** A pin expiring within this long is listed as "expiring soon". */
  expiringSoonMs: z._default(z.int().check(z.positive()), DEFAULT_EXPIRING_SOON_MS),
  /** Pinning notifies the chat's members unless the user turns this on. */
  notifyOnPin: z._default(z.boolean(), false),
  /** The folder list is read again once it is older than this. */
  folderMaxAgeMs: z._default(z.int().check(z.positive()), 5 * MINUTE),
  /** A chat's pins are read again once they are older than this. */
  pinListMaxAgeMs: z._default(z.int().check(z.positive()), 15 * MINUTE),
  /** A complete listing replaces `sync_token` deltas this often, in case a delta was ever missed. */
  fullResyncEveryMs: z._default(z.int().check(z.positive()), 6 * HOUR),
  // Its own defaults, parsed afresh each time (as `prefault` would, whose kind no other schema here needs).
  reminders: z._default(reminderSettingsSchema, () => z.parse(reminderSettingsSchema, {})),
});

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

/**
 * Numbered steps for stored settings, like the database's: entry N-1 turns version N into N+1.
 * Version 1 is the first; a later change of meaning adds a step here and bumps `version` (and, if it changes
 * `pinOrder` or `expiringSoonMs`, teaches `boardSettingsOf`, which reads those two without this module).
 */
const SETTINGS_MIGRATIONS: readonly ((old: Record<string, unknown>) => Record<string, unknown>)[] = [];

export function migrateSettings(stored: unknown): Settings {
  let value: Record<string, unknown> = stored !== null && typeof stored === 'object' ? { ...stored } : {};
  const from = typeof value.version === 'number' ? value.version : 1;
  for (let step = from; step <= SETTINGS_MIGRATIONS.length; step++)
    value = SETTINGS_MIGRATIONS[step - 1]?.(value) ?? value;
  const parsed = settingsSchema.safeParse(value);
  // A corrupt value must not lock the user out of the extension: fall back to the defaults.
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

export async function readSettings(db: PinsDb): Promise<Settings> {
  return migrateSettings(await db.get('meta', SETTINGS_KEY));
}

/** Validates the change before storing it; an invalid value throws a ZodError and stores nothing. */
export async function updateSettings(db: PinsDb, change: Partial<SettingsInput>): Promise<Settings> {
  const tx = db.transaction('meta', 'readwrite');
  const current = migrateSettings(await tx.store.get(SETTINGS_KEY));
  const next = settingsSchema.parse({ ...current, ...change });
  await tx.store.put(next, SETTINGS_KEY);
  await tx.done;
  return next;
}
