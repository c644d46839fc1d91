/*
 * Keyboard conventions shared by every list: Up/Down move between rows' checkboxes (so a long list is not a
 * long walk with Tab), Alt+Up/Down move the row itself, Home/End jump to the first and last row.
 */

export type RowKeyAction = { type: 'move'; step: -1 | 1 } | { type: 'none' };

export function rowKeyAction(event: KeyboardEvent): RowKeyAction {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return { type: 'none' };
  if (event.key === 'ArrowUp') return { type: 'move', step: -1 };
  if (event.key === 'ArrowDown') return { type: 'move', step: 1 };
  return { type: 'none' };
}

/** Handles Up/Down/Home/End on a row checkbox (`data-row-focus`), within its tab panel. */
export function moveRowFocus(event: KeyboardEvent): boolean {
  const from = event.target as HTMLElement | null;
  if (!from?.matches('[data-row-focus]') || event.altKey || event.ctrlKey || event.metaKey) return false;
  const rows = [...(from.closest('[role=tabpanel]') ?? document).querySelectorAll<HTMLElement>('[data-row-focus]')];
  const at = rows.indexOf(from);
  const to =
    event.key === 'ArrowDown'
      ? rows[at + 1]
      : event.key === 'ArrowUp'
        ? rows[at - 1]
        : event.key === 'Home'
          ? rows[0]
          : event.key === 'End'
            ? rows[rows.length - 1]
            : undefined;
  if (!to) return false;
  event.preventDefault();
  to.focus();
  return true;
}

/** After a list re-renders (a move, an undo), focus returns to the row it was on. */
export function refocus(key: string | undefined): void {
  if (!key) return;
  const target = document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
  if (target && document.activeElement !== target) target.focus();
}
