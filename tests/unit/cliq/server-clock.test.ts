import { describe, expect, it } from 'vitest';
import { createCliqClient } from '../../../lib/cliq/client';
import { createServerClock } from '../../../lib/cliq/server-clock';
import { startSandbox } from '../../sandbox';

const httpDate = (ms: number) => new Date(ms).toUTCString();

describe("Cliq's clock, as views are stamped on it", () => {
  it('follows a server clock that is minutes ahead, to within the header resolution', () => {
    let local = 1_700_000_000_000;
    const clock = createServerClock(() => local);
    clock.observe(httpDate(local + 300_000), local - 50, local + 50);
    expect(Math.abs(clock.now() - (local + 300_000))).toBeLessThanOrEqual(1_000);
    local += 10_000;
    expect(Math.abs(clock.now() - (local + 300_000))).toBeLessThanOrEqual(1_000);
  });

  it('keeps the local clock when the skew is within the header resolution, or the header is missing', () => {
    const local = 1_700_000_000_400;
    const clock = createServerClock(() => local);
    clock.observe(httpDate(local + 900), local, local);
    expect(clock.now()).toBe(local);
    clock.observe(null, local, local);
    clock.observe('not a date', local, local);
    expect(clock.now()).toBe(local);
  });

  it("keeps Cliq's time in whole milliseconds, as views are sent back as integer epoch ms", () => {
    const local = 1_700_000_000_000;
    const clock = createServerClock(() => local);
    // An odd round trip puts its midpoint on half a millisecond.
    clock.observe(httpDate(local + 300_000), local, local + 1);
    expect(Number.isInteger(clock.now())).toBe(true);
    expect(Number.isInteger(clock.at(local + 7))).toBe(true);
  });

  it("stamps a list's view with Cliq's time when the computer's clock lags behind", async () => {
    // The sandbox's clock runs ten minutes ahead of this computer's.
    const sandbox = await startSandbox({ seed: 'default', startTime: Date.now() + 600_000 });
    try {
      const client = createCliqClient({ apiBase: () => sandbox.url, getToken: async () => sandbox.token });
      const [chatId] = sandbox.state.pins.keys();
      // Even the first read: its own answer tells Cliq's time.
      const { view } = await client.call('listPinnedMessages', { chatId: chatId as string });
      expect(Math.abs(view.lastSyncTime - sandbox.clock.now())).toBeLessThanOrEqual(1_000);
    } finally {
      await sandbox.stop();
    }
  });
});
