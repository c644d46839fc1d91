/**
 * Zoho Accounts' implicit grant, answered the way Zoho documents it for client-based apps:
 * `GET /oauth/v2/auth` approves at once while the sandbox's accounts session is signed in and redirects with
 * `#&access_token=…&expires_in=3600&location=us` (plus `granted_for_session` and, with the `email` scope, an
 * `id_token`): no `state`, no `scope`. Signed out, it shows a sign-in page; `prompt=none` is not documented and
 * changes nothing. `GET /oauth/v2/auth/refresh` renews silently only for a session granted at `/auth`, and
 * answers `client_not_granted` or `prompt_required` otherwise, echoing `state` as documented.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenRegistry } from './auth';
import { escapeHtml, readBody, redirect, sendHtml } from './http';

export interface AccountsSession {
  signedIn: boolean;
  /** 'deny' makes the consent step answer `error=access_denied`, as if the user clicked Deny. */
  consent: 'approve' | 'deny';
  /** The user ticks "allow for this session" on the consent page: `/auth/refresh` may then renew. */
  grantForSession: boolean;
  /** Lifetime of the tokens sign-in and renewal issue (Zoho: one hour); short in renewal tests. */
  tokenLifetimeMs: number;
  /** Who is signed in at Zoho: named in the `id_token`; switch it to sign in as someone else. */
  user: { id: string; email: string };
  /** Scopes the session granted at `/auth`; renewal may ask for no more than these. Set by the sandbox. */
  granted?: { clientId: string; scopes: string[] };
  /** Each answer of `/auth` and `/auth/refresh`, oldest first: `auth`, `refresh`, `refresh:client_not_granted`, … */
  answers: string[];
}

export interface OAuthDeps {
  tokens: TokenRegistry;
  session: AccountsSession;
  baseUrl: string;
}

export async function handleOAuth(req: IncomingMessage, res: ServerResponse, url: URL, deps: OAuthDeps): Promise<void> {
  if (url.pathname === '/oauth/v2/auth' && req.method === 'GET') {
    authorize(res, url, deps);
    return;
  }
  if (url.pathname === '/oauth/v2/auth/refresh' && req.method === 'GET') {
    renew(res, url, deps);
    return;
  }
  if (url.pathname === '/oauth/v2/signin' && req.method === 'POST') {
    const form = new URLSearchParams(await readBody(req));
    const next = form.get('continue') ?? '';
    deps.session.signedIn = true;
    redirect(res, next.startsWith('/oauth/v2/auth?') ? next : '/oauth/v2/auth');
    return;
  }
  sendHtml(res, 404, page('Not found', '<p>This accounts URL does not exist in the sandbox.</p>'));
}

interface FlowRequest {
  clientId: string;
  scopes: string[];
  /** Redirects to the client with these fragment fields. */
  back(fields: Record<string, string>): void;
}

/** The checks `/auth` and `/auth/refresh` share; answers an error page and returns undefined when one fails. */
function flowRequest(res: ServerResponse, url: URL, echoState: boolean): FlowRequest | undefined {
  const q = url.searchParams;
  const redirectUri = q.get('redirect_uri');
  if (q.get('response_type') !== 'token') {
    sendHtml(
      res,
      400,
      errorPage('unsupported_response_type', 'Only response_type=token (implicit grant) is supported.'),
    );
    return undefined;
  }
  const clientId = q.get('client_id');
  if (!clientId) {
    sendHtml(res, 400, errorPage('invalid_client', 'client_id is missing.'));
    return undefined;
  }
  if (!redirectUri || !URL.canParse(redirectUri)) {
    sendHtml(res, 400, errorPage('invalid_redirect_uri', 'redirect_uri is missing or not an absolute URL.'));
    return undefined;
  }
  const state = q.get('state');
  return {
    clientId,
    scopes: (q.get('scope') ?? '').split(/[,\s]+/).filter((s) => s !== ''),
    back: (fields) => {
      const fragment = new URLSearchParams({ ...fields, ...(echoState && state !== null ? { state } : {}) });
      // Zoho's documented sample starts the fragment with `&`.
      redirect(res, `${redirectUri.split('#')[0]}#&${fragment}`);
    },
  };
}

function authorize(res: ServerResponse, url: URL, deps: OAuthDeps): void {
  const request = flowRequest(res, url, false);
  if (!request) return;
  if (!deps.session.signedIn) {
    sendHtml(res, 200, signInPage(`${url.pathname}${url.search}`));
    return;
  }
  if (deps.session.consent === 'deny') {
    deps.session.answers.push('auth:access_denied');
    request.back({ error: 'access_denied' });
    return;
  }
  deps.session.answers.push('auth');
  deps.session.granted = deps.session.grantForSession
    ? { clientId: request.clientId, scopes: request.scopes }
    : undefined;
  request.back(grantFields(request.scopes, deps));
}

function renew(res: ServerResponse, url: URL, deps: OAuthDeps): void {
  const request = flowRequest(res, url, true);
  if (!request) return;
  const granted = deps.session.granted;
  if (!deps.session.signedIn || !granted || granted.clientId !== request.clientId) {
    deps.session.answers.push('refresh:client_not_granted');
    request.back({ error: 'client_not_granted' });
    return;
  }
  const have = new Set(granted.scopes.map((s) => s.toLowerCase()));
  if (request.scopes.some((s) => !have.has(s.toLowerCase()))) {
    deps.session.answers.push('refresh:prompt_required');
    request.back({ error: 'prompt_required' });
    return;
  }
  deps.session.answers.push('refresh');
  request.back(grantFields(request.scopes, deps));
}

function grantFields(scopes: string[], deps: OAuthDeps): Record<string, string> {
  const token = deps.tokens.issue(scopes, deps.session.tokenLifetimeMs);
  return {
    access_token: token.value,
    expires_in: String(Math.round(deps.session.tokenLifetimeMs / 1000)),
    location: 'us',
    granted_for_session: String(deps.session.granted !== undefined),
    ...(scopes.some((s) => s.toLowerCase() === 'email') ? { id_token: idToken(deps.session.user) } : {}),
  };
}

/** An unsigned JWT-shaped token naming the user: enough for a client that only reads who signed in. */
function idToken(user: { id: string; email: string }): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: user.id, email: user.email })}.`;
}

function signInPage(continueTo: string): string {
  return page(
    'Sign in',
    `<h1>Sign in to Zoho (sandbox)</h1>
<form method="post" action="/oauth/v2/signin">
  <input type="hidden" name="continue" value="${escapeHtml(continueTo)}">
  <button type="submit" id="sign-in">Sign in</button>
</form>`,
  );
}

function errorPage(code: string, message: string): string {
  return page(
    'Authorization error',
    `<h1>Authorization error</h1><p id="error-code">${code}</p><p>${escapeHtml(message)}</p>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;
}
