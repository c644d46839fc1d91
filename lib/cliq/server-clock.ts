/**
 * Cliq refuses a reorder or replace whose `last_sync_time` is older than the list's last change on *its* clock,
 * so views must be stamped on Cliq's clock, not the computer's (which may be off by seconds or minutes).
 *
 * Each answer's `Date` header bounds the offset (Cliq's clock minus ours): Cliq answered at some moment of the
 * second the header names, and that moment fell between our send and our receive. So the offset lies in
 * `[date − receivedAt, date + 1000 − sentAt]`. Recent answers are intersected, which narrows the bound well
 * below the header's one-second resolution as answers land at different points of Cliq's second.
 *
 * Both ends are offered: list-times.ts decides which a view is stamped with.
 */

/** Clocks drift and get stepped: answers older than this no longer narrow the bound. */
const SAMPLE_MAX_AGE_MS = 10 * 60_000;
const SAMPLES_KEPT = 16;
/** The `Date` header names the second Cliq answered in. */
const HEADER_RESOLUTION_MS = 1_000;

export interface ServerClock {
  /** A moment of the local clock, on Cliq's: the latest it can have been there (what views are stamped with). */
  at(local: number): number;
  /** The same moment, the earliest it can have been on Cliq's clock. */
  earliest(local: number): number;
  /** An answer arrived: `sentAt`/`receivedAt` on the local clock, `dateHeader` as Cliq sent it. */
  observe(dateHeader: string | null, sentAt: number, receivedAt: number): void;
}

interface OffsetBound {
  low: number;
  high: number;
  /** Local receive time, for ageing out. */
  at: number;
}

/** The narrowest bound the newest answers agree on; an older answer that disagrees predates a clock step. */
function agreedBound(samples: readonly OffsetBound[]): { low: number; high: number } {
  let low = Number.NEGATIVE_INFINITY;
  let high = Number.POSITIVE_INFINITY;
  for (const sample of samples) {
    const nextLow = Math.max(low, sample.low);
    const nextHigh = Math.min(high, sample.high);
    if (nextLow > nextHigh) break;
    low = nextLow;
    high = nextHigh;
  }
  return { low, high };
}

export function createServerClock(): ServerClock {
  /** Newest first. */
  let samples: OffsetBound[] = [];
  // Until Cliq has answered, our own clock is the best guess. Whole milliseconds, rounded outwards so each end
  // stays a bound: views go back to Cliq as integer epoch ms.
  let bound = { low: 0, high: 0 };
  return {
    at: (local) => local + bound.high,
    earliest: (local) => local + bound.low,
    observe(dateHeader, sentAt, receivedAt) {
      const server = dateHeader ? Date.parse(dateHeader) : Number.NaN;
      if (Number.isNaN(server)) return;
      const sample = { low: server - receivedAt, high: server + HEADER_RESOLUTION_MS - sentAt, at: receivedAt };
      samples = [sample, ...samples.filter((s) => receivedAt - s.at < SAMPLE_MAX_AGE_MS)].slice(0, SAMPLES_KEPT);
      const agreed = agreedBound(samples);
      bound = { low: Math.floor(agreed.low), high: Math.ceil(agreed.high) };
    },
  };
}
