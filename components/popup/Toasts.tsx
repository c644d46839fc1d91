import { useCallback, useEffect, useState } from 'preact/hooks';
import type { UndoOffer } from './context';
import { UndoToast } from './UndoToast';

/** How long a plain notice stays; an undo offer keeps its own countdown. */
const NOTICE_MS = 6_000;
/** More than this at once is noise: the oldest go first. */
const MAX_TOASTS = 3;

type Toast = { id: number; kind: 'ok' | 'error'; message: string } | { id: number; kind: 'undo'; offer: UndoOffer };

let lastId = 0;

/**
 * Every notice and undo offer of the popup, newest first. One undo at a time: a newer offer replaces the
 * older one, so Ctrl+Z always means the last action.
 */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const push = useCallback((toast: Toast) => {
    setToasts((all) =>
      [toast, ...all.filter((old) => toast.kind !== 'undo' || old.kind !== 'undo')].slice(0, MAX_TOASTS),
    );
  }, []);
  const notify = useCallback(
    (message: string, tone: 'ok' | 'error' = 'ok') => push({ id: ++lastId, kind: tone, message }),
    [push],
  );
  const offerUndo = useCallback((offer: UndoOffer) => push({ id: ++lastId, kind: 'undo', offer }), [push]);
  /** The current undo offer, taken off the screen: the caller runs it. */
  const takeUndo = useCallback((): UndoOffer | undefined => {
    const undo = toasts.find((toast) => toast.kind === 'undo');
    if (undo?.kind !== 'undo') return undefined;
    dismiss(undo.id);
    return undo.offer;
  }, [toasts, dismiss]);
  return { toasts, notify, offerUndo, takeUndo, dismiss };
}

function Notice({
  id,
  kind,
  message,
  dismiss,
}: {
  id: number;
  kind: 'ok' | 'error';
  message: string;
  dismiss(id: number): void;
}) {
  useEffect(() => {
    const timer = setTimeout(() => dismiss(id), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [id, dismiss]);
  return (
    <p
      class={kind === 'error' ? 'notice notice-error' : 'notice'}
      role={kind === 'error' ? 'alert' : undefined}
      data-testid="notice"
    >
      {message}
    </p>
  );
}

interface RegionProps {
  toasts: readonly Toast[];
  dismiss(id: number): void;
  onUndo(): void;
}

/**
 * The one place notices and undo offers appear: a strip below the lists, in the flow, so it never covers a
 * row (least of all the one just acted on). The region exists from the start, so screen readers announce
 * what appears in it.
 */
export function ToastRegion({ toasts, dismiss, onUndo }: RegionProps) {
  return (
    <div class="toasts" role="status" data-testid="toasts">
      {toasts.map((toast) =>
        toast.kind === 'undo' ? (
          <UndoToast key={toast.id} message={toast.offer.message} onUndo={onUndo} onExpire={() => dismiss(toast.id)} />
        ) : (
          <Notice key={toast.id} {...toast} dismiss={dismiss} />
        ),
      )}
    </div>
  );
}
