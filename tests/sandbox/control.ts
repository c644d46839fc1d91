/**
 * `/__sandbox/*` control endpoints for tests, e2e runs and the demo: JSON in, JSON out, no auth,
 * loopback callers only. README.md lists each endpoint with an example.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type FaultSpec, formatFaults, parseFaults } from './faults';
import { parseJson, readBody, sendJson } from './http';
import type { LoggedRequest } from './log';
import type { AccountsSession } from './oauth';
import { MARKUPS, type Markup } from './page/html';
import type { SeedData } from './seed-data';
import { SEED_NAMES, type SeedName } from './seeds';
import type { SandboxState } from './state';

/** What the control endpoints can do to a running sandbox. */
export interface ControlTarget {
  state: SandboxState;
  clock: { now(): number; advance(ms: number): void; set(ms: number): void };
  session: AccountsSession;
  info(): Record<string, unknown>;
  reset(seed?: SeedName): void;
  loadSeed(data: SeedData): void;
  faults(): FaultSpec;
  setFaults(spec: string | FaultSpec | null): void;
  requests(): LoggedRequest[];
  clearRequests(): void;
  issueToken(opts: { scopes?: string[]; expiresInMs?: number }): string;
  setMarkup(markup: Markup): void;
}

type Handler = (target: ControlTarget, body: unknown, match: RegExpExecArray) => unknown;

const ROUTES: [string, RegExp, Handler][] = [
  ['GET', /^info$/, (t) => t.info()],
  [
    'POST',
    /^reset$/,
    (t, body) => {
      const seed = field(body, 'seed');
      if (seed !== undefined && !SEED_NAMES.includes(seed as SeedName))
        throw new Error(`seed must be one of ${SEED_NAMES.join(', ')}`);
      t.reset(seed as SeedName | undefined);
      return t.info();
    },
  ],
  [
    'POST',
    /^seed$/,
    (t, body) => {
      t.loadSeed((body ?? {}) as SeedData);
      return { chats: t.state.chats.size, users: t.state.users.size, folders: t.state.folders.length };
    },
  ],
  ['GET', /^clock$/, (t) => clockJson(t)],
  [
    'POST',
    /^clock$/,
    (t, body) => {
      const advance = field(body, 'advance');
      const set = field(body, 'set');
      if (typeof advance === 'number') t.clock.advance(advance);
      else if (typeof set === 'number' || typeof set === 'string')
        t.clock.set(typeof set === 'number' ? set : Date.parse(set));
      else throw new Error('send {"advance": ms} or {"set": epochMs | ISO 8601}');
      return clockJson(t);
    },
  ],
  ['GET', /^faults$/, (t) => faultsJson(t)],
  [
    'POST',
    /^faults$/,
    (t, body) => {
      const spec = typeof body === 'string' ? body : (field(body, 'spec') ?? body);
      t.setFaults(parseFaults(spec as string | FaultSpec));
      return faultsJson(t);
    },
  ],
  [
    'DELETE',
    /^faults$/,
    (t) => {
      t.setFaults(null);
      return faultsJson(t);
    },
  ],
  ['GET', /^requests$/, (t) => t.requests()],
  [
    'DELETE',
    /^requests$/,
    (t) => {
      t.clearRequests();
      return { cleared: true };
    },
  ],
  ['GET', /^accounts$/, (t) => ({ ...t.session })],
  [
    'POST',
    /^accounts$/,
    (t, body) => {
      const signedIn = field(body, 'signedIn');
      const consent = field(body, 'consent');
      const grantForSession = field(body, 'grantForSession');
      const tokenLifetimeMs = field(body, 'tokenLifetimeMs');
      const user = field(body, 'user');
      if (typeof signedIn === 'boolean') t.session.signedIn = signedIn;
      if (consent === 'approve' || consent === 'deny') t.session.consent = consent;
      if (typeof grantForSession === 'boolean') t.session.grantForSession = grantForSession;
      if (typeof tokenLifetimeMs === 'number' && tokenLifetimeMs >= 1_000) t.session.tokenLifetimeMs = tokenLifetimeMs;
      if (isUser(user)) {
        t.session.user = { id: user.id, email: user.email };
        // Someone else at Zoho: the last one's session grant is not theirs.
        t.session.granted = undefined;
      }
      return { ...t.session };
    },
  ],
  [
    'POST',
    /^tokens$/,
    (t, body) => {
      const scopes = field(body, 'scopes');
      const expiresInMs = field(body, 'expiresInMs');
      const list =
        typeof scopes === 'string' ? scopes.split(',') : Array.isArray(scopes) ? scopes.map(String) : undefined;
      return {
        token: t.issueToken({ scopes: list, expiresInMs: typeof expiresInMs === 'number' ? expiresInMs : undefined }),
      };
    },
  ],
  [
    'POST',
    /^chats\/([^/]+)\/messages$/,
    (t, body, match) => {
      const chat = t.state.chat(decodeURIComponent(match[1] ?? ''));
      if (!chat) throw new Error('no such chat');
      const text = field(body, 'text');
      if (typeof text !== 'string' || text === '') throw new Error('text is required');
      const sender =
        field(body, 'senderId') ?? chat.memberIds.find((id) => id !== t.state.currentUserId) ?? t.state.currentUserId;
      if (!t.state.users.has(String(sender))) throw new Error('unknown senderId');
      const message = t.state.appendMessage(chat, String(sender), text);
      return { id: message.id, chatId: chat.id, senderId: message.senderId, time: message.time, text: message.text };
    },
  ],
  [
    'POST',
    /^markup$/,
    (t, body) => {
      const markup = field(body, 'markup');
      const known = MARKUPS.find((m) => m === markup);
      if (!known) throw new Error(`markup must be one of ${MARKUPS.join(', ')}`);
      t.setMarkup(known);
      return { markup };
    },
  ],
];

export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  target: ControlTarget,
): Promise<void> {
  const now = target.clock.now();
  const path = url.pathname.slice('/__sandbox/'.length);
  const routes = ROUTES.filter(([, pattern]) => pattern.test(path));
  const route = routes.find(([method]) => method === req.method);
  if (!route) {
    const status = routes.length > 0 ? 405 : 404;
    return sendJson(res, status, { error: status === 405 ? 'method not allowed' : 'unknown control endpoint' }, now);
  }
  try {
    const text = await readBody(req);
    let body: unknown;
    try {
      body = parseJson(text);
    } catch {
      body = text;
    }
    const result = route[2](target, body, route[1].exec(path) as RegExpExecArray);
    sendJson(res, 200, result, target.clock.now());
  } catch (error) {
    sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) }, now);
  }
}

function field(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
}

function clockJson(t: ControlTarget) {
  const now = t.clock.now();
  return { now, iso: new Date(now).toISOString() };
}

function faultsJson(t: ControlTarget) {
  const faults = t.faults();
  return { spec: formatFaults(faults), faults };
}

function isUser(value: unknown): value is { id: string; email: string } {
  const user = value as { id?: unknown; email?: unknown } | null;
  return typeof user?.id === 'string' && typeof user.email === 'string';
}
