/*
 * Which items the user picked for a bulk action. Keys are opaque strings (see `itemKey`); `order` is the order
 * the user sees, so a Shift-click range covers exactly the rows between the two clicks on screen.
 */

export interface Selection {
  readonly keys: ReadonlySet<string>;
  /** The last item clicked without Shift: where the next Shift-click range starts. */
  readonly anchor?: string;
}

export const emptySelection: Selection = { keys: new Set() };

/** Cliq ids never contain `/`, so it separates the two parts of a key unambiguously. */
export const itemKey = (group: string, id: string) => `${group}/${id}`;

export function splitKey(key: string): [group: string, id: string] {
  const at = key.indexOf('/');
  return [key.slice(0, at), key.slice(at + 1)];
}

/**
 * A click flips one item. With Shift, every item between the anchor and this one takes the state the clicked
 * item gets, like a file manager; without an anchor on screen it is a plain click.
 */
export function clickItem(selection: Selection, key: string, order: readonly string[], shift: boolean): Selection {
  const select = !selection.keys.has(key);
  const from = selection.anchor === undefined ? -1 : order.indexOf(selection.anchor);
  const to = order.indexOf(key);
  if (!shift || from < 0 || to < 0) {
    return { keys: withKeys(selection.keys, [key], select), anchor: key };
  }
  const range = order.slice(Math.min(from, to), Math.max(from, to) + 1);
  return { keys: withKeys(selection.keys, range, select), anchor: selection.anchor };
}

/** "Select all" for a group: selects every item, or clears them when all were selected already. */
export function toggleAll(selection: Selection, keys: readonly string[]): Selection {
  const all = keys.length > 0 && keys.every((key) => selection.keys.has(key));
  return { keys: withKeys(selection.keys, keys, !all), anchor: selection.anchor };
}

export function allSelected(selection: Selection, keys: readonly string[]): boolean | 'mixed' {
  const count = keys.filter((key) => selection.keys.has(key)).length;
  if (count === 0) return false;
  return count === keys.length ? true : 'mixed';
}

/** Drops what is no longer shown (unpinned, filtered out), so a bulk action never acts on an invisible item. */
export function keepOnly(selection: Selection, present: Iterable<string>): Selection {
  const shown = new Set(present);
  const keys = [...selection.keys].filter((key) => shown.has(key));
  if (keys.length === selection.keys.size) return selection;
  return {
    keys: new Set(keys),
    anchor: selection.anchor && shown.has(selection.anchor) ? selection.anchor : undefined,
  };
}

function withKeys(current: ReadonlySet<string>, keys: readonly string[], select: boolean): Set<string> {
  const next = new Set(current);
  for (const key of keys) {
    if (select) next.add(key);
    else next.delete(key);
  }
  return next;
}

/** Selected keys grouped by their first part, in selection order: one intent per chat or folder. */
export function groupSelected(selection: Selection): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const key of selection.keys) {
    const [group, id] = splitKey(key);
    groups.set(group, [...(groups.get(group) ?? []), id]);
  }
  return groups;
}
