import type { ComponentChildren } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { t, tn } from '../../lib/i18n';
import type { IntentInput } from '../../lib/intents/intents';
import { type UndoOffer, usePopup } from './context';
import { budgetsOf, type Estimate, estimate } from './model/estimate';
import { duration } from './model/time';
import { boardStore } from './useBoard';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  testId?: string;
}

/** A native modal dialog: the browser traps focus, closes it on Escape and returns focus afterwards. */
export function Dialog({ title, onClose, children, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const closed = useRef(onClose);
  closed.current = onClose;
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    // Closed by the browser (Escape): tell the owner. Unmounting closes it without calling back.
    const onNativeClose = () => closed.current();
    dialog.addEventListener('close', onNativeClose);
    return () => {
      dialog.removeEventListener('close', onNativeClose);
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
    };
  }, []);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </dialog>
  );
}

/** The estimate, counting what the queue has already used of each budget in the current window. */
function useEstimate(intents: readonly IntentInput[], minuteMs: number): Estimate {
  const key = JSON.stringify(intents);
  const quick = useMemo(() => estimate(intents, { now: Date.now(), minuteMs }), [key, minuteMs]);
  const [result, setResult] = useState<{ key: string; value: Estimate }>();
  useEffect(() => {
    let live = true;
    const now = Date.now();
    boardStore
      .budgetUse(
        budgetsOf(intents).map((b) => b.key),
        { now, minuteMs },
      )
      .then(
        (use) => live && setResult({ key, value: estimate(intents, { now, minuteMs, use }) }),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [key, minuteMs]);
  return result?.key === key ? result.value : quick;
}

function EstimateLine({ intents, minuteMs }: { intents: readonly IntentInput[]; minuteMs: number }) {
  const { requests, waitMs } = useEstimate(intents, minuteMs);
  if (requests === 0) return <p class="estimate muted">{t('popupEstimateNothing')}</p>;
  const count = tn('popupEstimateRequests', requests);
  // Under a few seconds is "right away" for a person; the queue's own pacing is not worth a number.
  const time = waitMs < 5_000 ? t('popupEstimateRightAway') : t('popupEstimateWait', duration(waitMs));
  return (
    <p class="estimate" data-testid="estimate" data-requests={requests} data-wait-ms={waitMs}>
      {count} {time}
    </p>
  );
}

interface ConfirmProps {
  title: string;
  children?: ComponentChildren;
  intents: readonly IntentInput[];
  confirmLabel: string;
  /** A choice still to make before anything can be estimated: said in place of the estimate. */
  needsChoice?: string;
  danger?: boolean;
  /** What undo puts back, offered once the queue has taken the intents. */
  undo: UndoOffer;
  /** After the queue took the intents (clear a selection, say). */
  onDone?: () => void;
  onClose: () => void;
  testId?: string;
}

/**
 * Says what will happen, how many requests it takes and how long the rate limits make it, before it happens;
 * on confirm it queues the intents and offers undo.
 */
export function ConfirmDialog(props: ConfirmProps) {
  const popup = usePopup();
  return (
    <Dialog title={props.title} onClose={props.onClose} testId={props.testId ?? 'confirm'}>
      <form
        method="dialog"
        onSubmit={async (event) => {
          event.preventDefault();
          props.onClose();
          if (!(await popup.run(props.intents))) return;
          props.onDone?.();
          popup.offerUndo(props.undo);
        }}
      >
        {props.children}
        {props.needsChoice ? (
          <p class="estimate muted">{props.needsChoice}</p>
        ) : (
          <EstimateLine intents={props.intents} minuteMs={popup.minuteMs} />
        )}
        <div class="dialog-actions">
          <button type="button" onClick={props.onClose} autofocus={props.danger}>
            {t('popupCancel')}
          </button>
          <button
            type="submit"
            class={props.danger ? 'danger' : 'primary'}
            data-testid="confirm-action"
            disabled={props.intents.length === 0}
            autofocus={!props.danger}
          >
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
