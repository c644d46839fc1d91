import '../../components/base.css';
import '../../components/popup/popup.css';
import '../../components/popup/lists.css';
import '../../components/popup/dialogs.css';
import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';
import { applyDocumentDirection } from '../../lib/i18n';

applyDocumentDirection(document.documentElement);

const root = document.getElementById('app');
if (root) render(<Popup />, root);
