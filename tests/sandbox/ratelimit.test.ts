import { describe, expect, it } from 'vitest';
import { START, useSandbox } from './helpers';
import { startSandbox } from './index';
import { ruleKey } from './router';
import { ROUTES } from './routes';
import { RATE_LIMITS } from './rules';

/** Tests jump the sandbox clock by whole minutes, so the milliseconds that really pass do not matter. */
const MINUTE = 60_000;
const { sandbox, call } = useSandbox();
const list = () => call('GET', '/v3/pin-categories');

async function burst(n: number, request: () => Promise<{ status: number }>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await request()).status);
  return statuses;
}

describe('rate limits', () => {
  it('has a rule for every route and a route for every rule', () => {
    expect(new Set(ROUTES.map(ruleKey))).toEqual(new Set(Object.keys(RATE_LIMITS)));
  });

  it('answers 429 to the (N+1)-th call in a minute, stays locked for the lock period, then recovers', async () => {
    const clock = sandbox().clock;
    expect(await burst(20, list)).toEqual(Array(20).fill(200));
    const over = await list();
    expect(over.status).toBe(429);
    expect(over.body).toEqual({ message: expect.any(String) });
    clock.advance(4 * MINUTE);
    expect((await list()).status).toBe(429);
    clock.advance(MINUTE - 1000);
    expect((await list()).status).toBe(429);
    clock.advance(2000);
    // Calls during the lock were not counted: the whole budget is available again.
    expect(await burst(20, list)).toEqual(Array(20).fill(200));
    expect((await list()).status).toBe(429);
  });

  it('counts calls in a rolling window', async () => {
    const clock = sandbox().clock;
    expect(await burst(10, list)).toEqual(Array(10).fill(200));
    clock.advance(MINUTE / 2);
    expect(await burst(10, list)).toEqual(Array(10).fill(200));
    clock.advance(MINUTE / 2 + 100);
    // The first ten left the window; the second ten are still in it.
    expect(await burst(10, list)).toEqual(Array(10).fill(200));
    expect((await list()).status).toBe(429);
  });

  it('keeps budgets per method and template, with one budget for the four folder PUTs', async () => {
    await burst(21, list);
    expect((await list()).status).toBe(429);
    const folder = sandbox().state.folders[1]?.id as string;
    const put = (body: object) => call('PUT', `/v3/pin-categories/${folder}`, { body });
    const now = () => sandbox().clock.now();
    const chat = sandbox().state.folders[1]?.chatIds[0] as string;
    const bodies = [
      () => ({ title: 'Renamed' }),
      () => ({ chat_id: chat, last_sync_time: now() }),
      () => ({ last_sync_time: now() }),
      () => ({ chat_ids: [chat], last_sync_time: now() }),
    ];
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) statuses.push((await put((bodies[i % 4] as () => object)())).status);
    expect(statuses).toEqual(Array(50).fill(204));
    expect((await put({ title: 'One more' })).status).toBe(429);
    expect((await call('POST', '/v3/pin-categories', { body: { title: 'Still fine' } })).status).toBe(200);
  });

  it('shares the budget between tokens of the same user', async () => {
    const other = sandbox().issueToken();
    await burst(10, list);
    await burst(10, () => call('GET', '/v3/pin-categories', { token: other }));
    expect((await list()).status).toBe(429);
  });

  it('scales the window and the lock with minuteMs', async () => {
    const fast = await startSandbox({ startTime: START, minuteMs: 1000 });
    try {
      const get = () =>
        fetch(`${fast.url}/api/v3/pin-categories`, { headers: { Authorization: `Bearer ${fast.token}` } });
      expect(await burst(20, get)).toEqual(Array(20).fill(200));
      expect((await get()).status).toBe(429);
      fast.clock.advance(4500);
      expect((await get()).status).toBe(429);
      fast.clock.advance(600);
      expect((await get()).status).toBe(200);
    } finally {
      await fast.stop();
    }
  });

  it('answers 400 request_limit_exceeded instead of 429 with the limit=400 fault', async () => {
    sandbox().setFaults('limit=400');
    await burst(20, list);
    const res = await list();
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ message: expect.any(String), code: 'request_limit_exceeded' });
  });
});
