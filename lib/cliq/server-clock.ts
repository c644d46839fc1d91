/**
 * Cliq compares `last_sync_time` with its own clock, so a view stamped by a computer whose clock lags Cliq's
 * would be refused as `client_not_synced` on every write after a change. Each answer's `Date` header tells
 * Cliq's time; it has whole-second resolution, so only a skew beyond that is corrected, and ordinary
 * NTP-synced clocks keep their own, finer time.
 */
const SKEW_TOLERANCE_MS = 2_000;

export interface ServerClock {
  /** Our best estimate of Cliq's clock now. */
  now(): number;
  /** A moment of the local clock, on Cliq's. */
  at(local: number): number;
  /** An answer arrived: `sentAt`/`receivedAt` on the local clock, `dateHeader` as Cliq sent it. */
  observe(dateHeader: string | null, sentAt: number, receivedAt: number): void;
}

export function createServerClock(localNow: () => number): ServerClock {
  let offset = 0;
  return {
    now: () => localNow() + offset,
    at: (local) => local + offset,
    observe(dateHeader, sentAt, receivedAt) {
      const server = dateHeader ? Date.parse(dateHeader) : Number.NaN;
      if (Number.isNaN(server)) return;
      // The header is truncated to the second: Cliq answered somewhere in [server, server + 1000).
      // Whole milliseconds: views are sent back to Cliq as integer epoch ms.
      const measured = Math.round(server + 500 - (sentAt + receivedAt) / 2);
      offset = Math.abs(measured) > SKEW_TOLERANCE_MS ? measured : 0;
    },
  };
}
