import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';

/** Long enough to notice and reach the button, short enough that nobody undoes something long forgotten. */
export const UNDO_MS = 10_000;

interface Props {
  message: string;
  onUndo(): void;
  onExpire(): void;
}

/** "Unpinned 5 messages. Undo" for a few seconds after a bulk action; the button is reachable by keyboard. */
export function UndoToast({ message, onUndo, onExpire }: Props) {
  const [left, setLeft] = useState(UNDO_MS);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = UNDO_MS - (Date.now() - started);
      if (remaining <= 0) onExpire();
      else setLeft(remaining);
    }, 250);
    return () => clearInterval(timer);
  }, [message]);
  return (
    <div class="toast" data-testid="undo-toast">
      <span>{message}</span>
      <button type="button" class="primary small" data-testid="undo" onClick={onUndo}>
        {t('popupUndo')}
        <span class="muted-inverse"> {Math.ceil(left / 1000)}</span>
      </button>
    </div>
  );
}
