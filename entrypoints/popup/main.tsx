import '../../components/base.css';
import '../../components/popup/popup.css';
import '../../components/popup/lists.css';
import '../../components/popup/dialogs.css';
import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';
import { SNAPSHOT_PAINTED } from '../../components/popup/snapshot';
import { applyDocumentDirection } from '../../lib/i18n';

applyDocumentDirection(document.documentElement);

// After the early snapshot is painted (a few ms; the board's database is already opening meanwhile), so
// rendering the popup does not hold up that first paint; never more than a moment later, whatever storage does.
const painted = (globalThis as Record<string, unknown>)[SNAPSHOT_PAINTED] as Promise<void> | undefined;
const aMoment = new Promise((resolve) => setTimeout(resolve, 100));
void Promise.race([painted ?? Promise.resolve(), aMoment]).then(() => {
  const root = document.getElementById('app');
  if (root) render(<Popup />, root);
});
