import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAuth } from '../../../lib/auth/session';

const REDIRECT = 'https://ext.chromiumapp.org/';
let now = 1_000_000;
let flows: { url: string; interactive?: boolean }[];

function answerWith(fragment: (state: string) => string) {
  fakeBrowser.identity.launchWebAuthFlow = vi.fn(async (details: { url: string; interactive?: boolean }) => {
    flows.push(details);
    const state = new URL(details.url).searchParams.get('state') ?? '';
    return `${REDIRECT}#${fragment(state)}`;
  }) as never;
}

function makeAuth() {
  return createAuth({ now: () => now, randomState: () => `state-${flows.length}` });
}

beforeEach(async () => {
  now = 1_000_000;
  flows = [];
  fakeBrowser.identity.getRedirectURL = (() => REDIRECT) as never;
  await fakeBrowser.storage.local.set({ connection: { dataCentre: 'com', clientId: '1000.CLIENT' } });
});

describe('sign-in and the token', () => {
  it('signs in interactively, keeps the token in session storage only, and tells pages no token', async () => {
    answerWith((state) => `access_token=tok-1&expires_in=3600&state=${state}&location=us`);
    const auth = makeAuth();
    const state = await auth.signIn();
    expect(flows[0]?.interactive).toBe(true);
    expect(state).toMatchObject({ signedIn: true, needsSignIn: false, apiOrigin: 'https://cliq.zoho.com' });
    expect(JSON.stringify(state)).not.toContain('tok-1');
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).not.toContain('tok-1');
    expect(await auth.getToken()).toBe('tok-1');
  });

  it('follows the account to its data centre when Zoho says it lives elsewhere', async () => {
    answerWith(
      (state) =>
        `access_token=tok&expires_in=3600&state=${state}&location=eu&accounts-server=https%3A%2F%2Faccounts.zoho.eu`,
    );
    const state = await makeAuth().signIn();
    expect(state.connection.dataCentre).toBe('eu');
    expect(state.apiOrigin).toBe('https://cliq.zoho.eu');
  });

  it('renews silently shortly before expiry', async () => {
    answerWith((state) => `access_token=tok-${flows.length}&expires_in=3600&state=${state}`);
    const auth = makeAuth();
    await auth.signIn();
    now += 3_600_000 - 60_000;
    expect(await auth.getToken()).toBe('tok-2');
    expect(flows[1]?.interactive).toBe(false);
    expect(new URL(flows[1]?.url ?? '').searchParams.get('prompt')).toBe('none');
  });

  it('asks the user to sign in again, with a badge, when silent renewal fails', async () => {
    answerWith((state) => `access_token=tok&expires_in=3600&state=${state}`);
    const auth = makeAuth();
    await auth.signIn();
    answerWith(() => 'error=login_required');
    const seen: boolean[] = [];
    auth.subscribe((s) => seen.push(s.needsSignIn));
    await auth.tokenRefused();
    expect(await auth.getToken()).toBeUndefined();
    expect((await auth.state()).needsSignIn).toBe(true);
    expect(seen).toContain(true);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
  });

  it('never renews for someone who has not signed in, and shows no badge', async () => {
    answerWith((state) => `access_token=tok&expires_in=3600&state=${state}`);
    const auth = makeAuth();
    expect(await auth.getToken()).toBeUndefined();
    expect(flows).toHaveLength(0);
    expect((await auth.state()).needsSignIn).toBe(false);
  });

  it('renews a returning user silently after a browser restart cleared the session', async () => {
    answerWith((state) => `access_token=tok-${flows.length}&expires_in=3600&state=${state}`);
    await makeAuth().signIn();
    await fakeBrowser.storage.session.clear();
    expect(await makeAuth().getToken()).toBe('tok-2');
    expect(flows[1]?.interactive).toBe(false);
  });

  it('does not hammer the accounts server when renewal keeps failing', async () => {
    answerWith((state) => `access_token=tok&expires_in=1&state=${state}`);
    const auth = makeAuth();
    await auth.signIn();
    answerWith(() => 'error=login_required');
    flows = [];
    await auth.getToken();
    await auth.getToken();
    expect(flows).toHaveLength(1);
    now += 61_000;
    await auth.getToken();
    expect(flows).toHaveLength(2);
  });

  it('signs out when the accounts server or client changes, and on request', async () => {
    answerWith((state) => `access_token=tok&expires_in=3600&state=${state}`);
    const auth = makeAuth();
    await auth.signIn();
    const moved = await auth.saveConnection({ dataCentre: 'eu', clientId: '1000.CLIENT' });
    expect(moved.signedIn).toBe(false);
    await auth.signIn();
    expect((await auth.signOut()).signedIn).toBe(false);
    expect(await fakeBrowser.storage.session.get()).toEqual({});
  });

  it('refuses to start without a client id, saying what to do', async () => {
    await fakeBrowser.storage.local.set({ connection: { dataCentre: 'com' } });
    await expect(makeAuth().signIn()).rejects.toThrow('Enter the client ID of your Zoho API console app first.');
  });
});
