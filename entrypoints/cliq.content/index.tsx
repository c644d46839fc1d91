import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { BackgroundStatus } from '../../components/BackgroundStatus';
import { CLIQ_HOST_PATTERNS } from '../../lib/cliq/datacentres';
import { t } from '../../lib/i18n';

function InPageBadge() {
  return (
    <aside aria-label={t('inPageBadge')}>
      <strong>{t('inPageBadge')}</strong> <BackgroundStatus />
    </aside>
  );
}

export default defineContentScript({
  matches: CLIQ_HOST_PATTERNS,
  cssInjectionMode: 'ui',
  async main(ctx) {
    const ui = await createShadowRootUi(ctx, {
      name: 'cliq-pins-badge',
      position: 'inline',
      // Cliq swaps the header on single-page navigation; autoMount follows the anchor as it comes and goes.
      anchor: '.chat-header',
      append: 'last',
      onMount(container) {
        render(<InPageBadge />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.autoMount();
  },
});
