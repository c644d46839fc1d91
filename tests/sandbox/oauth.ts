/**
 * Zoho Accounts' implicit grant, as a browser extension meets it: `GET /oauth/v2/auth` approves at once
 * while the sandbox's accounts session is signed in and redirects with the token in the fragment.
 * Signed out, it shows a sign-in page (or, with `prompt=none`, redirects with `error=login_required`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenRegistry } from './auth';
import { escapeHtml, readBody, redirect, sendHtml } from './http';
import { ACCESS_TOKEN_LIFETIME_MS } from './rules';

export interface AccountsSession {
  signedIn: boolean;
  /** 'deny' makes the consent step answer `error=access_denied`, as if the user clicked Deny. */
  consent: 'approve' | 'deny';
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
  if (url.pathname === '/oauth/v2/signin' && req.method === 'POST') {
    const form = new URLSearchParams(await readBody(req));
    const next = form.get('continue') ?? '';
    deps.session.signedIn = true;
    redirect(res, next.startsWith('/oauth/v2/auth?') ? next : '/oauth/v2/auth');
    return;
  }
  sendHtml(res, 404, page('Not found', '<p>This accounts URL does not exist in the sandbox.</p>'));
}

function authorize(res: ServerResponse, url: URL, deps: OAuthDeps): void {
  const q = url.searchParams;
  const redirectUri = q.get('redirect_uri');
  if (q.get('response_type') !== 'token') {
    sendHtml(
      res,
      400,
      errorPage('unsupported_response_type', 'Only response_type=token (implicit grant) is supported.'),
    );
    return;
  }
  if (!q.get('client_id')) {
    sendHtml(res, 400, errorPage('invalid_client', 'client_id is missing.'));
    return;
  }
  if (!redirectUri || !URL.canParse(redirectUri)) {
    sendHtml(res, 400, errorPage('invalid_redirect_uri', 'redirect_uri is missing or not an absolute URL.'));
    return;
  }
  const state = q.get('state');
  const back = (fields: Record<string, string>) => {
    const fragment = new URLSearchParams({ ...fields, ...(state === null ? {} : { state }) });
    redirect(res, `${redirectUri.split('#')[0]}#${fragment}`);
  };
  if (!deps.session.signedIn) {
    if (q.get('prompt') === 'none') {
      back({ error: 'login_required' });
      return;
    }
    sendHtml(res, 200, signInPage(`${url.pathname}${url.search}`));
    return;
  }
  if (deps.session.consent === 'deny') {
    back({ error: 'access_denied' });
    return;
  }
  const scopes = (q.get('scope') ?? '').split(/[,\s]+/).filter((s) => s !== '');
  const token = deps.tokens.issue(scopes, ACCESS_TOKEN_LIFETIME_MS);
  back({
    access_token: token.value,
    token_type: 'Bearer',
    expires_in: String(ACCESS_TOKEN_LIFETIME_MS / 1000),
    scope: scopes.join(','),
    location: 'us',
    'accounts-server': deps.baseUrl,
    api_domain: deps.baseUrl,
  });
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
