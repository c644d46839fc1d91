import { describe, expect, it } from 'vitest';
import { applyPlacement, placementForDrop, placementForStep } from '../../../lib/intents/placement';

const order = ['a', 'b', 'c', 'd', 'e'];

describe('where a moved item lands, in Cliq’s "directly above" terms', () => {
  it('one step up goes above the neighbour; one step down goes above the one after it, or to the end', () => {
    expect(placementForStep(order, order, 'c', -1)).toEqual({ above: 'b' });
    expect(placementForStep(order, order, 'c', 1)).toEqual({ above: 'e' });
    expect(placementForStep(order, order, 'd', 1)).toEqual({});
    expect(applyPlacement(order, 'd', {})).toEqual(['a', 'b', 'c', 'e', 'd']);
  });

  it('cannot step past either end', () => {
    expect(placementForStep(order, order, 'a', -1)).toBeNull();
    expect(placementForStep(order, order, 'e', 1)).toBeNull();
  });

  it('steps past the neighbour the user sees when a filter hides rows between', () => {
    const visible = ['a', 'c', 'e'];
    expect(applyPlacement(order, 'e', placementForStep(order, visible, 'e', -1) ?? {})).toEqual([
      'a',
      'b',
      'e',
      'c',
      'd',
    ]);
    expect(applyPlacement(order, 'a', placementForStep(order, visible, 'a', 1) ?? {})).toEqual([
      'b',
      'c',
      'a',
      'd',
      'e',
    ]);
  });

  it('a drop lands before or after the target row; a drop where it already is sends nothing', () => {
    expect(placementForDrop(order, 'e', 'a', 'before')).toEqual({ above: 'a' });
    expect(placementForDrop(order, 'a', 'c', 'after')).toEqual({ above: 'd' });
    expect(placementForDrop(order, 'a', 'e', 'after')).toEqual({});
    expect(placementForDrop(order, 'b', 'a', 'after')).toBeNull();
    expect(placementForDrop(order, 'b', 'c', 'before')).toBeNull();
    expect(placementForDrop(order, 'b', 'b', 'before')).toBeNull();
    expect(placementForDrop(order, 'b', 'zz', 'before')).toBeNull();
  });
});
