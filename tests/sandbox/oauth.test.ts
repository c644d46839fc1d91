import { describe, expect, it } from 'vitest';
import { useSandbox } from './helpers';

const { sandbox, call } = useSandbox();
const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';

function authUrl(params: Record<string, string>): string {
  const query = new URLSearchParams({
    response_type: 'token',
    client_id: '1000.TESTCLIENT',
    redirect_uri: REDIRECT,
    ...params,
  });
  return `${sandbox().url}/oauth/v2/auth?${query}`;
}

async function authorize(params: Record<string, string> = {}) {
  const res = await fetch(authUrl(params), { redirect: 'manual' });
  const location = res.headers.get('location');
  return { res, fragment: location ? new URLSearchParams(new URL(location).hash.slice(1)) : undefined, location };
}

describe('GET /oauth/v2/auth (implicit grant)', () => {
  it('redirects with the documented fragment fields and a token that carries exactly the scopes', async () => {
    const { res, fragment, location } = await authorize({
      scope: 'ZohoCliq.Chats.READ,ZohoCliq.Chats.UPDATE',
      state: 'xyz',
    });
    expect(res.status).toBe(302);
    expect(location?.startsWith(`${REDIRECT}#`)).toBe(true);
    expect(Object.fromEntries(fragment ?? [])).toEqual({
      access_token: expect.stringMatching(/^1000\.[0-9a-f]+\.[0-9a-f]+$/),
      token_type: 'Bearer',
      expires_in: '3600',
      scope: 'ZohoCliq.Chats.READ,ZohoCliq.Chats.UPDATE',
      state: 'xyz',
      location: 'us',
      'accounts-server': sandbox().url,
      api_domain: sandbox().url,
    });
    const token = fragment?.get('access_token') as string;
    expect((await call('GET', '/v3/pin-categories', { token })).status).toBe(200);
    expect((await call('POST', '/v3/pin-categories', { token, body: { title: 'x' } })).status).toBe(403);
    sandbox().clock.advance(3_600_000);
    expect((await call('GET', '/v3/pin-categories', { token })).status).toBe(401);
  });

  it('shows a sign-in page when signed out, and prompt=none answers login_required', async () => {
    await fetch(`${sandbox().url}/__sandbox/accounts`, { method: 'POST', body: JSON.stringify({ signedIn: false }) });
    const page = await authorize({ scope: 'ZohoCliq.Chats.READ' });
    expect(page.res.status).toBe(200);
    const html = await page.res.text();
    expect(html).toContain('id="sign-in"');
    const silent = await authorize({ scope: 'ZohoCliq.Chats.READ', prompt: 'none', state: 's1' });
    expect(Object.fromEntries(silent.fragment ?? [])).toEqual({ error: 'login_required', state: 's1' });

    const continueTo = /name="continue" value="([^"]+)"/.exec(html)?.[1]?.replace(/&#38;/g, '&') as string;
    const signIn = await fetch(`${sandbox().url}/oauth/v2/signin`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ continue: continueTo }),
      redirect: 'manual',
    });
    expect(signIn.status).toBe(302);
    const next = await fetch(`${sandbox().url}${signIn.headers.get('location')}`, { redirect: 'manual' });
    expect(new URL(next.headers.get('location') as string).hash).toContain('access_token=');
  });

  it('redirects with access_denied when consent is denied', async () => {
    await fetch(`${sandbox().url}/__sandbox/accounts`, { method: 'POST', body: JSON.stringify({ consent: 'deny' }) });
    const { fragment } = await authorize({ scope: 'ZohoCliq.Chats.READ' });
    expect(fragment?.get('error')).toBe('access_denied');
  });

  it('shows an error page for a wrong response_type or a missing redirect_uri', async () => {
    const code = await fetch(authUrl({ response_type: 'code' }), { redirect: 'manual' });
    expect(code.status).toBe(400);
    expect(await code.text()).toContain('unsupported_response_type');
    const noRedirect = await fetch(`${sandbox().url}/oauth/v2/auth?response_type=token&client_id=c`, {
      redirect: 'manual',
    });
    expect(noRedirect.status).toBe(400);
    expect(await noRedirect.text()).toContain('invalid_redirect_uri');
  });
});
