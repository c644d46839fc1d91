import { describe, expect, it } from 'vitest';
import { authorizeUrl, IDENTITY_SCOPE, lifetimeMs, parseRedirect, refreshUrl, SCOPES } from '../../../lib/auth/oauth';

const redirect = 'https://abcdef.chromiumapp.org/';
const request = { accountsServer: 'https://accounts.zoho.uk', clientId: '1000.X', redirectUri: redirect, state: 's1' };
const idToken = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

describe('the implicit grant, as Zoho documents it', () => {
  it('asks /oauth/v2/auth for the derived scopes, and never sends the undocumented prompt=none', () => {
    const url = new URL(authorizeUrl(request));
    expect(url.origin + url.pathname).toBe('https://accounts.zoho.uk/oauth/v2/auth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'token',
      client_id: '1000.X',
      scope: SCOPES.join(','),
      redirect_uri: redirect,
      state: 's1',
    });
    expect(SCOPES).toContain(IDENTITY_SCOPE);
  });

  it('renews through /oauth/v2/auth/refresh with response_type, client_id, scope, redirect_uri and state', () => {
    const url = new URL(refreshUrl(request));
    expect(url.origin + url.pathname).toBe('https://accounts.zoho.uk/oauth/v2/auth/refresh');
    expect([...url.searchParams.keys()].sort()).toEqual([
      'client_id',
      'redirect_uri',
      'response_type',
      'scope',
      'state',
    ]);
  });

  it("accepts Zoho's documented answer, which has no state", () => {
    const grant = parseRedirect(`${redirect}#&access_token=1000.tok&expires_in=3600&location=us`, 's1', 1_000);
    expect(grant).toEqual({
      accessToken: '1000.tok',
      expiresAt: 1_000 + 3_600_000,
      scopes: [...SCOPES],
      location: 'us',
      accountsServer: undefined,
      grantedForSession: false,
      user: undefined,
    });
  });

  it('reads granted_for_session, location and the user an id_token names', () => {
    const grant = parseRedirect(
      `${redirect}#&access_token=t&expires_in=3600&location=uk&granted_for_session=true&id_token=${idToken({ sub: '42', email: 'ann@example.com' })}`,
      's1',
      0,
    );
    expect(grant).toMatchObject({ grantedForSession: true, location: 'uk', user: '42' });
    const emailOnly = parseRedirect(
      `${redirect}#access_token=t&expires_in=3600&id_token=${idToken({ email: 'b@x.io' })}`,
      's1',
      0,
    );
    expect(emailOnly.user).toBe('b@x.io');
    expect(parseRedirect(`${redirect}#access_token=t&expires_in=3600&id_token=garbage`, 's1', 0).user).toBeUndefined();
  });

  it('refuses a state that comes back and is not ours', () => {
    expect(() => parseRedirect(`${redirect}#access_token=t&expires_in=3600&state=other`, 's1', 0)).toThrow(
      'The sign-in answer did not match this request.',
    );
    expect(parseRedirect(`${redirect}#access_token=t&expires_in=3600&state=s1`, 's1', 0).accessToken).toBe('t');
  });

  it('reads an expires_in given in milliseconds as milliseconds, and caps an implausible one at a day', () => {
    expect(lifetimeMs(3600)).toBe(3_600_000);
    expect(lifetimeMs(3_600_000)).toBe(3_600_000);
    expect(lifetimeMs(30)).toBe(30_000);
    expect(lifetimeMs(10 ** 12)).toBe(86_400_000);
    expect(parseRedirect(`${redirect}#access_token=t&expires_in=3600000`, 's1', 5).expiresAt).toBe(5 + 3_600_000);
  });

  it("passes on Zoho's refusal with its code and rejects an answer without a token", () => {
    expect(() => parseRedirect(`${redirect}#error=access_denied`, 's1', 0)).toThrow(
      'Zoho refused the sign-in: access_denied.',
    );
    expect(() => parseRedirect(`${redirect}#error=client_not_granted&state=s1`, 's1', 0)).toThrow(
      expect.objectContaining({ code: 'client_not_granted' }),
    );
    expect(() => parseRedirect(`${redirect}?error=prompt_required`, 's1', 0)).toThrow(/prompt_required/);
    expect(() => parseRedirect(`${redirect}#expires_in=3600`, 's1', 0)).toThrow(/without a usable access token/);
  });
});
