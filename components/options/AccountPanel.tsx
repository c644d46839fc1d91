import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging';
import type { AuthState } from '../useAuthState';

interface Props {
  state: AuthState;
  busy: boolean;
  run: (action: () => Promise<AuthState>) => Promise<boolean>;
}

/** Who is signed in where, until when, and the one button that changes it. */
export function AccountPanel({ state, busy, run }: Props) {
  const status = state.signedIn
    ? t('signedInUntil', state.apiOrigin, new Date(state.expiresAt ?? 0).toLocaleTimeString())
    : state.needsSignIn
      ? t('needsSignInAgain')
      : t('signedOut');
  return (
    <section aria-labelledby="account-heading">
      <h2 id="account-heading">{t('optionsAccount')}</h2>
      <p data-testid="account-status" data-signed-in={String(state.signedIn)} class={state.needsSignIn ? 'error' : ''}>
        {status}
      </p>
      {state.signedIn && state.scopes && <p class="muted">{t('grantedScopes', state.scopes.join(', '))}</p>}
      {state.signedIn ? (
        <button
          type="button"
          data-testid="sign-out"
          disabled={busy}
          onClick={() => run(() => sendMessage('signOut', {}))}
        >
          {t('signOut')}
        </button>
      ) : (
        <button
          type="button"
          class="primary"
          data-testid="sign-in"
          disabled={busy || !state.connection.clientId}
          onClick={() => run(() => sendMessage('signIn', {}))}
        >
          {t('signIn')}
        </button>
      )}
    </section>
  );
}
