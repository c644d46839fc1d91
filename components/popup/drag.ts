import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/*
 * Drag to reorder with pointer events rather than HTML5 drag and drop: it behaves the same in Chrome and
 * Firefox, works inside the popup's scrolling list and can be driven by an automated mouse. Rows carry
 * `data-drag-group` (only rows of the same group are targets) and `data-drag-key`; keyboard users have
 * Alt+Arrow keys for the same moves.
 */

export interface DragState {
  group: string;
  key: string;
  over?: string;
  position?: 'before' | 'after';
}

/** Pixels the pointer must travel before a press becomes a drag, so a click on the handle stays a click. */
const THRESHOLD = 4;
const EDGE = 32;

export type DropHandler = (group: string, key: string, target: string, position: 'before' | 'after') => void;

export function useDragReorder(onDrop: DropHandler) {
  const [drag, setDrag] = useState<DragState | null>(null);
  const dropRef = useRef(onDrop);
  dropRef.current = onDrop;
  const cleanup = useRef<(() => void) | undefined>(undefined);

  useEffect(() => () => cleanup.current?.(), []);

  const start = useCallback((event: PointerEvent, group: string, key: string) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const origin = { x: event.clientX, y: event.clientY };
    let state: DragState | null = null;

    const move = (e: PointerEvent) => {
      if (!state && Math.hypot(e.clientX - origin.x, e.clientY - origin.y) < THRESHOLD) return;
      state = { group, key, ...targetAt(e.clientX, e.clientY, group, key) };
      setDrag(state);
      autoScroll(e.clientX, e.clientY);
    };
    const finish = (drop: boolean) => {
      const done = state;
      stop();
      setDrag(null);
      if (drop && done?.over && done.position) dropRef.current(group, key, done.over, done.position);
    };
    const up = () => finish(true);
    const cancel = () => finish(false);
    const onEscape = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        finish(false);
      }
    };
    const stop = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      window.removeEventListener('keydown', onEscape, true);
      cleanup.current = undefined;
    };
    cleanup.current?.();
    cleanup.current = stop;
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
    window.addEventListener('keydown', onEscape, true);
  }, []);

  return { drag, start };
}

function targetAt(x: number, y: number, group: string, key: string): Pick<DragState, 'over' | 'position'> {
  // Rows may nest (a folder holds chat rows): the target is the nearest row of the dragged row's group.
  const row = document.elementFromPoint(x, y)?.closest<HTMLElement>(`[data-drag-group="${CSS.escape(group)}"]`);
  if (!row?.dataset.dragKey || row.dataset.dragKey === key) return {};
  const box = row.getBoundingClientRect();
  return { over: row.dataset.dragKey, position: y < box.top + box.height / 2 ? 'before' : 'after' };
}

/** Near the top or bottom edge of the scrolling area, scroll it, so a drag can reach rows out of view. */
function autoScroll(x: number, y: number): void {
  const area = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-scroll-area]');
  if (!area) return;
  const box = area.getBoundingClientRect();
  if (y < box.top + EDGE) area.scrollBy(0, -12);
  else if (y > box.bottom - EDGE) area.scrollBy(0, 12);
}

/** Classes for a row while something is dragged over it or it is the one being dragged. */
export function dragClasses(drag: DragState | null, group: string, key: string): string {
  if (!drag || drag.group !== group) return '';
  if (drag.key === key) return 'dragging';
  if (drag.over === key) return drag.position === 'before' ? 'drop-before' : 'drop-after';
  return '';
}
