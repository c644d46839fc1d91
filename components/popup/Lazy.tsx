import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { PopupApi } from './context';
import { Dialog } from './Dialog';

export type Rare = typeof import('./rare');

/** Under this long a load is instant to a person: nothing is shown meanwhile, so nothing flickers. */
const SHOWN_AFTER_MS = 150;

let loading: Promise<Rare> | undefined;

/**
 * The popup's rarely used parts (rare.ts), loaded once, the first time one is wanted. A failed load (the extension
 * was updated while the popup was open, so its old chunk is gone) rejects with what a person can do about it, and
 * is tried again on the next use.
 */
export function loadRare(): Promise<Rare> {
  loading ??= import('./rare').catch(() => {
    loading = undefined;
    throw new Error(t('popupPartFailed'));
  });
  return loading;
}

/**
 * A dialog from the rare parts: `render` once they are loaded. A slow load shows `title` with a loading line;
 * a failed one says why and offers to reload the popup.
 */
export function RareDialog({ title, onClose, render }: { title: string; onClose(): void; render(rare: Rare): VNode }) {
  const [rare, setRare] = useState<Rare | Error>();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => live && setSlow(true), SHOWN_AFTER_MS);
    loadRare().then(
      (loaded) => live && setRare(loaded),
      (error: Error) => live && setRare(error),
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);
  if (rare && !(rare instanceof Error)) return render(rare);
  if (!rare && !slow) return null;
  return (
    <Dialog title={title} onClose={onClose} testId="rare-dialog">
      {rare ? (
        <p role="alert" class="error" data-testid="rare-failed">
          {rare.message}
        </p>
      ) : (
        <p role="status" class="muted" data-testid="rare-loading">
          {t('popupPartLoading')}
        </p>
      )}
      <div class="dialog-actions">
        {rare && (
          <button type="button" onClick={() => location.reload()}>
            {t('popupReload')}
          </button>
        )}
        <button type="button" onClick={onClose} autofocus>
          {t('popupClose')}
        </button>
      </div>
    </Dialog>
  );
}

/** Opens a dialog from the rare parts in the popup's dialog slot; `title` heads it while it loads. */
export function openRare(
  popup: Pick<PopupApi, 'openDialog'>,
  title: string,
  dialog: (rare: Rare, close: () => void) => VNode,
): void {
  popup.openDialog((close) => <RareDialog title={title} onClose={close} render={(rare) => dialog(rare, close)} />);
}
