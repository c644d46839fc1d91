import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { sendMessage } from '../lib/messaging';

type Status = { state: 'loading' } | { state: 'ok'; version: string } | { state: 'error'; reason: string };

/** Shows whether the background answers; every surface depends on it, so it is the first thing a user sees fail. */
export function BackgroundStatus() {
  const [status, setStatus] = useState<Status>({ state: 'loading' });
  useEffect(() => {
    sendMessage('ping', {}).then(
      ({ version }) => setStatus({ state: 'ok', version }),
      (error: unknown) => setStatus({ state: 'error', reason: error instanceof Error ? error.message : String(error) }),
    );
  }, []);
  if (status.state === 'loading') return <p data-testid="background-status">{t('loading')}</p>;
  if (status.state === 'error') {
    return (
      <p role="alert" data-testid="background-status" data-state="error">
        {t('backgroundUnreachable', status.reason)}
      </p>
    );
  }
  return (
    <p data-testid="background-status" data-state="ok">
      {t('backgroundConnected', status.version)}
    </p>
  );
}
