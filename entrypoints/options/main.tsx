import '../../components/base.css';
import './options.css';
import { render } from 'preact';
import { AccountPanel } from '../../components/options/AccountPanel';
import { BackgroundHealth } from '../../components/options/BackgroundHealth';
import { BadgeSetting } from '../../components/options/BadgeSetting';
import { ConnectionSettings } from '../../components/options/ConnectionSettings';
import { PageCheck } from '../../components/options/PageCheck';
import { ReminderSettings } from '../../components/options/ReminderSettings';
import { useAuthState } from '../../components/useAuthState';
import { applyDocumentDirection, t } from '../../lib/i18n';

function Options() {
  const { state, error, busy, run } = useAuthState();
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      {error && (
        <p role="alert" class="error" data-testid="options-error">
          {error}
        </p>
      )}
      {state ? (
        <>
          <AccountPanel state={state} busy={busy} run={run} />
          <ConnectionSettings state={state} busy={busy} run={run} />
          <ReminderSettings signedIn={state.signedIn} />
        </>
      ) : (
        !error && <p>{t('loading')}</p>
      )}
      <BadgeSetting />
      <PageCheck />
      <BackgroundHealth />
    </main>
  );
}

applyDocumentDirection(document.documentElement);
const root = document.getElementById('app');
if (root) render(<Options />, root);
