import '../../components/base.css';
import '../../components/popup/popup.css';
import '../../components/popup/lists.css';
import '../../components/popup/dialogs.css';
import './sidepanel.css';
import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';

const root = document.getElementById('app');
if (root) render(<Popup surface="sidepanel" />, root);
