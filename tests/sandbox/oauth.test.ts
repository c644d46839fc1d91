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
  it("redirects with exactly Zoho's documented fragment (no state, no scope) and a token with exactly the scopes", async () => {
    const { res, fragment, location } = await authorize({
      scope: 'ZohoCliq.Chats.READ,ZohoCliq.Chats.UPDATE',
      state: 'xyz',
    });
    expect(res.status).toBe(302);
    expect(location?.startsWith(`${REDIRECT}#&access_token=`)).toBe(true);
    expect(Object.fromEntries(fragment ?? [])).toEqual({
      access_token: expect.stringMatching(/^1000\.[0-9a-f]+\.[0-9a-f]+$/),
      expires_in: '3600',
      location: 'us',
      granted_for_session: 'true',
    });
    const token = fragment?.get('access_token') as string;
    expect((await call('GET', '/v3/pin-categories', { token })).status).toBe(200);
    expect((await call('POST', '/v3/pin-categories', { token, body: { title: 'x' } })).status).toBe(403);
    sandbox().clock.advance(3_600_000);
    expect((await call('GET', '/v3/pin-categories', { token })).status).toBe(401);
  });

  it('names the signed-in user in an id_token when the email scope is asked for', async () => {
    const { fragment } = await authorize({ scope: 'ZohoCliq.Chats.READ,email' });
    const payload = (fragment?.get('id_token') ?? '').split('.')[1] ?? '';
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    expect(claims).toEqual({ sub: expect.any(String), email: expect.stringContaining('@') });
  });

  it('shows a sign-in page when signed out, and the undocumented prompt=none changes nothing', async () => {
    await fetch(`${sandbox().url}/__sandbox/accounts`, { method: 'POST', body: JSON.stringify({ signedIn: false }) });
    const page = await authorize({ scope: 'ZohoCliq.Chats.READ' });
    expect(page.res.status).toBe(200);
    const html = await page.res.text();
    expect(html).toContain('id="sign-in"');
    const silent = await authorize({ scope: 'ZohoCliq.Chats.READ', prompt: 'none', state: 's1' });
    expect(silent.res.status).toBe(200);
    expect(silent.location).toBeNull();
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

async function refresh(params: Record<string, string>) {
  const query = new URLSearchParams({
    response_type: 'token',
    client_id: '1000.TESTCLIENT',
    redirect_uri: REDIRECT,
    state: 'r1',
    ...params,
  });
  const res = await fetch(`${sandbox().url}/oauth/v2/auth/refresh?${query}`, { redirect: 'manual' });
  const location = res.headers.get('location');
  return Object.fromEntries(location ? new URLSearchParams(new URL(location).hash.replace(/^#&?/, '')) : []);
}

describe('GET /oauth/v2/auth/refresh (silent renewal)', () => {
  it('renews a session granted at /auth, echoing state, for no more than the granted scopes', async () => {
    await authorize({ scope: 'ZohoCliq.Chats.READ,ZohoCliq.Chats.UPDATE' });
    const renewed = await refresh({ scope: 'ZohoCliq.Chats.READ,ZohoCliq.Chats.UPDATE' });
    expect(renewed).toEqual({
      access_token: expect.stringMatching(/^1000\./),
      expires_in: '3600',
      location: 'us',
      granted_for_session: 'true',
      state: 'r1',
    });
    expect((await call('GET', '/v3/pin-categories', { token: renewed.access_token })).status).toBe(200);
    expect(await refresh({ scope: 'ZohoCliq.Chats.READ,ZohoCliq.Chats.DELETE' })).toEqual({
      error: 'prompt_required',
      state: 'r1',
    });
  });

  it('answers client_not_granted without a session grant, after sign-out, or for another client', async () => {
    expect(await refresh({ scope: 'ZohoCliq.Chats.READ' })).toEqual({ error: 'client_not_granted', state: 'r1' });
    await fetch(`${sandbox().url}/__sandbox/accounts`, {
      method: 'POST',
      body: JSON.stringify({ grantForSession: false }),
    });
    const first = await authorize({ scope: 'ZohoCliq.Chats.READ' });
    expect(first.fragment?.get('granted_for_session')).toBe('false');
    expect(await refresh({ scope: 'ZohoCliq.Chats.READ' })).toEqual({ error: 'client_not_granted', state: 'r1' });
    await fetch(`${sandbox().url}/__sandbox/accounts`, {
      method: 'POST',
      body: JSON.stringify({ grantForSession: true }),
    });
    await authorize({ scope: 'ZohoCliq.Chats.READ' });
    expect(await refresh({ scope: 'ZohoCliq.Chats.READ', client_id: '1000.OTHER' })).toMatchObject({
      error: 'client_not_granted',
    });
    await fetch(`${sandbox().url}/__sandbox/accounts`, { method: 'POST', body: JSON.stringify({ signedIn: false }) });
    expect(await refresh({ scope: 'ZohoCliq.Chats.READ' })).toMatchObject({ error: 'client_not_granted' });
  });

  it('issues tokens of the configured lifetime, in seconds', async () => {
    await fetch(`${sandbox().url}/__sandbox/accounts`, {
      method: 'POST',
      body: JSON.stringify({ tokenLifetimeMs: 20_000 }),
    });
    const { fragment } = await authorize({ scope: 'ZohoCliq.Chats.READ' });
    expect(fragment?.get('expires_in')).toBe('20');
  });
});
