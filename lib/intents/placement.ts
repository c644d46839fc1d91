/*
 * Where an item lands, in the words of Cliq's reorder calls: "directly above X", or at the end when there is
 * no X. The one model of that rule: the popup and the page turn a step, a drag or a drop into a placement, the
 * queue checks whether an item is already in place, and the cache applies a confirmed move with it.
 * `order` is the whole list as Cliq keeps it; `visible` the part on screen (a filter may hide some), so a
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

/** Moved from index `from` to index `to` of `order` (a drag that ends between rows). */
export function placementForMove(order: readonly string[], from: number, to: number): Placement {
  const above = to < from ? order[to] : order[to + 1];
  return above === undefined ? {} : { above };
}

export function isInPlace(order: readonly string[], id: string, { above }: Placement): boolean {
  const at = order.indexOf(id);
  return at >= 0 && (above === undefined ? at === order.length - 1 : order[at + 1] === above);
}

/** The list after the move, as Cliq applies it; unknown ids leave it as it is. */
export function applyPlacement(order: readonly string[], id: string, { above }: Placement): string[] {
  const rest = order.filter((x) => x !== id);
  const at = above === undefined ? rest.length : rest.indexOf(above);
  if (!order.includes(id) || at < 0) return [...order];
  rest.splice(at, 0, id);
  return rest;
}

/** The same move on records, each known by `keyOf`. */
export function placeItem<T>(items: readonly T[], keyOf: (item: T) => string, id: string, placement: Placement): T[] {
  const byKey = new Map(items.map((item) => [keyOf(item), item]));
  return applyPlacement(items.map(keyOf), id, placement).map((key) => byKey.get(key) as T);
}
