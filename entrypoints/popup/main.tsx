import '../../components/base.css';
import '../../components/popup/popup.css';
import '../../components/popup/lists.css';
import '../../components/popup/dialogs.css';
import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';
import { SNAPSHOT_PAINTED } from '../../components/popup/snapshot';
import { applyDocumentDirection } from '../../lib/i18n';

applyDocumentDirection(document.documentElement);

const after = (ms: number) => new Promise<false>((resolve) => setTimeout(() => resolve(false), ms));
/** Once the frame that shows the early snapshot has been painted (or a moment later, if no frame comes). */
const afterNextFrame = () =>
  Promise.race([new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))), after(50)]);

// After the early snapshot is on screen (a few ms; the board's database is already opening meanwhile), so
// rendering the popup holds up neither that first paint nor its frame; never more than a moment later, whatever
// storage does.
const painted = (globalThis as Record<string, unknown>)[SNAPSHOT_PAINTED] as Promise<boolean> | undefined;
void Promise.race([painted ?? Promise.resolve(false), after(100)])
  .then((shown) => (shown ? afterNextFrame() : undefined))
  .then(() => {
    const root = document.getElementById('app');
    if (root) render(<Popup />, root);
  });
