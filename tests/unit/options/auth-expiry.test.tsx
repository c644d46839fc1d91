// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountPanel } from '../../../components/options/AccountPanel';
import { type AuthState, useAuthState } from '../../../components/useAuthState';
import { connectionSchema } from '../../../lib/auth/connection';
import { t } from '../../../lib/i18n';
import { useRoot } from '../popup/fixture';

const getAuthState = vi.hoisted(() => vi.fn());
vi.mock('../../../lib/messaging/page-send', () => ({ sendMessage: getAuthState }));
vi.mock('../../../lib/messaging/events', () => ({ subscribeToEvents: () => () => {} }));

const account = { key: 'k', apiOrigin: 'https://cliq.zoho.com', email: 'ann@example.com', grantedForSession: false };
const base = {
  connection: connectionSchema.parse({ clientId: '1000.SANDBOXCLIENT' }),
  apiOrigin: 'https://cliq.zoho.com',
  account,
  pendingIntents: 0,
};
/** What the background says while a token without a session grant is about to lapse. */
const endsSoon = (expiresAt: number): AuthState => ({
  ...base,
  signedIn: true,
  needsSignIn: true,
  expiresAt,
  lastError: t('authNoSessionGrant'),
});
/** …and once it lapsed (lib/auth/session.ts drops "ends soon" then). */
const lapsed: AuthState = { ...base, signedIn: false, needsSignIn: true };

function OptionsAccount() {
  const { state, busy, run } = useAuthState();
  return state ? <AccountPanel state={state} busy={busy} run={run} /> : null;
}

const root = useRoot();
beforeEach(() => {
  vi.useFakeTimers();
  getAuthState.mockReset();
});
afterEach(() => {
  vi.useRealTimers();
});

const notice = () => root().querySelector('[data-testid=sign-in-again] p')?.textContent;
const mount = async () => {
  await act(async () => render(<OptionsAccount />, root()));
};
const advance = async (ms: number) => {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
};

describe('an open options page when the token lapses', () => {
  it('stops saying access "ends soon" at the moment it lapses, without a reload or an event', async () => {
    const expiresAt = Date.now() + 4 * 60_000;
    getAuthState.mockResolvedValueOnce(endsSoon(expiresAt)).mockResolvedValue(lapsed);
    await mount();
    expect(notice()).toBe(t('authNoSessionGrant'));

    await advance(4 * 60_000 - 1_000);
    expect(getAuthState).toHaveBeenCalledTimes(1);
    expect(notice()).toBe(t('authNoSessionGrant'));

    await advance(1_001);
    expect(getAuthState).toHaveBeenCalledTimes(2);
    expect(notice()).toBe(t('needsSignInAgain'));
    expect(root().querySelector('[data-testid=account-status]')?.getAttribute('data-signed-in')).toBe('false');
  });

  it('asks again only once the token is past, however far off that is (timers cap at 2^31-1 ms)', async () => {
    const month = 30 * 24 * 3_600_000;
    const expiresAt = Date.now() + month;
    // Each answer is a fresh object, as one over the extension's messaging is.
    getAuthState.mockImplementation(async () => ({ ...endsSoon(expiresAt), needsSignIn: false, lastError: undefined }));
    await mount();
    await advance(1_000);
    // An uncapped delay overflows and fires at once, asking the background in a tight loop.
    expect(getAuthState).toHaveBeenCalledTimes(1);

    await advance(2 ** 31);
    expect(getAuthState).toHaveBeenCalledTimes(2);
    getAuthState.mockResolvedValue(lapsed);
    await advance(month - 2 ** 31);
    expect(getAuthState).toHaveBeenCalledTimes(3);
    expect(notice()).toBe(t('needsSignInAgain'));
  });

  it('leaves no timer behind once the page is closed', async () => {
    getAuthState.mockResolvedValue(endsSoon(Date.now() + 60_000));
    await mount();
    act(() => render(null, root()));
    await advance(120_000);
    expect(getAuthState).toHaveBeenCalledTimes(1);
  });
});
