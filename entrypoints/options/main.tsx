import { render } from 'preact';
import { BackgroundStatus } from '../../components/BackgroundStatus';
import { t } from '../../lib/i18n';

function Options() {
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <BackgroundStatus />
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
