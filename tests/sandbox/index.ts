/**
 * The Cliq sandbox, in process: `const sandbox = await startSandbox()` gives a real HTTP server on
 * 127.0.0.1 that emulates the documented Zoho Cliq REST API, Zoho Accounts' implicit grant and a
 * Cliq-like web app, with handles to steer its clock, faults and data. See README.md.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SCOPES } from '../../lib/auth/oauth';
import { TokenRegistry } from './auth';
import { SandboxClock } from './clock';
import { type FaultSpec, Faults, formatFaults } from './faults';
import { type LoggedRequest, RequestLog } from './log';
import type { AccountsSession } from './oauth';
import type { PageSettings } from './page/routes';
import { RateLimiter } from './ratelimit';
import { ROUTES } from './routes';
import { ACCESS_TOKEN_LIFETIME_MS } from './rules';
import { loadSeed, type SeedData } from './seed-data';
import { buildSeed, type SeedName } from './seeds';
import { requestHandler, type ServerDeps } from './server';
import { SandboxState } from './state';

export type { LoggedRequest, SeedData };

export interface SandboxOptions {
  /** 0 (default) = ephemeral. */
  port?: number;
  /** Bearer token accepted with ALL scopes; default 'sandbox-token'. */
  token?: string;
  /** Length of a rate-limit "minute"; default 60000. Lock periods scale with it (5 min lock = 5*minuteMs). */
  minuteMs?: number;
  seed?: SeedName;
  faults?: string | FaultSpec;
  /** Initial sandbox clock (epoch ms); default Date.now(). */
  startTime?: number;
  /** What the clock runs on; default real time. Unit tests pass their manual clock so one jump moves both. */
  timeSource?: () => number;
}

export interface Sandbox {
  /** 'http://127.0.0.1:PORT' — API under `${url}/api/v2|v3/...`, OAuth at `${url}/oauth/v2/auth`. */
  url: string;
  token: string;
  orgId: string;
  /** Direct read (and test-only mutation) of the model. */
  state: SandboxState;
  clock: { now(): number; advance(ms: number): void; set(ms: number): void };
  /** State, rate ledgers, locks, faults (back to the start-up spec), log, accounts session and markup. */
  reset(seed?: SeedName): void;
  setFaults(spec: string | FaultSpec | null): void;
  /** {at, method, path, template, status, code?, query, body?} for /api/* calls. */
  requests(): LoggedRequest[];
  clearRequests(): void;
  /**
   * From now on, answer `METHOD template`'s successes with this body (JSON text, or anything else), after the
   * route has run with its usual checks; null goes back to the route's own answer. For feeding a client the
   * broken answers a property test generates.
   */
  serve(method: string, template: string, body: string | null): void;
  /** For 401/403/expiry tests; defaults to exactly the production scopes and a one-hour lifetime. */
  issueToken(opts?: { scopes?: string[]; expiresInMs?: number }): string;
  /**
   * A token with exactly the production scopes that never expires: what integration tests of the queue and
   * sync use, so a feature that calls an operation outside them meets the 403 a real user would.
   */
  productToken: string;
  stop(): Promise<void>;
}

/** Exactly the scopes the production build asks for at sign-in: the default for `issueToken` and `productToken`. */
const EXTENSION_SCOPES: readonly string[] = SCOPES;

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const minuteMs = opts.minuteMs ?? 60_000;
  if (!(minuteMs > 0)) throw new RangeError(`minuteMs must be positive, got ${minuteMs}`);
  const startSeed: SeedName = opts.seed ?? 'default';
  const token = opts.token ?? 'sandbox-token';
  const clock = new SandboxClock(opts.startTime ?? opts.timeSource?.() ?? Date.now(), opts.timeSource);
  const state = new SandboxState(() => clock.now());
  const tokens = new TokenRegistry(clock);
  tokens.addAllScopes(token);
  const productToken = tokens.issue(EXTENSION_SCOPES).value;
  const limiter = new RateLimiter(clock, minuteMs);
  const faults = new Faults();
  faults.set(opts.faults ?? null);
  const log = new RequestLog();
  const served = new Map<string, string>();
  const freshSession = (): AccountsSession => {
    const me = state.currentUser();
    return {
      signedIn: true,
      consent: 'approve',
      grantForSession: true,
      tokenLifetimeMs: ACCESS_TOKEN_LIFETIME_MS,
      user: { id: me.id, email: me.email },
      answers: [],
    };
  };
  const page: PageSettings = { markup: 'cliq' };
  let seedName: SeedName | 'custom' = startSeed;
  loadSeed(state, buildSeed(startSeed, clock.now()));
  const session = freshSession();

  const reset = (name: SeedName = startSeed): void => {
    loadSeed(state, buildSeed(name, clock.now()));
    seedName = name;
    limiter.reset();
    faults.set(opts.faults ?? null);
    log.clear();
    served.clear();
    for (const key of Object.keys(session)) delete session[key as keyof AccountsSession];
    Object.assign(session, freshSession());
    page.markup = 'cliq';
  };
  const issueToken = (o: { scopes?: string[]; expiresInMs?: number } = {}): string =>
    tokens.issue(o.scopes ?? EXTENSION_SCOPES, o.expiresInMs ?? ACCESS_TOKEN_LIFETIME_MS).value;

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const info = () => ({
    url,
    token,
    orgId: state.orgId,
    currentUser: state.currentUser(),
    seed: seedName,
    minuteMs,
    faults: formatFaults(faults.get()),
    webApp: `${url}/company/${state.orgId}/chats`,
  });
  const deps: ServerDeps = {
    api: { state, clock, tokens, limiter, faults, log, routes: ROUTES, served },
    oauth: { tokens, session, baseUrl: url },
    page,
    control: {
      state,
      clock,
      session,
      info,
      reset,
      loadSeed: (data) => {
        // Dry run first, so a bad seed leaves the current state untouched.
        loadSeed(new SandboxState(() => clock.now()), data);
        loadSeed(state, data);
        seedName = 'custom';
      },
      faults: () => faults.get(),
      setFaults: (spec) => faults.set(spec),
      requests: () => log.list(),
      clearRequests: () => log.clear(),
      issueToken,
      setMarkup: (markup) => {
        page.markup = markup;
      },
    },
  };
  server.on('request', requestHandler(deps));

  return {
    url,
    token,
    get orgId() {
      return state.orgId;
    },
    state,
    clock,
    reset,
    setFaults: (spec) => faults.set(spec),
    requests: () => log.list(),
    clearRequests: () => log.clear(),
    serve: (method, template, body) => {
      if (body === null) served.delete(`${method} ${template}`);
      else served.set(`${method} ${template}`, body);
    },
    issueToken,
    productToken,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
