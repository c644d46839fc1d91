import { z } from 'zod';
import type { PinsDb } from './db';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Reminders before pins expire (opt-in: they need the optional `notifications` permission). `lead` is how long
 * before the expiry; `scope` picks the pins: those the signed-in user pinned, or every pin in the chats listed.
 */
export const reminderSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  lead: z.enum(['hour', 'day']).default('hour'),
  scope: z.enum(['mine', 'chats']).default('mine'),
  chatIds: z.array(z.string().min(1).max(100)).max(500).default([]),
});
export type ReminderSettings = z.output<typeof reminderSettingsSchema>;

/** Every setting has a default, so a missing or partial stored object still parses. */
export const settingsSchema = z.object({
  version: z.literal(1).default(1),
  /** How the board orders pins inside a chat: Cliq's own order, or most recently pinned first. */
  pinOrder: z.enum(['chatOrder', 'newestPinned']).default('chatOrder'),
  /** A pin expiring within this long is listed as "expiring soon". */
  expiringSoonMs: z
    .number()
    .int()
    .positive()
    .default(24 * HOUR),
  /** Pinning notifies the chat's members unless the user turns this on. */
  notifyOnPin: z.boolean().default(false),
  /** The folder list is read again once it is older than this. */
  folderMaxAgeMs: z
    .number()
    .int()
    .positive()
    .default(5 * MINUTE),
  /** A chat's pins are read again once they are older than this. */
  pinListMaxAgeMs: z
    .number()
    .int()
    .positive()
    .default(15 * MINUTE),
  /** A complete listing replaces `sync_token` deltas this often, in case a delta was ever missed. */
  fullResyncEveryMs: z
    .number()
    .int()
    .positive()
    .default(6 * HOUR),
  reminders: reminderSettingsSchema.prefault({}),
});

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

const KEY = 'settings';

/**
 * Numbered steps for stored settings, like the database's: entry N-1 turns version N into N+1.
 * Version 1 is the first; a later change of meaning adds a step here and bumps `version`.
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
  return migrateSettings(await db.get('meta', KEY));
}

/** Validates the change before storing it; an invalid value throws a ZodError and stores nothing. */
export async function updateSettings(db: PinsDb, change: Partial<SettingsInput>): Promise<Settings> {
  const tx = db.transaction('meta', 'readwrite');
  const current = migrateSettings(await tx.store.get(KEY));
  const next = settingsSchema.parse({ ...current, ...change });
  await tx.store.put(next, KEY);
  await tx.done;
  return next;
}
