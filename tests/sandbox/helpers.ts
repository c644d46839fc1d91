/** Test helpers: a sandbox per test file and a tiny fetch wrapper that speaks the API's JSON. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type Sandbox, type SandboxOptions, startSandbox } from './index';

/** A fixed start keeps seeds (and so ids) identical run after run. */
export const START = Date.parse('2026-03-02T09:00:00.000Z');

/** Tests read arbitrary API JSON and pin its shape down with `expect`, so the body is loosely typed. */
// biome-ignore lint/suspicious/noExplicitAny: see above
type Json = any;

export interface ApiResponse<T = Json> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  body?: unknown;
  token?: string | null;
  /** Raw Authorization header value, overriding `token`. */
  authorization?: string;
}

function client(sandbox: () => Sandbox) {
  return async function call<T = Json>(method: string, path: string, opts: CallOptions = {}): Promise<ApiResponse<T>> {
    const s = sandbox();
    const headers: Record<string, string> = {};
    const token = opts.token === undefined ? s.token : opts.token;
    if (opts.authorization) headers.Authorization = opts.authorization;
    else if (token !== null) headers.Authorization = `Bearer ${token}`;
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${s.url}/api${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
  };
}

/**
 * Starts one sandbox for the file and resets it before each test, so tests stay independent while
 * paying the start-up cost once.
 */
export function useSandbox(opts: SandboxOptions = {}) {
  let sandbox: Sandbox | undefined;
  const get = (): Sandbox => {
    if (!sandbox) throw new Error('sandbox not started');
    return sandbox;
  };
  beforeAll(async () => {
    sandbox = await startSandbox({ startTime: START, ...opts });
  });
  beforeEach(() => get().reset());
  afterAll(async () => sandbox?.stop());
  return { sandbox: get, call: client(get) };
}

/** Chats of the signed-in user by type, straight from the model. */
export function chatsOfType(sandbox: Sandbox, type: string) {
  return [...sandbox.state.chats.values()].filter((c) => c.type === type && sandbox.state.isParticipant(c));
}
