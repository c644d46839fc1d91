import { clockTime, t } from '../../lib/i18n';
import { duration } from './model/time';
import { useNow } from './useNow';

/**
 * Cliq locked one of our budgets (another app of the same user may have used part of it): nothing is lost, the
 * queue and the sync wait, and this says until when.
 */
export function LockNotice({ lockedUntil }: { lockedUntil: number | null | undefined }) {
  const now = useNow(1000);
  if (!lockedUntil || lockedUntil <= now) return null;
  return (
    <section class="banner" role="status" data-testid="lock-notice" data-locked-until={lockedUntil}>
      <p>{t('popupLocked', clockTime(lockedUntil), duration(lockedUntil - now))}</p>
    </section>
  );
}
