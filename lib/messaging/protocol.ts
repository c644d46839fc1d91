import { z } from 'zod';
import { connectionSchema } from '../auth/connection';
import type { AuthState } from '../auth/session';
import type { ShownFolder, ShownPin } from '../board/read-models';
import type { EnqueueResult } from '../queue/queue';
import type { QueueProgress } from '../store/journal';
import { type ReminderSettings, reminderSettingsSchema } from '../store/settings';

/**
 * The one protocol between extension pages / content scripts and the background.
 * Every request is validated with zod in the background before a handler sees it: content scripts run
 * in the page's process, so nothing they send is trusted. `fromContentScript` says whether a message
 * may come from a content script at all; everything else is for extension pages only.
 * Intents are validated again, field by field, by the queue's own schema.
 */
const none = z.object({}).strict();
const id = z.string().min(1).max(100);

export const protocol = {
  ping: { request: none, fromContentScript: true },
  getAuthState: { request: none, fromContentScript: false },
  saveConnection: { request: connectionSchema.strict(), fromContentScript: false },
  signIn: { request: none, fromContentScript: false },
  /** With queued intents the user chooses: send them first, or discard them. */
  signOut: {
    request: z.object({ pending: z.enum(['send', 'discard']).optional() }).strict(),
    fromContentScript: false,
  },
  /** User actions; the queue journals them before anything is sent. */
  enqueue: { request: z.object({ intents: z.array(z.unknown()).min(1).max(100) }).strict(), fromContentScript: true },
  /** One chat's pins as the page shows them (the popup reads IndexedDB itself). */
  getChatPins: { request: z.object({ chatId: id }).strict(), fromContentScript: true },
  getFolders: { request: none, fromContentScript: true },
  getProgress: { request: none, fromContentScript: true },
  /** Ask for fresher data: the open chat first. The queue's budgets decide when it is actually read. */
  refresh: {
    request: z.object({ chatIds: z.array(id).max(50).default([]), folders: z.boolean().default(false) }).strict(),
    fromContentScript: true,
  },
  /** The popup's Refresh: the folder list now and every chat's pins again, within the budgets. */
  refreshBoard: { request: none, fromContentScript: false },
  retryIntent: { request: z.object({ id: z.number().int().nonnegative() }).strict(), fromContentScript: false },
  dismissIntent: { request: z.object({ id: z.number().int().nonnegative() }).strict(), fromContentScript: false },
  /** The options page's reminder settings, and the chats it offers to pick from. */
  getReminders: { request: none, fromContentScript: false },
  setReminders: { request: reminderSettingsSchema.strict(), fromContentScript: false },
} as const;

/** The sign-in state as pages see it, with the count of intents a sign-out would have to ask about. */
export type AuthView = AuthState & { pendingIntents: number };

/** What each handler answers; plain types, since the background is the trusted side of the channel. */
interface Responses {
  ping: { pong: true; version: string };
  getAuthState: AuthView;
  saveConnection: AuthView;
  signIn: AuthView;
  signOut: AuthView;
  enqueue: EnqueueResult;
  getChatPins: { chatId: string; pins: ShownPin[]; syncedAt: number | null; lockedUntil: number | null };
  getFolders: ShownFolder[];
  getProgress: QueueProgress;
  refresh: { queued: boolean };
  refreshBoard: { queued: boolean };
  retryIntent: { retried: boolean };
  dismissIntent: { dismissed: boolean };
  /** `settings` is undefined while signed out: reminders belong to an account. */
  getReminders: { settings?: ReminderSettings; chats: { chatId: string; name?: string }[] };
  setReminders: { settings: ReminderSettings };
}

export type MessageType = keyof typeof protocol;
export type RequestOf<T extends MessageType> = z.input<(typeof protocol)[T]['request']>;
export type ParsedRequestOf<T extends MessageType> = z.output<(typeof protocol)[T]['request']>;
export type ResponseOf<T extends MessageType> = Responses[T];

/** What travels back: handlers' failures reach the caller as a message a person can read, never as a stack. */
export type Reply<T extends MessageType> = { ok: true; data: ResponseOf<T> } | { ok: false; error: string };

export const envelopeSchema = z.object({ type: z.string(), data: z.unknown() }).strict();
