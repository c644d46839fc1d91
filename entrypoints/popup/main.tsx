import { render } from 'preact';
import { BackgroundStatus } from '../../components/BackgroundStatus';
import { t } from '../../lib/i18n';

function Popup() {
  return (
    <main>
      <h1>{t('extName')}</h1>
      <BackgroundStatus />
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Popup />, root);
