import { useEffect, useRef, useState } from 'preact/hooks';
import { formatCount, t } from '../../lib/i18n';

/** Long enough to notice and reach the button, short enough that nobody undoes something long forgotten. */
const UNDO_MS = 10_000;

interface Props {
  message: string;
  onUndo(): void;
  onExpire(): void;
}

const inTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * "Unpinned 5 messages. Undo" for a few seconds after a bulk action (the shell announces it). Ctrl+Z (⌘Z) undoes
 * too; and when the action removed the focused row, focus goes to the Undo button rather than the page.
 */
export function UndoToast({ message, onUndo, onExpire }: Props) {
  const [left, setLeft] = useState(UNDO_MS);
  const button = useRef<HTMLButtonElement>(null);
  const undo = useRef(onUndo);
  undo.current = onUndo;
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) button.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey) return;
      if (inTextField(event.target)) return;
      event.preventDefault();
      undo.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
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
      <button
        ref={button}
        type="button"
        class="primary small"
        data-testid="undo"
        aria-keyshortcuts="Control+Z Meta+Z"
        onClick={onUndo}
      >
        {t('popupUndo')}
        {/* Seconds, not a count: "Undo (8 s)". */}
        <span aria-hidden="true"> {t('popupUndoSeconds', formatCount(Math.ceil(left / 1000)))}</span>
      </button>
    </div>
  );
}
