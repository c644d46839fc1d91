import { z } from 'zod';
import { connectionSchema } from '../auth/connection';

/** What extension pages learn about sign-in. There is deliberately no token in it. */
const authStateSchema = z.object({
  signedIn: z.boolean(),
  needsSignIn: z.boolean(),
  connection: connectionSchema,
  apiOrigin: z.string(),
  expiresAt: z.number().optional(),
  scopes: z.array(z.string()).optional(),
  lastError: z.string().optional(),
});

/**
 * The one protocol between extension pages / content scripts and the background.
 * Every request is validated with zod in the background before a handler sees it: content scripts run
 * in the page's process, so nothing they send is trusted. `fromContentScript` says whether a message
 * may come from a content script at all; everything else is for extension pages only.
 */
export const protocol = {
  ping: {
    request: z.object({}).strict(),
    response: z.object({ pong: z.literal(true), version: z.string() }),
    fromContentScript: true,
  },
  getAuthState: {
    request: z.object({}).strict(),
    response: authStateSchema,
    fromContentScript: false,
  },
  saveConnection: {
    request: connectionSchema.strict(),
    response: authStateSchema,
    fromContentScript: false,
  },
  signIn: {
    request: z.object({}).strict(),
    response: authStateSchema,
    fromContentScript: false,
  },
  signOut: {
    request: z.object({}).strict(),
    response: authStateSchema,
    fromContentScript: false,
  },
} as const;

export type MessageType = keyof typeof protocol;
export type RequestOf<T extends MessageType> = z.input<(typeof protocol)[T]['request']>;
export type ParsedRequestOf<T extends MessageType> = z.output<(typeof protocol)[T]['request']>;
export type ResponseOf<T extends MessageType> = z.output<(typeof protocol)[T]['response']>;

/** What travels back: handlers' failures reach the caller as a message a person can read, never as a stack. */
export type Reply<T extends MessageType> = { ok: true; data: ResponseOf<T> } | { ok: false; error: string };

export const envelopeSchema = z.object({ type: z.string(), data: z.unknown() }).strict();
