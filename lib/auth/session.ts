import { browser } from 'wxt/browser';
import { z } from 'zod';
import { accountsOrigin, DATA_CENTRE_IDS, type DataCentre } from '../cliq/datacentres';
import { t } from '../i18n';
import { accountsServer, apiOrigin, type Connection, connectionSchema, dataCentreOfLocation } from './connection';
import { authorizeUrl, type Grant, parseRedirect, SignInError } from './oauth';

/**
 * The token lives here and only here: `storage.session` (memory only, never written to disk, and closed to
 * content scripts), read by the background alone. Extension pages get `AuthState`, which has no token in it.
 */
const CONNECTION_KEY = 'connection';
const SESSION_KEY = 'authSession';
/** Survives a browser restart (session storage does not): a returning user is renewed silently. */
const SIGNED_IN_BEFORE_KEY = 'signedInBefore';

const sessionSchema = z.object({
  accessToken: z.string(),
  expiresAt: z.number(),
  scopes: z.array(z.string()),
  dataCentre: z.string(),
});
type Session = z.output<typeof sessionSchema>;

export interface AuthState {
  signedIn: boolean;
  /** Set when a token expired or was refused and a silent renewal failed: the user must act. */
  needsSignIn: boolean;
  connection: Connection;
  apiOrigin: string;
  expiresAt?: number;
  scopes?: string[];
  lastError?: string;
}

/** Renew this long before expiry, so a request never leaves with a token that dies on the way. */
const RENEW_BEFORE_MS = 2 * 60_000;
/** A failed silent renewal is not retried for this long: each try opens a hidden auth flow. */
const SILENT_RETRY_MS = 60_000;

export interface AuthDeps {
  now(): number;
  randomState(): string;
}

