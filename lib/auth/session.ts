import { browser } from 'wxt/browser';
import { accountsOrigin, DATA_CENTRE_IDS, type DataCentre } from '../cliq/datacentres';
import * as z from '../cliq/zod';
import { t } from '../i18n';
import { ACCOUNT_KEY } from './account-key';
import { accountsServer, apiOrigin, type Connection, connectionSchema, dataCentreOfLocation } from './connection';
import { authorizeUrl, type Grant, parseRedirect, RENEWAL_REFUSALS, refreshUrl, SignInError } from './oauth';

/**
 * The token lives here and only here: `storage.session` (memory only, never written to disk, and closed to
 * content scripts), read by the background alone. Extension pages get `AuthState`, which has no token in it.
 */
const CONNECTION_KEY = 'connection';
const SESSION_KEY = 'authSession';
/** Wakes the worker when the token is due for renewal, so "sign in again" shows before it lapses. */
export const AUTH_ALARM = 'cliq-pins-auth';

const sessionSchema = z.object({
  accessToken: z.string(),
  expiresAt: z.number(),
  /** When to renew (or, without a session grant, to ask the user): a while before `expiresAt`. */
  renewAt: z.number(),
  scopes: z.array(z.string()),
  dataCentre: z.string(),
});
type Session = z.output<typeof sessionSchema>;

const accountSchema = z.object({
  /** API origin, plus the Zoho user when Zoho named one: the key the account's database is named by. */
  key: z.string().check(z.minLength(1)),
  apiOrigin: z.string(),
  user: z.optional(z.string()),
  /** For people: who is signed in, as Zoho's `id_token` named them. */
  email: z.optional(z.string()),
  /** The user let Zoho renew the token for the session: `/oauth/v2/auth/refresh` may work without asking. */
  grantedForSession: z.boolean(),
});
export type Account = z.output<typeof accountSchema>;

export interface AuthState {
  signedIn: boolean;
  /** The user must sign in again: the token lapsed or lapses soon and cannot be renewed silently. */
  needsSignIn: boolean;
  connection: Connection;
  apiOrigin: string;
  account?: Account;
  expiresAt?: number;
  scopes?: string[];
  lastError?: string;
}

/** Renew this long before expiry (at most a quarter of the token's life), so no request leaves with a dying token. */
const RENEW_BEFORE_MS = 5 * 60_000;
/** A failed silent renewal is not retried for this long: each try opens a hidden auth flow. */
const SILENT_RETRY_MS = 60_000;

export interface AuthDeps {
  now(): number;
  randomState(): string;
}

function accountKey(origin: string, user: string | undefined): string {
  return user ? `${origin} ${user}` : origin;
}

