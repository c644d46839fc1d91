import { vi } from 'vitest';
import { CliqError } from '../lib/cliq/errors';

/*
 * Helpers more than one kind of test needs, kept once.
 */

/** The most of `times` (epoch ms) that fall within any rolling window of `windowMs`. */
export function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[start] as number) <= (sorted[end] as number) - windowMs) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/** The CliqError a call rejected with; fails the test if it resolved or threw something else. */
export async function failureOf(call: Promise<unknown>): Promise<CliqError> {
  const outcome = await call.then(
    (value) => ({ resolved: value }),
    (error: unknown) => ({ rejected: error }),
  );
  if (!('rejected' in outcome)) throw new Error(`expected a CliqError, got ${JSON.stringify(outcome.resolved)}`);
  if (!(outcome.rejected instanceof CliqError)) throw outcome.rejected;
  return outcome.rejected;
}

/** Animation frames the test runs by hand: `schedule` queues work, `frame()` runs what was queued before it. */
export function frames() {
  let queued: (() => void)[] = [];
  const schedule = vi.fn((work: () => void) => {
    queued.push(work);
  });
  return {
    schedule,
    pending: () => queued.length,
    frame() {
      const now = queued;
      queued = [];
      for (const work of now) work();
    },
  };
}
