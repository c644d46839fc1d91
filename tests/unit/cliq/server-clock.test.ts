import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCliqClient } from '../../../lib/cliq/client';
import { createServerClock } from '../../../lib/cliq/server-clock';
import { startSandbox } from '../../sandbox';

const httpDate = (ms: number) => new Date(ms).toUTCString();

/**
 * A simulated Cliq whose clock is `offset` ms from ours: each exchange is sent at a local time, processed
 * `toServer` ms later and answered `back` ms after that, with the `Date` header of the processing moment.
 */
function exchange(offset: number, sentAt: number, toServer: number, back: number) {
  const processedLocal = sentAt + toServer;
  return {
    sentAt,
    receivedAt: processedLocal + back,
    processedOnCliq: processedLocal + offset,
    date: httpDate(processedLocal + offset),
  };
}

const offsets = fc.oneof(
  fc.constantFrom(1_500, -1_500, 5_000, -5_000, 120_000, -120_000, 0),
  fc.integer({ min: -600_000, max: 600_000 }),
);
const leg = fc.integer({ min: 0, max: 400 });
const gap = fc.integer({ min: 0, max: 3_000 });

describe("Cliq's clock, as views are stamped on it", () => {
  it('a read sent after our own write answered is never stamped before that write on Cliq’s clock', () => {
    fc.assert(
      fc.property(
        offsets,
        fc.array(fc.tuple(leg, leg, gap, leg, leg), { minLength: 1, maxLength: 12 }),
        (offset, steps) => {
          const clock = createServerClock();
          let local = 1_700_000_000_123;
          for (const [wOut, wBack, pause, rOut, rBack] of steps) {
            const write = exchange(offset, local, wOut, wBack);
            clock.observe(write.date, write.sentAt, write.receivedAt);
            local = write.receivedAt + pause;
            // The read's view is computed after its own answer was observed, as the client does.
            const read = exchange(offset, local, rOut, rBack);
            clock.observe(read.date, read.sentAt, read.receivedAt);
            const view = clock.at(read.sentAt);
            expect(view).toBeGreaterThanOrEqual(write.processedOnCliq);
            // It never claims more than the read's round trip plus the header's second beyond what it saw.
            expect(view - read.processedOnCliq).toBeLessThanOrEqual(1_000 + rOut + rBack + wOut + wBack);
            expect(Number.isInteger(view)).toBe(true);
            local = read.receivedAt + pause;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('narrows to well under the header’s second as answers land at different points of Cliq’s second', () => {
    const offset = -1_500;
    const clock = createServerClock();
    let local = 1_700_000_000_000;
    for (let i = 0; i < 16; i++) {
      const answer = exchange(offset, local, 20, 20);
      clock.observe(answer.date, answer.sentAt, answer.receivedAt);
      local += 1_137;
    }
    expect(clock.at(local) - (local + offset)).toBeGreaterThanOrEqual(0);
    expect(clock.at(local) - (local + offset)).toBeLessThan(150);
    expect(clock.earliest(local)).toBeLessThanOrEqual(local + offset);
  });

  it('follows the local clock when it is stepped (an older answer that disagrees no longer counts)', () => {
    const clock = createServerClock();
    let local = 1_700_000_000_000;
    for (let i = 0; i < 5; i++) {
      const answer = exchange(300_000, local, 30, 30);
      clock.observe(answer.date, answer.sentAt, answer.receivedAt);
      local += 700;
    }
    // NTP sets our clock right: Cliq is now only 2 s ahead of it.
    local += 298_000;
    const answer = exchange(2_000, local, 30, 30);
    clock.observe(answer.date, answer.sentAt, answer.receivedAt);
    expect(clock.at(local) - (local + 2_000)).toBeGreaterThanOrEqual(0);
    expect(clock.at(local) - (local + 2_000)).toBeLessThanOrEqual(1_060);
  });

  it('uses the local clock until Cliq has answered, and ignores a missing or unreadable Date header', () => {
    const local = 1_700_000_000_400;
    const clock = createServerClock();
    expect(clock.at(local)).toBe(local);
    clock.observe(null, local, local);
    clock.observe('not a date', local, local);
    expect(clock.at(local)).toBe(local);
    expect(clock.earliest(local)).toBe(local);
  });

  it("stamps a list's view on Cliq's clock when the computer's lags ten minutes behind", async () => {
    const sandbox = await startSandbox({ seed: 'default', startTime: Date.now() + 600_000 });
    try {
      const client = createCliqClient({ apiBase: () => sandbox.url, getToken: async () => sandbox.token });
      const [chatId] = sandbox.state.pins.keys();
      const before = sandbox.clock.now();
      // Even the first read: its own answer tells Cliq's time (the earliest it can have been at the send).
      const { view } = await client.call('listPinnedMessages', { chatId: chatId as string });
      const after = sandbox.clock.now();
      expect(view.lastSyncTime).toBeLessThanOrEqual(after);
      expect(view.lastSyncTime).toBeGreaterThanOrEqual(before - 1_000 - (after - before));
    } finally {
      await sandbox.stop();
    }
  });
});
