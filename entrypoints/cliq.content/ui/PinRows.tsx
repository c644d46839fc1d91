import { useEffect, useRef, useState } from 'preact/hooks';
import type { ShownPin } from '../../../lib/board/read-models';
import { formatCount, t } from '../../../lib/i18n';
import { placementForMove } from '../../../lib/intents/placement';
import type { useEnqueue } from './hooks';
import { expiryText } from './text';

type Drag = { from: number; over: number; pointerId: number };

/**
 * The pin list of the pinned bar. Reorder by dragging a row's handle, or by focusing the handle and pressing
 * the Up and Down arrow keys; select rows to unpin several at once.
 */
export function PinRows(props: {
  chatId: string;
  pins: ShownPin[];
  sending: ReturnType<typeof useEnqueue>;
  onJump: (messageId: string) => void;
  /** Unpins, offering undo; true once the background has journaled it. */
  onUnpin: (event: Event, messageIds: string[]) => Promise<boolean>;
  label: (pin: ShownPin) => string;
}) {
  const { chatId, pins, sending } = props;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [drag, setDrag] = useState<Drag>();
  const [focusAfterMove, setFocusAfterMove] = useState<string>();
  const list = useRef<HTMLOListElement>(null);
  const now = Date.now();

  const live = new Set(pins.map((p) => p.messageId));
  const chosen = [...selected].filter((id) => live.has(id));

  useEffect(() => {
    if (!focusAfterMove) return;
    list.current?.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(focusAfterMove)}"] .cp-handle`)?.focus();
  }, [pins, focusAfterMove]);

  const move = (event: Event, from: number, to: number) => {
    const pin = pins[from];
    if (!pin || to < 0 || to >= pins.length || to === from) return;
    setFocusAfterMove(pin.messageId);
    void sending.enqueue(event, [
      {
        kind: 'reorderPin',
        chatId,
        messageId: pin.messageId,
        ...placementForMove(
          pins.map((p) => p.messageId),
          from,
          to,
        ),
      },
    ]);
  };

  const rowAt = (y: number): number => {
    const rows = [...(list.current?.children ?? [])];
    const index = rows.findIndex((row) => y < row.getBoundingClientRect().bottom);
    return index === -1 ? rows.length - 1 : index;
  };

  const unpin = (event: Event, messageIds: string[]) =>
    props.onUnpin(event, messageIds).then((ok) => {
      if (ok) setSelected(new Set());
    });

  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  return (
    <>
      <div class="cp-row cp-tools">
        <label>
          <input
            type="checkbox"
            data-testid="select-all"
            checked={chosen.length === pins.length}
            onChange={() => setSelected(chosen.length === pins.length ? new Set() : live)}
          />{' '}
          {t('pageSelectAll')}
        </label>
        <button
          type="button"
          class="cp-danger"
          data-testid="unpin-selected"
          disabled={chosen.length === 0 || sending.busy}
          onClick={(event) => unpin(event, chosen)}
        >
          {t('pageUnpinSelected', formatCount(chosen.length))}
        </button>
      </div>
      <ol class="cp-pins" ref={list} data-testid="pin-list" aria-label={t('pageBarTitle')}>
        {pins.map((pin, index) => {
          const dropping = drag && drag.over === index && drag.from !== index;
          const label = props.label(pin);
          return (
            <li
              key={pin.messageId}
              class={`cp-pin${dropping ? (drag.over < drag.from ? ' cp-drop-above' : ' cp-drop-below') : ''}`}
              data-testid="pin-row"
              data-message-id={pin.messageId}
              data-primary={pin.isPrimary}
              data-pending={pin.pending}
            >
              <input
                type="checkbox"
                aria-label={t('pageSelectPin', label)}
                checked={selected.has(pin.messageId)}
                onChange={() => toggle(pin.messageId)}
              />
              <button
                type="button"
                class="cp-handle"
                data-testid="pin-handle"
                aria-label={t('pageMovePin', label)}
                title={t('pageMoveHelp')}
                onKeyDown={(event) => {
                  if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
                  event.preventDefault();
                  move(event, index, event.key === 'ArrowUp' ? index - 1 : index + 1);
                }}
                onPointerDown={(event) => {
                  if (event.button !== 0) return;
                  event.currentTarget.setPointerCapture(event.pointerId);
                  setDrag({ from: index, over: index, pointerId: event.pointerId });
                }}
                onPointerMove={(event) => {
                  if (drag?.pointerId === event.pointerId) setDrag({ ...drag, over: rowAt(event.clientY) });
                }}
                onPointerUp={(event) => {
                  if (drag?.pointerId !== event.pointerId) return;
                  setDrag(undefined);
                  move(event, drag.from, rowAt(event.clientY));
                }}
                onPointerCancel={() => setDrag(undefined)}
              >
                ⠿
              </button>
              <div class="cp-pin-body">
                <span class="cp-pin-line">
                  {pin.isPrimary && <span class="cp-badge">{t('pagePrimary')}</span>}
                  <span class="cp-pin-text" dir="auto">
                    {label}
                  </span>
                </span>
                <span class="cp-pin-meta muted" data-testid="pin-expiry" data-expiry={pin.expiry}>
                  {expiryText(pin.expiry, now)}
                  {pin.pending && ` · ${t('pageSaving')}`}
                </span>
              </div>
              <button
                type="button"
                class="cp-icon cp-forward"
                data-testid="pin-jump"
                aria-label={t('pageJumpToPin', label)}
                title={t('pageJump')}
                onClick={() => props.onJump(pin.messageId)}
              >
                ➜
              </button>
              {!pin.isPrimary && (
                <button
                  type="button"
                  class="cp-icon"
                  data-testid="pin-make-primary"
                  aria-label={t('pageMakePinPrimary', label)}
                  title={t('pageMakePrimary')}
                  disabled={sending.busy}
                  onClick={(event) =>
                    sending.enqueue(event, [{ kind: 'makePrimary', chatId, messageId: pin.messageId }])
                  }
                >
                  ⬆
                </button>
              )}
              <button
                type="button"
                class="cp-icon cp-danger"
                data-testid="pin-unpin"
                aria-label={t('pageUnpinPin', label)}
                title={t('pageUnpin')}
                disabled={sending.busy}
                onClick={(event) => unpin(event, [pin.messageId])}
              >
                ✕
              </button>
            </li>
          );
        })}
      </ol>
    </>
  );
}
