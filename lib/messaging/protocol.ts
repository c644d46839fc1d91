import { connectionSchema } from '../auth/connection';
import type { AuthState } from '../auth/session';
import type { ShownFolder, ShownPin, UnsentIntent } from '../board/read-models';
import * as z from '../cliq/zod';
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
const none = z.strictObject({});
const id = z.string().check(z.minLength(1), z.maxLength(100));

export const protocol = {
  ping: { request: none, fromContentScript: true },
  getAuthState: { request: none, fromContentScript: false },
  saveConnection: { request: z.strictObject(connectionSchema.shape), fromContentScript: false },
  signIn: { request: none, fromContentScript: false },
  /** With queued intents the user chooses: send them first, or discard them. */
  signOut: {
    request: z.strictObject({ pending: z.optional(z.literal(['send', 'discard'])) }),
    fromContentScript: false,
  },
  /** User actions; the queue journals them before anything is sent. */
  enqueue: {
    request: z.strictObject({ intents: z.array(z.unknown()).check(z.minLength(1), z.maxLength(100)) }),
    fromContentScript: true,
  },
  /** One chat's pins as the page shows them (the popup reads IndexedDB itself). */
  getChatPins: { request: z.strictObject({ chatId: id }), fromContentScript: true },
  getFolders: { request: none, fromContentScript: true },
  getProgress: { request: none, fromContentScript: true },
  /** Ask for fresher data: the open chat first. The queue's budgets decide when it is actually read. */
  refresh: {
    request: z.strictObject({
      chatIds: z._default(z.array(id).check(z.maxLength(50)), []),
      folders: z._default(z.boolean(), false),
    }),
    fromContentScript: true,
  },
  /** The popup's Refresh: the folder list now and every chat's pins again, within the budgets. */
  refreshBoard: { request: none, fromContentScript: false },
  /** A right-click in a Cliq page, on a message or a chat: the context menu shows the entries that fit it. */
  menuContext: {
    request: z.strictObject({ chatId: z.optional(id), messageId: z.optional(id) }),
    fromContentScript: true,
  },
  retryIntent: { request: z.strictObject({ id: z.int().check(z.nonnegative()) }), fromContentScript: false },
  dismissIntent: { request: z.strictObject({ id: z.int().check(z.nonnegative()) }), fromContentScript: false },
  /** The options page's reminder settings, and the chats it offers to pick from. */
  getReminders: { request: none, fromContentScript: false },
  setReminders: { request: z.strictObject(reminderSettingsSchema.shape), fromContentScript: false },
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
  getChatPins: {
    chatId: string;
    pins: ShownPin[];
    syncedAt: number | null;
    lockedUntil: number | null;
    unsent: UnsentIntent[];
  };
  getFolders: ShownFolder[];
  getProgress: QueueProgress;
  refresh: { queued: boolean };
  refreshBoard: { queued: boolean };
  menuContext: { pinned: boolean | null };
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

export const envelopeSchema = z.strictObject({ type: z.string(), data: z.unknown() });
