import { useState } from 'preact/hooks';
import { clockTime, formatCount, t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging';
import type { AuthState } from '../useAuthState';
import { scopeInWords } from './scope-words';

interface Props {
  state: AuthState;
  busy: boolean;
  run: (action: () => Promise<AuthState>) => Promise<boolean>;
}

/** Who is signed in where, what happens when access runs out, what to do next, and the buttons that change it. */
export function AccountPanel({ state, busy, run }: Props) {
  const [askingSignOut, setAskingSignOut] = useState(false);
  const until = clockTime(state.expiresAt ?? 0);
  // "Sign in again" wins over a token that still looks valid: Cliq refusing it is the truth the popup shows too.
  const status = state.needsSignIn
    ? state.account?.email
      ? t('signInAgainAs', state.apiOrigin, state.account.email)
      : t('needsSignInAgain')
    : state.signedIn
      ? state.account?.email
        ? t('signedInAs', state.apiOrigin, state.account.email)
        : t('signedInTo', state.apiOrigin)
      : t('signedOut');
  const noClientId = !state.connection.clientId;
  const signIn = () => run(() => sendMessage('signIn', {}));
  const signOut = async (pending?: 'send' | 'discard') => {
    if (await run(() => sendMessage('signOut', pending ? { pending } : {}))) setAskingSignOut(false);
  };
  return (
    <section aria-labelledby="account-heading">
      <h2 id="account-heading">{t('optionsAccount')}</h2>
      <p data-testid="account-status" data-signed-in={String(state.signedIn)} data-expires-at={state.expiresAt}>
        {status}
      </p>
      {state.needsSignIn && (
        <div class="notice notice-warning" role="alert" data-testid="sign-in-again">
          <p>{state.lastError ?? t('needsSignInAgain')}</p>
          <button type="button" class="primary" disabled={busy} onClick={signIn}>
            {t('signInAgain')}
          </button>
        </div>
      )}
      {state.signedIn && state.account && !state.needsSignIn && (
        <p class="muted" data-testid="session-grant">
          {state.account.grantedForSession ? t('optionsSessionGranted') : t('optionsSessionEndsAt', until)}
        </p>
      )}
      {state.signedIn && !state.needsSignIn && (
        <div class="notice" data-testid="next-step">
          <p>{t('optionsNextStep')}</p>
          <a class="primary-link" href={`${state.apiOrigin}/`} target="_blank" rel="noopener noreferrer">
            {t('optionsOpenCliq')}
          </a>
        </div>
      )}
      {state.signedIn && state.scopes && (
        <div data-testid="permissions">
          <p class="muted">{t('optionsPermissionsIntro')}</p>
          <ul class="muted">
            {state.scopes.map((scope) => (
              <li key={scope}>{scopeInWords(scope)}</li>
            ))}
          </ul>
          <details>
            <summary>{t('optionsPermissionNames')}</summary>
            <p class="muted">
              <code>{state.scopes.join(', ')}</code>
            </p>
          </details>
        </div>
      )}
      {!state.signedIn && !state.needsSignIn && (
        <p class="muted" data-testid="session-grant-help">
          {t('optionsSessionGrantHelp')}
        </p>
      )}
      {askingSignOut ? (
        <div class="notice" role="alertdialog" aria-labelledby="sign-out-pending" data-testid="sign-out-choice">
          <p id="sign-out-pending">
            <strong>{t('signOutPendingTitle', formatCount(state.pendingIntents))}</strong>
          </p>
          <p>{t('signOutPendingBody')}</p>
          <div class="row">
            <button
              type="button"
              class="primary"
              disabled={busy}
              data-testid="sign-out-send"
              onClick={() => signOut('send')}
            >
              {t('signOutSendFirst')}
            </button>
            <button type="button" disabled={busy} data-testid="sign-out-discard" onClick={() => signOut('discard')}>
              {t('signOutDiscard')}
            </button>
            <button type="button" disabled={busy} onClick={() => setAskingSignOut(false)}>
              {t('popupCancel')}
            </button>
          </div>
        </div>
      ) : state.account ? (
        <button
          type="button"
          data-testid="sign-out"
          disabled={busy}
          onClick={() => (state.pendingIntents > 0 ? setAskingSignOut(true) : signOut())}
        >
          {t('signOut')}
        </button>
      ) : (
        <div class="row">
          <button
            type="button"
            class="primary"
            data-testid="sign-in"
            disabled={busy || noClientId}
            aria-describedby={noClientId ? 'sign-in-needs-client-id' : undefined}
            onClick={signIn}
          >
            {t('signIn')}
          </button>
          {noClientId && (
            <p id="sign-in-needs-client-id" class="muted" data-testid="sign-in-hint">
              {t('optionsSignInNeedsClientId')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
