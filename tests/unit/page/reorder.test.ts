import { describe, expect, it } from 'vitest';
import { placementForMove } from '../../../lib/intents/placement';

describe('reorder by drag or arrow keys', () => {
  const pins = ['a', 'b', 'c', 'd'];
  const aboveFor = (order: string[], from: number, to: number) => placementForMove(order, from, to).above;
  it('moves a pin directly above the one now at its new place, or to the end', () => {
    expect(aboveFor(pins, 2, 1)).toBe('b'); // c up: above b
    expect(aboveFor(pins, 1, 0)).toBe('a'); // b to the top: above the primary, so it becomes primary
    expect(aboveFor(pins, 0, 1)).toBe('c'); // a down one: above c
    expect(aboveFor(pins, 1, 3)).toBeUndefined(); // b to the bottom: the end
    expect(aboveFor(pins, 0, 2)).toBe('d');
  });
});
