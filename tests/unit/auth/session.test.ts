import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAuth } from '../../../lib/auth/session';

const REDIRECT = 'https://ext.chromiumapp.org/';
let now = 1_000_000;
let flows: { url: string; interactive?: boolean }[];

/** Answers each auth flow like Zoho: the fragment is built from the flow's own URL (path and state). */
function answerWith(fragment: (flow: URL) => string) {
  fakeBrowser.identity.launchWebAuthFlow = vi.fn(async (details: { url: string; interactive?: boolean }) => {
    flows.push(details);
    return `${REDIRECT}#${fragment(new URL(details.url))}`;
  }) as never;
}

const idToken = (sub: string) => `e30.${Buffer.from(JSON.stringify({ sub })).toString('base64url')}.`;
const zoho = (opts: { granted: boolean; user?: string }) => (flow: URL) =>
  `&access_token=tok-${flows.length}&expires_in=3600&location=us&granted_for_session=${opts.granted}` +
  (opts.user ? `&id_token=${idToken(opts.user)}` : '') +
  // Zoho documents `state` on the refresh answer only.
  (flow.pathname.endsWith('/refresh') ? `&state=${flow.searchParams.get('state')}` : '');

/** What subscribers (the background's badge among them) are told about `needsSignIn`, in order. */
function toldNeedsSignIn(auth: ReturnType<typeof makeAuth>): boolean[] {
  const told: boolean[] = [];
  auth.subscribe((state) => told.push(state.needsSignIn));
  return told;
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
  it("signs in with Zoho's documented answer (no state), keeps the token in session storage only", async () => {
    answerWith(zoho({ granted: true, user: 'u1' }));
    const auth = makeAuth();
    const state = await auth.signIn();
    expect(flows[0]?.interactive).toBe(true);
    expect(new URL(flows[0]?.url ?? '').pathname).toBe('/oauth/v2/auth');
    expect(new URL(flows[0]?.url ?? '').searchParams.has('prompt')).toBe(false);
    expect(state).toMatchObject({ signedIn: true, needsSignIn: false, apiOrigin: 'https://cliq.zoho.com' });
    expect(state.account).toEqual({
      key: 'https://cliq.zoho.com u1',
      apiOrigin: 'https://cliq.zoho.com',
      user: 'u1',
      grantedForSession: true,
    });
    expect(JSON.stringify(state)).not.toContain('tok-1');
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).not.toContain('tok-1');
    expect(await auth.getToken()).toBe('tok-1');
  });

  it('follows the account to the UK data centre when Zoho says location=uk', async () => {
    answerWith(() => 'access_token=tok&expires_in=3600&location=uk');
    const state = await makeAuth().signIn();
    expect(state.connection.dataCentre).toBe('uk');
    expect(state.apiOrigin).toBe('https://cliq.zoho.uk');
    expect(state.account?.key).toBe('https://cliq.zoho.uk');
  });

  it('renews silently through /oauth/v2/auth/refresh before expiry when the session was granted', async () => {
    answerWith(zoho({ granted: true, user: 'u1' }));
    const auth = makeAuth();
    await auth.signIn();
    now += 3_600_000 - 60_000;
    expect(await auth.getToken()).toBe('tok-2');
    expect(flows[1]?.interactive).toBe(false);
    expect(new URL(flows[1]?.url ?? '').pathname).toBe('/oauth/v2/auth/refresh');
    expect((await auth.state()).needsSignIn).toBe(false);
  });

  it('without a session grant, asks to sign in again (badge) before the token lapses, and keeps using it until then', async () => {
    answerWith(zoho({ granted: false }));
    const auth = makeAuth();
    const told = toldNeedsSignIn(auth);
    await auth.signIn();
    now += 3_600_000 - 4 * 60_000;
    expect(await auth.getToken()).toBe('tok-1');
    expect(flows).toHaveLength(1);
    const state = await auth.state();
    expect(state).toMatchObject({ signedIn: true, needsSignIn: true });
    expect(state.lastError).toMatch(/does not let Cliq Pins renew it by itself/);
    // The background's badge (lib/background/badge.ts) is painted from what subscribers are told.
    expect(told.at(-1)).toBe(true);
    now += 4 * 60_000;
    expect(await auth.getToken()).toBeUndefined();
    // Lapsed: "ends soon" would now be untrue; the popup and the settings say the session ended.
    expect(await auth.state()).toMatchObject({ signedIn: false, needsSignIn: true, lastError: undefined });
  });

  it.each(['client_not_granted', 'prompt_required'])(
    'on %s asks the user to sign in again, with a badge, before the token lapses',
    async (code) => {
      answerWith(zoho({ granted: true }));
      const auth = makeAuth();
      const told = toldNeedsSignIn(auth);
      await auth.signIn();
      answerWith((flow) => `error=${code}&state=${flow.searchParams.get('state')}`);
      now += 3_600_000 - 60_000;
      expect(await auth.getToken()).toBe('tok-1');
      const state = await auth.state();
      expect(state).toMatchObject({ signedIn: true, needsSignIn: true });
      expect(state.lastError).toContain(code);
      expect(told.at(-1)).toBe(true);
    },
  );

  it('refuses a renewal that comes back for another Zoho user', async () => {
    answerWith(zoho({ granted: true, user: 'u1' }));
    const auth = makeAuth();
    await auth.signIn();
    answerWith(zoho({ granted: true, user: 'u2' }));
    now += 3_600_000 - 60_000;
    expect(await auth.getToken()).toBe('tok-1');
    expect((await auth.state()).account?.user).toBe('u1');
    expect((await auth.state()).lastError).toMatch(/signed in as someone else/);
  });

  it('renews a returning user silently after a browser restart cleared the session', async () => {
    answerWith(zoho({ granted: true }));
    await makeAuth().signIn();
    await fakeBrowser.storage.session.clear();
    expect(await makeAuth().getToken()).toBe('tok-2');
    expect(flows[1]?.interactive).toBe(false);
  });

  it('does not hammer the accounts server when renewal keeps failing', async () => {
    answerWith(
      (flow) => `access_token=tok&expires_in=1&granted_for_session=true&state=${flow.searchParams.get('state')}`,
    );
    const auth = makeAuth();
    await auth.signIn();
    answerWith(() => 'error=client_not_granted');
    flows = [];
    now += 2_000;
    await auth.getToken();
    await auth.getToken();
    expect(flows).toHaveLength(1);
    now += 61_000;
    await auth.getToken();
    expect(flows).toHaveLength(2);
  });

  it('signs out when the API host, the accounts host or the client changes, and on request', async () => {
    answerWith(zoho({ granted: true }));
    const auth = makeAuth();
    await auth.signIn();
    const moved = await auth.saveConnection({
      dataCentre: 'com',
      clientId: '1000.CLIENT',
      apiHost: 'https://cliq.zoho.uk',
    });
    expect(moved).toMatchObject({ signedIn: false, needsSignIn: false, account: undefined });
    await auth.signIn();
    expect(
      await auth.connectionChangeSignsOut({
        dataCentre: 'com',
        clientId: '1000.CLIENT',
        apiHost: 'https://cliq.zoho.uk',
      }),
    ).toBe(false);
    expect(
      await auth.connectionChangeSignsOut({
        dataCentre: 'com',
        clientId: '1000.OTHER',
        apiHost: 'https://cliq.zoho.uk',
      }),
    ).toBe(true);
    expect((await auth.signOut()).signedIn).toBe(false);
    expect(await fakeBrowser.storage.session.get()).toEqual({});
    expect((await fakeBrowser.storage.local.get()).account).toBeUndefined();
    expect(await auth.getToken()).toBeUndefined();
  });

  it('stays signed out when a silent renewal was under way at sign-out, or started while it ran', async () => {
    answerWith(zoho({ granted: true, user: 'u1' }));
    const auth = makeAuth();
    await auth.signIn();
    // Zoho answers the renewal only after the user pressed "Sign out".
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const zohoNow = zoho({ granted: true, user: 'u1' });
    fakeBrowser.identity.launchWebAuthFlow = vi.fn(async (details: { url: string }) => {
      flows.push(details);
      await answered;
      return `${REDIRECT}#${zohoNow(new URL(details.url))}`;
    }) as never;
    now += 3_600_000 - 60_000;
    const renewal = auth.getToken();
    // And a request asking for a token while sign-out is half done (token gone, account not yet).
    const signingOut = auth.signOut();
    const during = auth.getToken();
    await signingOut;
    answer();
    await Promise.all([renewal, during]);
    expect(await auth.state()).toMatchObject({ signedIn: false, needsSignIn: false, account: undefined });
    expect(await fakeBrowser.storage.session.get()).toEqual({});
    expect(await auth.getToken()).toBeUndefined();
  });

  it('says which sign-in page did not answer and what to check, when the browser cannot load it', async () => {
    fakeBrowser.identity.launchWebAuthFlow = vi.fn(async () => {
      throw new Error('Authorization page could not be loaded.');
    }) as never;
    await expect(makeAuth().signIn()).rejects.toThrow(
      "Zoho's sign-in page at https://accounts.zoho.com did not answer (Authorization page could not be loaded). " +
        'Check the data centre (or the accounts host) and your connection, then try again.',
    );
  });

  it('refuses to start without a client id, saying what to do', async () => {
    await fakeBrowser.storage.local.set({ connection: { dataCentre: 'com' } });
    await expect(makeAuth().signIn()).rejects.toThrow('Enter the client ID of your Zoho API console app first.');
  });
});
