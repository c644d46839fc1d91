import { describe, expect, it } from 'vitest';
import { pinListEntry } from '../../../lib/cliq/endpoints/shapes';
import { firstIssueLine } from '../../../lib/cliq/issues';
import * as z from '../../../lib/cliq/zod';

/* The two helpers that stand in for zod kinds the background leaves out (lib/cliq/zod.ts). */
describe('byKey, a discriminated union of objects', () => {
  const pin = { id: 'm1', pin_information: { is_primary: false, expiry_time: -1 } };

  it('parses with the option the key picks, an optional key included', () => {
    expect(z.safeParse(pinListEntry, { id: 'm1', is_pinned: false })).toEqual({
      success: true,
      data: { id: 'm1', is_pinned: false },
    });
    expect(z.safeParse(pinListEntry, pin).success).toBe(true);
    expect(z.safeParse(pinListEntry, { ...pin, is_pinned: true }).success).toBe(true);
  });

  it("reports a bad field as that option's issue, at its path", () => {
    const { pin_information: _, ...noInfo } = pin;
    const result = z.safeParse(z.array(pinListEntry), [noInfo]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'invalid_type', path: [0, 'pin_information'] });
    expect(firstIssueLine(result.error as z.core.$ZodError)).toBe('[0].pin_information: is missing');
  });

  it('refuses a key no option takes at the key, and anything not an object', () => {
    expect(z.safeParse(pinListEntry, { id: 'm1', is_pinned: 'yes' }).error?.issues).toMatchObject([
      { code: 'invalid_union', path: ['is_pinned'] },
    ]);
    expect(z.safeParse(pinListEntry, 'm1').error?.issues).toMatchObject([{ code: 'invalid_type', expected: 'object' }]);
  });
});

describe('rule, a refinement as a plain check', () => {
  const odd = z.number().check(
    z.rule(
      (n: number) => n % 2 === 1,
      () => 'should be odd',
    ),
  );

  it('passes what the predicate takes and words what it refuses', () => {
    expect(z.safeParse(odd, 3).success).toBe(true);
    expect(z.safeParse(odd, 2).error?.issues).toMatchObject([{ code: 'custom', message: 'should be odd', path: [] }]);
  });
});
