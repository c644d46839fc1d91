import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBudgetLedger } from '../../../lib/budget/ledger';
import type { Budget } from '../../../lib/cliq';
import { freshDb, reserveOne } from './harness';
import { ManualClock } from './sandbox-cliq';

const MINUTE = 60_000;
const budget = (perMinute: number): Budget => ({
  key: 'DELETE /v3/chats/{CHAT_ID}/pin-messages',
  perMinute,
  lockMs: 5 * MINUTE,
});

async function setup(minuteMs = MINUTE) {
  const clock = new ManualClock(0);
  const db = await freshDb();
  return { clock, db, ledger: createBudgetLedger(db, { clock, minuteMs, bootId: 'first' }) };
}

describe('budget ledger', () => {
  it('allows the documented number per rolling window and says when the next slot opens', async () => {
    const { clock, ledger } = await setup();
    for (let i = 0; i < 3; i++) {
      const slot = await reserveOne(ledger, budget(3));
      if (!slot.ok) throw new Error('expected a slot');
      clock.advance(1_000);
      await ledger.settle(slot.entryId);
    }
    // Settled at 1s, 2s, 3s: the first leaves the window at 61s.
    expect(await reserveOne(ledger, budget(3))).toEqual({ ok: false, retryAt: 61_000 });
    clock.time = 60_999;
    expect((await reserveOne(ledger, budget(3))).ok).toBe(false);
    clock.time = 61_000;
    expect((await reserveOne(ledger, budget(3))).ok).toBe(true);
  });

  it('counts a request until a window after its answer, not after its send', async () => {
    const { clock, ledger } = await setup();
    const slow = await reserveOne(ledger, budget(1));
    if (!slow.ok) throw new Error('expected a slot');
    clock.time = 50_000;
    await ledger.settle(slow.entryId);
    // Sent at 0 but answered at 50s: it may have arrived at 50s, so it counts until 110s.
    clock.time = 60_000;
    expect(await reserveOne(ledger, budget(1))).toEqual({ ok: false, retryAt: 110_000 });
  });

  it('reserves as many of several requests as there are free slots, and says when the rest may go', async () => {
    const { clock, ledger } = await setup();
    const first = await reserveOne(ledger, budget(3));
    if (!first.ok) throw new Error('expected a slot');
    clock.time = 1_000;
    await ledger.settle(first.entryId);
    const taken = await ledger.reserveMany(budget(3), 5);
    // One slot is used until 61s, so two of the five go now, each with its own entry, and the third waits for it.
    expect(taken.entryIds).toHaveLength(2);
    expect(new Set(taken.entryIds).size).toBe(2);
    expect(taken.retryAt).toBe(61_000);
    expect(await reserveOne(ledger, budget(3))).toEqual({ ok: false, retryAt: 61_000 });
    expect(await ledger.reserveMany(budget(3), 0)).toEqual({ entryIds: [] });
  });

  it('frees a slot a window after its answer, even when its write waits for other writes', async () => {
    const { clock, ledger } = await setup();
    const a = await reserveOne(ledger, budget(2));
    const b = await reserveOne(ledger, budget(2));
    if (!a.ok || !b.ok) throw new Error('expected two slots');
    clock.time = 5_000;
    const settled = [ledger.settle(a.entryId), ledger.settle(b.entryId)];
    clock.time = 9_000;
    await Promise.all(settled);
    expect(await ledger.nextSlotAt(budget(2))).toBe(65_000);
  });

  it('counts a request still in flight however old it is', async () => {
    const { clock, ledger } = await setup();
    await reserveOne(ledger, budget(1));
    clock.time = 10 * MINUTE;
    const refused = await reserveOne(ledger, budget(1));
    expect(refused.ok).toBe(false);
  });

  it('treats requests in flight when the worker died as arriving at restart', async () => {
    const { clock, db, ledger } = await setup();
    await reserveOne(ledger, budget(2));
    await reserveOne(ledger, budget(2));
    clock.time = 10_000;
    const restarted = createBudgetLedger(db, { clock, minuteMs: MINUTE, bootId: 'second' });
    expect(await reserveOne(restarted, budget(2))).toEqual({ ok: false, retryAt: 70_000 });
    clock.time = 70_000;
    expect((await reserveOne(restarted, budget(2))).ok).toBe(true);
  });

  it('locks a budget for its lock period scaled to the minute, across restarts', async () => {
    const { clock, db, ledger } = await setup(1_000);
    const lockedUntil = await ledger.lockOut(budget(20));
    expect(lockedUntil).toBe(5_000);
    const restarted = createBudgetLedger(db, { clock, minuteMs: 1_000, bootId: 'second' });
    expect(await reserveOne(restarted, budget(20))).toEqual({ ok: false, retryAt: 5_000 });
    expect(await restarted.nextSlotAt(budget(20))).toBe(5_000);
    clock.time = 5_000;
    expect((await reserveOne(restarted, budget(20))).ok).toBe(true);
  });

  it('leaves part of a budget to user actions when background reads fill it', async () => {
    const { ledger } = await setup();
    let background = 0;
    while ((await reserveOne(ledger, budget(20), 'background')).ok) background += 1;
    let user = 0;
    while ((await reserveOne(ledger, budget(20), 'user')).ok) user += 1;
    expect({ background, user }).toEqual({ background: 15, user: 5 });
  });

  it('never lets more than N requests arrive in any rolling window, whatever the latencies', async () => {
    // Requests arrive at some moment between send and answer; the ledger only knows those two times.
    const request = fc.record({
      gap: fc.integer({ min: 0, max: 20_000 }),
      latency: fc.integer({ min: 0, max: 90_000 }),
      arrival: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(request, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        async (requests, limit) => {
          const { clock, ledger } = await setup();
          const arrivals: number[] = [];
          const inFlight: { entryId: number; sentAt: number; answerAt: number; arrival: number }[] = [];
          for (const r of requests) {
            clock.advance(r.gap);
            // Answers due by now are settled first, in time order.
            for (const f of inFlight.filter((f) => f.answerAt <= clock.now()).sort((a, b) => a.answerAt - b.answerAt)) {
              const now = clock.now();
              clock.time = f.answerAt;
              await ledger.settle(f.entryId);
              clock.time = now;
              arrivals.push(f.sentAt + (f.answerAt - f.sentAt) * f.arrival);
              inFlight.splice(inFlight.indexOf(f), 1);
            }
            const slot = await reserveOne(ledger, { key: 'b', perMinute: limit, lockMs: 0 });
            if (slot.ok)
              inFlight.push({
                entryId: slot.entryId,
                sentAt: clock.now(),
                answerAt: clock.now() + r.latency,
                arrival: r.arrival,
              });
          }
          for (const f of inFlight) arrivals.push(f.sentAt + (f.answerAt - f.sentAt) * f.arrival);
          arrivals.sort((a, b) => a - b);
          for (const [i, t] of arrivals.entries()) {
            const inWindow = arrivals.filter((a) => a > t - MINUTE && a <= t).length;
            expect(inWindow, `window ending at arrival ${i}`).toBeLessThanOrEqual(limit);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