export function createAuth(deps: AuthDeps = { now: Date.now, randomState: () => crypto.randomUUID() }) {
  const listeners = new Set<(state: AuthState) => void>();
  let renewalFailed = false;
  let lastError: string | undefined;
  let lastSilentTry = Number.NEGATIVE_INFINITY;
  let renewing: Promise<string | undefined> | undefined;
  /**
   * Counts sign-outs. A flow that began before one (a silent renewal under way when the user pressed "Sign out")
   * must not store its grant afterwards and sign the user back in.
   */
  let signOuts = 0;

  async function connection(): Promise<Connection> {
    const stored = await browser.storage.local.get(CONNECTION_KEY);
    return connectionSchema.parse(stored[CONNECTION_KEY] ?? {});
  }

  async function account(): Promise<Account | undefined> {
    const parsed = accountSchema.safeParse((await browser.storage.local.get(ACCOUNT_KEY))[ACCOUNT_KEY]);
    return parsed.success ? parsed.data : undefined;
  }

  async function session(): Promise<Session | undefined> {
    const stored = await browser.storage.session.get(SESSION_KEY);
    const parsed = sessionSchema.safeParse(stored[SESSION_KEY]);
    return parsed.success ? parsed.data : undefined;
  }

  async function state(): Promise<AuthState> {
    const [conn, current, bound] = await Promise.all([connection(), session(), account()]);
    let origin: string;
    try {
      origin = apiOrigin(conn);
    } catch (error) {
      origin = '';
      lastError = (error as Error).message;
    }
    const now = deps.now();
    const live = current && current.expiresAt > now && bound !== undefined;
    // Without a session grant nothing can renew the token: say so while it still works, not after.
    const lapsing = Boolean(live && !bound.grantedForSession && now >= current.renewAt);
    return {
      signedIn: Boolean(live),
      needsSignIn: bound !== undefined && (renewalFailed || !live || lapsing),
      connection: conn,
      apiOrigin: origin,
      account: bound,
      expiresAt: live ? current.expiresAt : undefined,
      scopes: live ? current.scopes : undefined,
      // "Ends soon" is true only while the token lives; once it lapsed, the pages say the session ended.
      lastError: !live && lastError === t('authNoSessionGrant') ? undefined : lastError,
    };
  }

  async function changed(): Promise<void> {
    const current = await state();
    // The background shows the badge from this (lib/background/badge.ts: one policy for every reason).
    for (const listener of listeners) listener(current);
  }

  async function runFlow(mode: 'signIn' | 'renew'): Promise<Grant> {
    const conn = await connection();
    if (!conn.clientId) throw new SignInError(t('authNeedClientId'));
    const expectedState = deps.randomState();
    const request = {
      accountsServer: accountsServer(conn),
      clientId: conn.clientId,
      redirectUri: browser.identity.getRedirectURL(),
      state: expectedState,
    };
    // launchWebAuthFlow returns only the redirect of this very flow, which is why a missing `state` is safe.
    const redirectedTo = await browser.identity
      .launchWebAuthFlow({
        interactive: mode === 'signIn',
        url: mode === 'signIn' ? authorizeUrl(request) : refreshUrl(request),
      })
      .catch((error: unknown) => {
        // The browser's own words ("Authorization page could not be loaded."), in English, say neither where nor
        // what to do: name the accounts host and what to check, keeping the browser's reason.
        const reason = ((error as Error).message ?? String(error)).replace(/\.$/, '');
        throw new SignInError(t('authFlowFailed', request.accountsServer, reason));
      });
    if (!redirectedTo) throw new SignInError(t('authWindowClosed'));
    return parseRedirect(redirectedTo, expectedState, deps.now());
  }

  /**
   * Zoho says where the account lives; without a custom host, the API calls follow it. A renewal must come
   * back for the same user: Zoho's browser session may have changed hands since.
   */
  async function adopt(grant: Grant, mode: 'signIn' | 'renew', signOutsAtStart: number): Promise<boolean> {
    let conn = await connection();
    const dc = dataCentreOfLocation(grant.location) ?? dataCentreFromAccountsServer(grant.accountsServer);
    if (mode === 'signIn' && dc && dc !== conn.dataCentre && !conn.apiHost && !conn.accountsHost) {
      conn = { ...conn, dataCentre: dc };
      await browser.storage.local.set({ [CONNECTION_KEY]: conn });
    }
    const origin = apiOrigin(conn);
    const previous = await account();
    if (mode === 'renew' && previous && accountKey(origin, grant.user ?? previous.user) !== previous.key) {
      throw new SignInError(t('authSomeoneElse'));
    }
    const user = grant.user ?? (mode === 'renew' ? previous?.user : undefined);
    const email = grant.email ?? (mode === 'renew' ? previous?.email : undefined);
    const bound: Account = {
      key: accountKey(origin, user),
      apiOrigin: origin,
      ...(user ? { user } : {}),
      ...(email ? { email } : {}),
      grantedForSession: grant.grantedForSession,
    };
    const now = deps.now();
    const stored: Session = {
      accessToken: grant.accessToken,
      expiresAt: grant.expiresAt,
      renewAt: grant.expiresAt - Math.min(RENEW_BEFORE_MS, (grant.expiresAt - now) / 4),
      scopes: grant.scopes,
      dataCentre: dc ?? conn.dataCentre,
    };
    // Checked and both writes issued in one turn: a sign-out's removals, issued later, land after them.
    if (signOutsAtStart !== signOuts) return false;
    await Promise.all([
      browser.storage.session.set({ [SESSION_KEY]: stored }),
      browser.storage.local.set({ [ACCOUNT_KEY]: bound }),
    ]);
    await browser.alarms.create(AUTH_ALARM, { when: Math.max(now + 1_000, stored.renewAt) });
    renewalFailed = false;
    lastError = undefined;
    return true;
  }

  async function renewSilently(signOutsAtStart: number): Promise<string | undefined> {
    if (deps.now() - lastSilentTry < SILENT_RETRY_MS) return undefined;
    lastSilentTry = deps.now();
    try {
      const grant = await runFlow('renew');
      if (!(await adopt(grant, 'renew', signOutsAtStart))) return undefined;
      await changed();
      return grant.accessToken;
    } catch (error) {
      renewalFailed = true;
      lastError = describeRenewalFailure(error);
      await changed();
      return undefined;
    }
  }

  async function forget(): Promise<void> {
    signOuts++;
    // The account first: a token request in between finds no account and does not try to renew.
    await browser.storage.local.remove(ACCOUNT_KEY);
    await browser.storage.session.remove(SESSION_KEY);
    await browser.alarms.clear(AUTH_ALARM);
    renewalFailed = false;
    lastError = undefined;
  }

  return {
    state,
    connection,
    account,
    subscribe(listener: (state: AuthState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Whether saving `input` would sign out: a token and its data belong to one API host, accounts host and client. */
    async connectionChangeSignsOut(input: z.input<typeof connectionSchema>): Promise<boolean> {
      const [previous, next] = [await connection(), normalise(input)];
      return (
        apiOrigin(previous) !== apiOrigin(next) ||
        accountsServer(previous) !== accountsServer(next) ||
        previous.clientId !== next.clientId
      );
    },

    async saveConnection(input: z.input<typeof connectionSchema>): Promise<AuthState> {
      const next = normalise(input);
      const signsOut = await this.connectionChangeSignsOut(next);
      await browser.storage.local.set({ [CONNECTION_KEY]: next });
      if (signsOut) await forget();
      await changed();
      return state();
    },

    async signIn(): Promise<AuthState> {
      const signOutsAtStart = signOuts;
      try {
        await adopt(await runFlow('signIn'), 'signIn', signOutsAtStart);
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        await changed();
        throw error;
      }
      await changed();
      return state();
    },

    /** Forgets the token and the account; the caller has already dealt with the account's queue and cache. */
    async signOut(): Promise<AuthState> {
      await forget();
      await changed();
      return state();
    },

    /**
     * A token for the next request, renewed silently when due and the session was granted; undefined means
     * "sign in again". Without a session grant the token is used until it lapses, and the user is told first.
     */
    async getToken(): Promise<string | undefined> {
      const signOutsAtStart = signOuts;
      const [current, bound] = await Promise.all([session(), account()]);
      if (!bound) return undefined;
      const now = deps.now();
      if (current && current.renewAt > now) return current.accessToken;
      const live = current && current.expiresAt > now ? current.accessToken : undefined;
      if (!bound.grantedForSession) {
        if (!renewalFailed) {
          renewalFailed = true;
          lastError = t('authNoSessionGrant');
          await changed();
        }
        return live;
      }
      renewing ??= renewSilently(signOutsAtStart).finally(() => {
        renewing = undefined;
      });
      return (await renewing) ?? live;
    },

    /** Cliq refused the token (401): drop it and try once to renew without bothering the user. */
    async tokenRefused(): Promise<void> {
      await browser.storage.session.remove(SESSION_KEY);
      lastSilentTry = Number.NEGATIVE_INFINITY;
      await this.getToken();
    },
  };
}

export type Auth = ReturnType<typeof createAuth>;

function normalise(input: z.input<typeof connectionSchema>): Connection {
  const next = connectionSchema.parse(input);
  if (next.apiHost) next.apiHost = apiOrigin(next);
  if (next.accountsHost) next.accountsHost = accountsServer(next);
  return next;
}

function describeRenewalFailure(error: unknown): string {
  if (error instanceof SignInError && RENEWAL_REFUSALS.includes(error.code as (typeof RENEWAL_REFUSALS)[number])) {
    return t('authRenewalRefused', error.code ?? '');
  }
  return error instanceof Error ? error.message : String(error);
}

function dataCentreFromAccountsServer(server: string | undefined): DataCentre | undefined {
  if (!server) return undefined;
  return DATA_CENTRE_IDS.find((dc) => accountsOrigin(dc) === server.replace(/\/+$/, ''));
}
