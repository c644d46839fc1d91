import { formatCount, t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/page-send';
import type { QueueProgress } from '../../lib/store/journal';
import type { IntentRecord } from '../../lib/store/records';
import { usePopup } from './context';
import { describeIntent, failureInWords } from './model/describe';
import { duration } from './model/time';
import { useNow } from './useNow';

/** What the queue is doing: done of total, how long the rate limits still hold it, and what failed and why. */
export function ProgressPanel({ progress, failed }: { progress?: QueueProgress; failed: readonly IntentRecord[] }) {
  const popup = usePopup();
  const now = useNow(1000);
  const working = progress && progress.total > 0 && progress.done + progress.failed < progress.total;
  if (!working && failed.length === 0) return null;

  const act = async (type: 'retryIntent' | 'dismissIntent', id: number) => {
    try {
      await sendMessage(type, { id });
    } catch (error) {
      popup.notify((error as Error).message, 'error');
    }
  };
  const waitMs = progress?.nextSlotAt ? progress.nextSlotAt - now : 0;

  return (
    <section class="progress-panel" aria-label={t('popupProgressLabel')} data-testid="progress">
      {working && progress && (
        <div class="progress-line">
          <progress
            max={progress.total}
            value={progress.done}
            aria-label={t('popupProgressLabel')}
            aria-valuetext={t('popupProgressDone', formatCount(progress.done), formatCount(progress.total))}
          />
          <span data-testid="progress-text">
            {t('popupProgressDone', formatCount(progress.done), formatCount(progress.total))}
          </span>
          {progress.waitingForSignIn ? (
            <span class="error">{t('popupProgressSignIn')}</span>
          ) : (
            waitMs > 0 && <span class="muted">{t('popupProgressWaiting', duration(waitMs))}</span>
          )}
        </div>
      )}
      {working && progress.retrying.length > 0 && (
        <ul class="retrying" data-testid="retrying-intents">
          {progress.retrying.map((retry) => (
            <li key={retry.id} class="retrying-item" data-testid="retrying-intent">
              {/* Announced once when it appears; the countdown beside it is not re-read every second. */}
              <p aria-live="polite">
                <strong>{describeIntent(retry.intent, popup.names)}</strong>{' '}
                <span class="error">{t('popupNotDoneYet', failureInWords(retry.error))}</span>
              </p>
              <p class="muted">
                {retry.retryAt > now ? t('popupRetryingIn', duration(retry.retryAt - now)) : t('popupRetryingNow')}
              </p>
            </li>
          ))}
        </ul>
      )}
      {failed.length > 0 && (
        <details class="failed" open={failed.length <= 2}>
          <summary class="error">{t('popupFailedCount', formatCount(failed.length))}</summary>
          <ul data-testid="failed-intents">
            {failed.map((record) => (
              <li key={record.id} class="failed-item" data-testid="failed-intent">
                <div id={`failed-${record.id}`}>
                  <strong>{describeIntent(record.intent, popup.names)}</strong>
                  <p class="muted">{record.error ? failureInWords(record.error) : t('popupFailedUnknown')}</p>
                </div>
                <button
                  type="button"
                  class="small"
                  aria-describedby={`failed-${record.id}`}
                  onClick={() => act('retryIntent', record.id)}
                >
                  {t('popupRetry')}
                </button>
                <button
                  type="button"
                  class="small"
                  aria-describedby={`failed-${record.id}`}
                  onClick={() => act('dismissIntent', record.id)}
                >
                  {t('popupDismiss')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
