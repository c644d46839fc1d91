// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { AccountPanel } from '../../../components/options/AccountPanel';
import type { AuthState } from '../../../components/useAuthState';
import { connectionSchema } from '../../../lib/auth/connection';
import { useRoot } from '../popup/fixture';

const root = useRoot();

describe('the account panel after Cliq refused the token', () => {
  it('says "sign in again" with its button, never "signed in … valid until" beside it', () => {
    // The token has not lapsed by its clock, but Cliq refused it: the background says both.
    const state: AuthState = {
      signedIn: true,
      needsSignIn: true,
      connection: connectionSchema.parse({ clientId: '1000.SANDBOXCLIENT' }),
      apiOrigin: 'http://127.0.0.1:8787',
      account: { key: 'k', apiOrigin: 'http://127.0.0.1:8787', email: 'ann@example.com', grantedForSession: false },
      expiresAt: Date.now() + 30 * 60_000,
      scopes: ['ZohoCliq.Messages.READ'],
      pendingIntents: 1,
    };
    act(() => render(<AccountPanel state={state} busy={false} run={vi.fn(async () => true)} />, root()));
    const status = root().querySelector('[data-testid=account-status]')?.textContent ?? '';
    expect(status).toBe(
      'ann@example.com on http://127.0.0.1:8787 needs to sign in again before Cliq Pins can send anything.',
    );
    expect(root().textContent).not.toMatch(/valid until/);
    expect(root().querySelector('[data-testid=sign-in-again] button')?.textContent).toBe('Sign in again');
  });
});

const signedIn = (over: Partial<AuthState> = {}): AuthState => ({
  signedIn: true,
  needsSignIn: false,
  connection: connectionSchema.parse({ clientId: '1000.SANDBOXCLIENT' }),
  apiOrigin: 'https://cliq.zoho.com',
  account: { key: 'k', apiOrigin: 'https://cliq.zoho.com', email: 'ann@example.com', grantedForSession: true },
  expiresAt: Date.now() + 30 * 60_000,
  scopes: ['ZohoCliq.Chats.READ', 'ZohoCliq.Chats.UPDATE', 'email', 'ZohoCliq.Future.READ'],
  pendingIntents: 0,
  ...over,
});
const mount = (state: AuthState) =>
  act(() => render(<AccountPanel state={state} busy={false} run={vi.fn(async () => true)} />, root()));

describe('the account panel for a new user', () => {
  it('says why "Sign in with Zoho" is disabled before a client ID is saved', () => {
    mount({
      signedIn: false,
      needsSignIn: false,
      connection: connectionSchema.parse({}),
      apiOrigin: 'https://cliq.zoho.com',
      pendingIntents: 0,
    });
    const button = root().querySelector('[data-testid=sign-in]') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const hint = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe('To sign in, first enter your Zoho client ID under Connection below and save it.');
  });

  it('once signed in: a next step, permissions in plain words with Zoho’s names on request, no "valid until"', () => {
    mount(signedIn());
    expect(root().querySelector('[data-testid=account-status]')?.textContent).toBe(
      'Signed in to https://cliq.zoho.com as ann@example.com.',
    );
    expect(root().textContent).not.toMatch(/valid until/);
    expect(root().querySelector('[data-testid=session-grant]')?.textContent).toMatch(
      /^You stay signed in: .*by itself/,
    );
    const next = root().querySelector('[data-testid=next-step] a') as HTMLAnchorElement;
    expect([next.textContent, next.getAttribute('href')]).toEqual(['Open Cliq', 'https://cliq.zoho.com/']);
    const permissions = root().querySelector('[data-testid=permissions]') as HTMLElement;
    expect([...permissions.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'See your chats, their pinned messages and your pin folders',
      'Reorder pins, pin chats to folders and change folders',
      'Know which Zoho account signed in (your email address)',
      // One Zoho granted that has no wording yet is named rather than hidden.
      'ZohoCliq.Future.READ',
    ]);
    expect(permissions.querySelector('details code')?.textContent).toBe(
      'ZohoCliq.Chats.READ, ZohoCliq.Chats.UPDATE, email, ZohoCliq.Future.READ',
    );
  });

  it('without renewal for the session, says when access ends and what happens then', () => {
    const expiresAt = new Date(2026, 10, 30, 4, 52).getTime();
    mount(signedIn({ expiresAt, account: { key: 'k', apiOrigin: 'https://cliq.zoho.com', grantedForSession: false } }));
    expect(root().querySelector('[data-testid=account-status]')?.textContent).toBe(
      'Signed in to https://cliq.zoho.com.',
    );
    expect(root().querySelector('[data-testid=session-grant]')?.textContent).toMatch(
      /access ends at 4:52\sAM\. Cliq Pins will ask you to sign in again a few minutes before; .*nothing is lost\.$/,
    );
  });
});
