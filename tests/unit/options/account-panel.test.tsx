// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountPanel } from '../../../components/options/AccountPanel';
import type { AuthState } from '../../../components/useAuthState';
import { connectionSchema } from '../../../lib/auth/connection';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

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
    act(() => render(<AccountPanel state={state} busy={false} run={vi.fn(async () => true)} />, root));
    const status = root.querySelector('[data-testid=account-status]')?.textContent ?? '';
    expect(status).toBe(
      'ann@example.com on http://127.0.0.1:8787 needs to sign in again before Cliq Pins can send anything.',
    );
    expect(root.textContent).not.toMatch(/valid until/);
    expect(root.querySelector('[data-testid=sign-in-again] button')?.textContent).toBe('Sign in again');
  });
});
