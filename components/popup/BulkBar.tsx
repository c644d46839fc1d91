import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n';

/** The bar under a list while something is selected: what is selected, the actions on it, and clearing it. */
export function BulkBar(props: { testId: string; selected: string; onClear(): void; children: ComponentChildren }) {
  return (
    <section class="bulkbar" aria-label={t('popupBulkActions')} data-testid={props.testId}>
      <span>{props.selected}</span>
      {props.children}
      <button type="button" onClick={props.onClear}>
        {t('popupClearSelection')}
      </button>
    </section>
  );
}
