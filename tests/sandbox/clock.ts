/**
 * The sandbox clock: it runs at real speed from `startTime`, and tests jump it with `advance`/`set` instead
 * of sleeping. Pin expiry, token expiry, `last_sync_time` checks and rate-limit windows all read this clock,
 * so one jump moves them together.
 */
export class SandboxClock {
  private offset: number;

  constructor(
    startTime: number = Date.now(),
    private readonly realNow: () => number = Date.now,
  ) {
    this.offset = startTime - realNow();
  }

  now(): number {
    return this.realNow() + this.offset;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`clock.advance needs a finite number of ms, got ${ms}`);
    this.offset += ms;
  }

  set(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`clock.set needs epoch ms, got ${ms}`);
    this.offset = ms - this.realNow();
  }
}
