import { PRODUCT_OPERATIONS, scopesFor } from '../cliq';
import * as z from '../cliq/zod';
import { t } from '../i18n';

/**
 * Zoho documents an `id_token` in the answer when `email` is in scope: it tells which Zoho user signed in,
 * so each user's cache and queue stay apart even on one data centre.
 */
export const IDENTITY_SCOPE = 'email';

/** Derived, not listed: the scopes of the operations the product calls, plus who the user is. */
export const SCOPES: readonly string[] = [...scopesFor(PRODUCT_OPERATIONS), IDENTITY_SCOPE];

interface FlowRequest {
  accountsServer: string;
  clientId: string;
  redirectUri: string;
  state: string;
}

/** The interactive sign-in. Zoho lists no `state` for it; we send one anyway and check it if it comes back. */
export function authorizeUrl(opts: FlowRequest): string {
  return flowUrl('/oauth/v2/auth', opts);
}

/**
 * Zoho's documented silent renewal: only for a user who granted access "for the session" (the first answer
 * said `granted_for_session=true`); it fails with `client_not_granted` or `prompt_required` otherwise.
 */
export function refreshUrl(opts: FlowRequest): string {
  return flowUrl('/oauth/v2/auth/refresh', opts);
}

function flowUrl(path: string, opts: FlowRequest): string {
  const url = new URL(path, opts.accountsServer);
  url.search = new URLSearchParams({
    response_type: 'token',
    client_id: opts.clientId,
    scope: SCOPES.join(','),
    redirect_uri: opts.redirectUri,
    state: opts.state,
  }).toString();
  return url.toString();
}

const grantSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  expires_in: z.coerce.number().check(z.positive()),
  state: z.optional(z.string()),
  scope: z.optional(z.string()),
  location: z.optional(z.string()),
  'accounts-server': z.optional(z.string()),
  granted_for_session: z.optional(z.string()),
  id_token: z.optional(z.string()),
});

export interface Grant {
  accessToken: string;
  expiresAt: number;
  scopes: string[];
  location?: string;
  accountsServer?: string;
  /** Zoho will renew through `/oauth/v2/auth/refresh` without asking. */
  grantedForSession: boolean;
  /** The Zoho user (its id), from the `id_token`, when Zoho sent one; `email` is what a person recognises. */
  user?: string;
  email?: string;
}

/** Zoho's renewal errors: the session was not granted (or is over), or more scopes need the user's consent. */
export const RENEWAL_REFUSALS = ['client_not_granted', 'prompt_required'] as const;

export class SignInError extends Error {
  override name = 'SignInError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Zoho documents seconds (3600); some Zoho products answer milliseconds. No token lives longer than a day. */
const MAX_LIFETIME_S = 86_400;

export function lifetimeMs(expiresIn: number): number {
  const seconds = expiresIn > MAX_LIFETIME_S ? expiresIn / 1000 : expiresIn;
  return Math.min(seconds, MAX_LIFETIME_S) * 1000;
}

/**
 * Read the implicit grant from the redirect's fragment. Zoho's documented answer has no `state`, so none is
 * required: `identity.launchWebAuthFlow` hands back only the redirect of the very flow we opened (no page and
 * no other sign-in can inject one), which is what `state` protects against on the open web. A `state` that
 * does come back must still be ours.
 */
export function parseRedirect(redirectedTo: string, expectedState: string, now: number): Grant {
  const url = new URL(redirectedTo);
  const fragment = new URLSearchParams(url.hash.replace(/^#&?/, ''));
  const returnedState = fragment.get('state') ?? url.searchParams.get('state');
  if (returnedState !== null && returnedState !== expectedState) {
    throw new SignInError(t('authAnswerMismatch'));
  }
  const error = fragment.get('error') ?? url.searchParams.get('error');
  if (error) throw new SignInError(t('authZohoRefused', error), error);
  const grant = grantSchema.safeParse(Object.fromEntries(fragment));
  if (!grant.success) throw new SignInError(t('authNoToken'));
  return {
    accessToken: grant.data.access_token,
    expiresAt: now + lifetimeMs(grant.data.expires_in),
    scopes: grant.data.scope ? grant.data.scope.split(/[ ,]+/).filter(Boolean) : [...SCOPES],
    location: grant.data.location,
    accountsServer: grant.data['accounts-server'],
    grantedForSession: grant.data.granted_for_session === 'true',
    ...(grant.data.id_token ? userOfIdToken(grant.data.id_token) : { user: undefined }),
  };
}

const idTokenClaims = z.object({
  email: z.optional(z.string().check(z.minLength(1))),
  sub: z.optional(z.string().check(z.minLength(1))),
});

/**
 * The user an `id_token` names. It arrived in the flow's own redirect over HTTPS, and it only decides whose
 * cache to open, never what Cliq allows, so its signature is not what protects anything here.
 */
function userOfIdToken(idToken: string): { user?: string; email?: string } {
  try {
    const payload = idToken.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = idTokenClaims.parse(JSON.parse(json));
    return { user: claims.sub ?? claims.email, ...(claims.email ? { email: claims.email } : {}) };
  } catch {
    return { user: undefined };
  }
}