export function createAuth(deps: AuthDeps = { now: Date.now, randomState: () => crypto.randomUUID() }) {
  const listeners = new Set<(state: AuthState) => void>();
  let needsSignIn = false;
  let lastError: string | undefined;
  let lastSilentTry = Number.NEGATIVE_INFINITY;
  let renewing: Promise<string | undefined> | undefined;

  async function connection(): Promise<Connection> {
    const stored = await browser.storage.local.get(CONNECTION_KEY);
    return connectionSchema.parse(stored[CONNECTION_KEY] ?? {});
  }

  async function session(): Promise<Session | undefined> {
    const stored = await browser.storage.session.get(SESSION_KEY);
    const parsed = sessionSchema.safeParse(stored[SESSION_KEY]);
    return parsed.success ? parsed.data : undefined;
  }

  async function state(): Promise<AuthState> {
    const [conn, current] = await Promise.all([connection(), session()]);
    let origin: string;
    try {
      origin = apiOrigin(conn);
    } catch (error) {
      origin = '';
      lastError = (error as Error).message;
    }
    const live = current && current.expiresAt > deps.now();
    return {
      signedIn: Boolean(live),
      needsSignIn: needsSignIn || Boolean(current && !live),
      connection: conn,
      apiOrigin: origin,
      expiresAt: live ? current.expiresAt : undefined,
      scopes: live ? current.scopes : undefined,
      lastError,
    };
  }

  async function changed(): Promise<void> {
    const current = await state();
    await showBadge(current.needsSignIn);
    for (const listener of listeners) listener(current);
  }

  async function runFlow(interactive: boolean): Promise<Grant> {
    const conn = await connection();
    if (!conn.clientId) throw new SignInError('Enter the client ID of your Zoho API console app first.');
    const expectedState = deps.randomState();
    const redirectedTo = await browser.identity.launchWebAuthFlow({
      interactive,
      url: authorizeUrl({
        accountsServer: accountsServer(conn),
        clientId: conn.clientId,
        redirectUri: browser.identity.getRedirectURL(),
        state: expectedState,
        silent: !interactive,
      }),
    });
    if (!redirectedTo) throw new SignInError('The sign-in window closed without an answer.');
    return parseRedirect(redirectedTo, expectedState, deps.now());
  }

  /** Zoho says where the account lives; without a custom host, the API calls follow it. */
  async function adopt(grant: Grant): Promise<void> {
    const conn = await connection();
    const dc = dataCentreOfLocation(grant.location) ?? dataCentreFromAccountsServer(grant.accountsServer);
    if (dc && dc !== conn.dataCentre && !conn.apiHost && !conn.accountsHost) {
      await browser.storage.local.set({ [CONNECTION_KEY]: { ...conn, dataCentre: dc } });
    }
    const stored: Session = {
      accessToken: grant.accessToken,
      expiresAt: grant.expiresAt,
      scopes: grant.scopes,
      dataCentre: dc ?? conn.dataCentre,
    };
    await browser.storage.session.set({ [SESSION_KEY]: stored });
    await browser.storage.local.set({ [SIGNED_IN_BEFORE_KEY]: true });
    needsSignIn = false;
    lastError = undefined;
  }

  async function renewSilently(): Promise<string | undefined> {
    if (deps.now() - lastSilentTry < SILENT_RETRY_MS) return undefined;
    lastSilentTry = deps.now();
    try {
      const grant = await runFlow(false);
      await adopt(grant);
      await changed();
      return grant.accessToken;
    } catch (error) {
      needsSignIn = true;
      lastError = error instanceof Error ? error.message : String(error);
      await changed();
      return undefined;
    }
  }

  return {
    state,
    connection,
    subscribe(listener: (state: AuthState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async saveConnection(input: z.input<typeof connectionSchema>): Promise<AuthState> {
      const next = connectionSchema.parse(input);
      if (next.apiHost) next.apiHost = apiOrigin(next);
      if (next.accountsHost) next.accountsHost = accountsServer(next);
      const previous = await connection();
      await browser.storage.local.set({ [CONNECTION_KEY]: next });
      // A token belongs to one account server and client: a change of either signs out.
      if (accountsServer(previous) !== accountsServer(next) || previous.clientId !== next.clientId) {
        await browser.storage.session.remove(SESSION_KEY);
      }
      await changed();
      return state();
    },

    async signIn(): Promise<AuthState> {
      try {
        await adopt(await runFlow(true));
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        await changed();
        throw error;
      }
      await changed();
      return state();
    },

    async signOut(): Promise<AuthState> {
      await browser.storage.session.remove(SESSION_KEY);
      await browser.storage.local.remove(SIGNED_IN_BEFORE_KEY);
      needsSignIn = false;
      lastError = undefined;
      await changed();
      return state();
    },

    /** A token for the next request, renewed silently when close to expiry; undefined means "sign in again". */
    async getToken(): Promise<string | undefined> {
      const current = await session();
      if (current && current.expiresAt - RENEW_BEFORE_MS > deps.now()) return current.accessToken;
      // Someone who never signed in (or signed out) is asked to, not renewed behind their back.
      if (!current && !(await browser.storage.local.get(SIGNED_IN_BEFORE_KEY))[SIGNED_IN_BEFORE_KEY]) return undefined;
      renewing ??= renewSilently().finally(() => {
        renewing = undefined;
      });
      return (await renewing) ?? (current && current.expiresAt > deps.now() ? current.accessToken : undefined);
    },

    /** Cliq refused the token (401): drop it and try once to renew without bothering the user. */
    async tokenRefused(): Promise<void> {
      await browser.storage.session.remove(SESSION_KEY);
      lastSilentTry = Number.NEGATIVE_INFINITY;
      if (!(await renewSilently())) needsSignIn = true;
    },
  };
}

export type Auth = ReturnType<typeof createAuth>;

function dataCentreFromAccountsServer(server: string | undefined): DataCentre | undefined {
  if (!server) return undefined;
  return DATA_CENTRE_IDS.find((dc) => accountsOrigin(dc) === server.replace(/\/+$/, ''));
}

async function showBadge(needsSignIn: boolean): Promise<void> {
  await browser.action.setBadgeText({ text: needsSignIn ? '!' : '' });
  if (needsSignIn) await browser.action.setBadgeBackgroundColor({ color: '#d93025' });
  await browser.action.setTitle({ title: t(needsSignIn ? 'badgeSignInAgain' : 'extName') });
}
