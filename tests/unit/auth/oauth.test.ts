import { describe, expect, it } from 'vitest';
import { authorizeUrl, parseRedirect, SCOPES } from '../../../lib/auth/oauth';

const redirect = 'https://abcdef.chromiumapp.org/';

describe('the implicit grant', () => {
  it('asks the accounts server for a token with the scopes the features need', () => {
    const url = new URL(
      authorizeUrl({
        accountsServer: 'https://accounts.zoho.eu',
        clientId: '1000.X',
        redirectUri: redirect,
        state: 's1',
        silent: false,
      }),
    );
    expect(url.origin + url.pathname).toBe('https://accounts.zoho.eu/oauth/v2/auth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'token',
      client_id: '1000.X',
      scope: SCOPES.join(','),
      redirect_uri: redirect,
      state: 's1',
    });
    const silent = new URL(
      authorizeUrl({
        accountsServer: 'https://accounts.zoho.eu',
        clientId: '1000.X',
        redirectUri: redirect,
        state: 's1',
        silent: true,
      }),
    );
    expect(silent.searchParams.get('prompt')).toBe('none');
  });

  it('reads token, expiry, scopes and the data centre hints from the fragment', () => {
    const grant = parseRedirect(
      `${redirect}#access_token=1000.tok&token_type=Bearer&expires_in=3600&scope=ZohoCliq.Chats.READ%2CZohoCliq.Chats.DELETE&state=s1&location=eu&accounts-server=https%3A%2F%2Faccounts.zoho.eu`,
      's1',
      1_000,
    );
    expect(grant).toEqual({
      accessToken: '1000.tok',
      expiresAt: 1_000 + 3_600_000,
      scopes: ['ZohoCliq.Chats.READ', 'ZohoCliq.Chats.DELETE'],
      location: 'eu',
      accountsServer: 'https://accounts.zoho.eu',
    });
  });

  it('refuses an answer to some other sign-in (state mismatch)', () => {
    expect(() => parseRedirect(`${redirect}#access_token=t&expires_in=3600&state=other`, 's1', 0)).toThrow(
      'The sign-in answer did not match this request.',
    );
  });

  it("passes on Zoho's refusal and rejects an answer without a token", () => {
    expect(() => parseRedirect(`${redirect}#error=access_denied&state=s1`, 's1', 0)).toThrow(
      'Zoho refused the sign-in: access_denied.',
    );
    expect(() => parseRedirect(`${redirect}?error=login_required`, 's1', 0)).toThrow(/login_required/);
    expect(() => parseRedirect(`${redirect}#expires_in=3600&state=s1`, 's1', 0)).toThrow(
      /without a usable access token/,
    );
  });
});
