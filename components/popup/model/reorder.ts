/*
 * Where an item lands, in the words of Cliq's reorder calls: "directly above X", or at the end when there is
 * no X. `order` is the whole list as Cliq keeps it; `visible` the part on screen (a filter may hide some), so a
 * step moves past the neighbour the user sees.
 */

export type Placement = { above?: string };

/** null: the item is already there, or cannot move that way. */
export function placementForStep(
  order: readonly string[],
  visible: readonly string[],
  id: string,
  step: -1 | 1,
): Placement | null {
  const at = visible.indexOf(id);
  const neighbour = visible[at + step];
  if (at < 0 || neighbour === undefined) return null;
  return step < 0 ? { above: neighbour } : placementAfter(order, id, neighbour);
}

/** Dropped on `target`, in its upper (`before`) or lower half. */
export function placementForDrop(
  order: readonly string[],
  id: string,
  target: string,
  position: 'before' | 'after',
): Placement | null {
  if (id === target || !order.includes(target)) return null;
  const placement = position === 'before' ? { above: target } : placementAfter(order, id, target);
  return isInPlace(order, id, placement) ? null : placement;
}

function placementAfter(order: readonly string[], id: string, target: string): Placement {
  const rest = order.filter((x) => x !== id);
  const next = rest[rest.indexOf(target) + 1];
  return next === undefined ? {} : { above: next };
}

function isInPlace(order: readonly string[], id: string, { above }: Placement): boolean {
  const at = order.indexOf(id);
  return above === undefined ? at === order.length - 1 : order[at + 1] === above;
}

/** The list after the move, as Cliq will apply it (for previews and tests). */
export function applyPlacement(order: readonly string[], id: string, { above }: Placement): string[] {
  const rest = order.filter((x) => x !== id);
  const at = above === undefined ? rest.length : rest.indexOf(above);
  if (!order.includes(id) || at < 0) return [...order];
  rest.splice(at, 0, id);
  return rest;
}
