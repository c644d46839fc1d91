import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { readBadgeExpiring, saveBadgeExpiring } from '../../lib/store/browser-settings';

/** Opt-in: the toolbar badge counts pins that expire within 24 hours (the background repaints it on change). */
export function BadgeSetting() {
  const [on, setOn] = useState<boolean>();
  useEffect(() => {
    readBadgeExpiring().then(setOn, () => setOn(false));
  }, []);
  const change = (next: boolean) => {
    setOn(next);
    void saveBadgeExpiring(next);
  };
  return (
    <section aria-labelledby="badge-heading">
      <h2 id="badge-heading">{t('optionsBadgeTitle')}</h2>
      <label class="check">
        <input
          type="checkbox"
          data-testid="badge-expiring"
          checked={on === true}
          disabled={on === undefined}
          onChange={(event) => change(event.currentTarget.checked)}
        />{' '}
        {t('optionsBadgeExpiring')}
      </label>
      <p class="muted">{t('optionsBadgeHelp')}</p>
    </section>
  );
}
