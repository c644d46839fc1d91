import { describe, expect, it } from 'vitest';
import { createServerClock } from '../../../lib/cliq/server-clock';
import { scriptedClient } from './scripted-fetch';

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
    const serverTime = 1_700_000_600_000;
    const { client } = scriptedClient([{ json: { data: [] }, headers: { date: httpDate(serverTime) } }]);
    // Even the first read: its own answer tells Cliq's time.
    const { view } = await client.call('listPinnedMessages', { chatId: 'CT_1_1' });
    expect(Math.abs(view.lastSyncTime - serverTime)).toBeLessThanOrEqual(1_000);
  });
});
