import { describe, expect, it } from 'vitest';
import { Faults, formatFaults, parseFaults } from './faults';
import { useSandbox } from './helpers';
import { ROUTES } from './routes';

const { sandbox, call } = useSandbox();
const raw = (path: string, init: RequestInit = {}) =>
  fetch(`${sandbox().url}/api${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${sandbox().token}`, 'Content-Type': 'application/json' },
  });

describe('fault spec', () => {
  it('parses the documented grammar and prints it back', () => {
    const spec = parseFaults(
      '5xx=0.2,drop=0.1,latency=100,jitter=50,slow=0.05,malformed=0.1,schema=0.1,limit=400,seed=42',
    );
    expect(spec).toEqual({
      '5xx': 0.2,
      drop: 0.1,
      latency: 100,
      jitter: 50,
      slow: 0.05,
      malformed: 0.1,
      schema: 0.1,
      limit: 400,
      seed: 42,
    });
    expect(parseFaults(formatFaults(spec))).toEqual(spec);
    expect(parseFaults('none')).toEqual({});
    expect(parseFaults({ fail: 0.5, slowms: 10 })).toEqual({ fail: 0.5, slowms: 10 });
  });

  it('rejects unknown keys, bad values and ratios that sum above 1', () => {
    for (const bad of [
      'boom=1',
      '5xx=2',
      'latency=-1',
      'limit=500',
      'seed=x',
      'drop',
      '5xx=0.6,drop=0.6',
      'slow=0.5,schema=0.6',
    ]) {
      expect(() => parseFaults(bad), bad).toThrow();
    }
  });

  it('replays the same faults for the same seed', () => {
    const plans = () => {
      const faults = new Faults();
      faults.set('5xx=0.3,drop=0.2,malformed=0.3,jitter=100,seed=7');
      return Array.from({ length: 50 }, () => {
        const { detail: _detail, ...plan } = faults.plan(0.5);
        return plan;
      });
    };
    const first = plans();
    expect(plans()).toEqual(first);
    expect(new Set(first.map((p) => p.outcome))).toEqual(new Set(['ok', '5xx', 'drop']));
  });
});

describe('faults on /api', () => {
  it('with only=, hits that route and no other', async () => {
    sandbox().setFaults('fail=1,only=GET /v3/pin-categories');
    expect((await raw('/v3/pin-categories')).status).toBe(400);
    expect((await raw('/v3/chats')).status).toBe(200);
    expect(() => sandbox().setFaults('fail=1,only=pin-categories')).toThrow(/METHOD \/template/);
  });

  it('drops the connection without a response', async () => {
    sandbox().setFaults('drop=1');
    await expect(raw('/v3/pin-categories')).rejects.toThrow();
    expect(sandbox().requests().at(-1)).toMatchObject({ status: 0, fault: 'drop' });
  });

  it("answers 5xx, or the operation's documented failure code with fail", async () => {
    sandbox().setFaults('5xx=1');
    const server = await call('GET', '/v3/pin-categories');
    expect([500, 503]).toContain(server.status);
    expect(server.body).toEqual({ message: expect.any(String) });
    sandbox().setFaults('fail=1');
    expect((await call('GET', '/v3/pin-categories')).body.code).toBe('operation_failed');
    const chat = sandbox().state.folders[1]?.chatIds[0] as string;
    expect((await call('POST', `/v3/chats/${chat}/pins`)).body.code).toBe('chat_operation_failed');
  });

  it("answers every route's documented generic failure code with fail=1", async () => {
    sandbox().setFaults('fail=1');
    const chat = sandbox().state.folders[1]?.chatIds[0] as string;
    for (const route of ROUTES) {
      const path = route.template.replace('{CHAT_ID}', chat).replace(/\{[A-Z_]+\}/g, 'x');
      const res = await call(route.method, path, { body: route.method === 'GET' ? undefined : {} });
      expect(res.status, `${route.method} ${route.template}`).toBe(400);
      expect(res.body.code, `${route.method} ${route.template}`).toBe(route.failCode ?? 'operation_failed');
    }
  });

  it('sends malformed JSON, schema-violating JSON and slow bodies', async () => {
    const normal = await (await raw('/v3/pin-categories?include_fields=chats')).json();
    sandbox().setFaults('malformed=1');
    const broken = await raw('/v3/pin-categories?include_fields=chats');
    expect(broken.status).toBe(200);
    await expect(broken.json()).rejects.toThrow();
    sandbox().setFaults('schema=1,seed=3');
    for (let i = 0; i < 3; i++) {
      const odd = await (await raw('/v3/pin-categories?include_fields=chats')).json();
      expect(odd).not.toEqual(normal);
    }
    sandbox().setFaults('slow=1,slowms=300');
    const slow = await raw('/v3/pin-categories?include_fields=chats');
    // A trickled body arrives in pieces, and whole.
    const pieces: Uint8Array[] = [];
    for await (const piece of slow.body as unknown as AsyncIterable<Uint8Array>) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(1);
    expect(JSON.parse(Buffer.concat(pieces).toString('utf8'))).toEqual(normal);
    expect(sandbox().requests().at(-1)).toMatchObject({ status: 200, fault: 'slow' });
  });

  it('leaves bodiless answers alone and adds latency', async () => {
    sandbox().setFaults('malformed=1,latency=150');
    const res = await call('DELETE', '/v3/pin-categories?chat_ids=CT_0_none');
    expect(res.status).toBe(204);
    expect(sandbox().requests().at(-1)).toMatchObject({ status: 204, delayMs: 150 });
  });

  it('counts faulted calls against the rate budget', async () => {
    sandbox().setFaults('5xx=1');
    for (let i = 0; i < 20; i++) await call('GET', '/v3/pin-categories');
    sandbox().setFaults(null);
    expect((await call('GET', '/v3/pin-categories')).status).toBe(429);
  });

  it('applies some lost writes and not others: the outcome is unknown to the client', async () => {
    sandbox().setFaults('5xx=0.5,drop=0.5,seed=42');
    const titles = Array.from({ length: 16 }, (_, i) => `lost-${i}`);
    for (const title of titles)
      await raw('/v3/pin-categories', { method: 'POST', body: JSON.stringify({ title }) }).catch(() => undefined);
    const applied = sandbox().state.folders.filter((f) => titles.includes(f.title)).length;
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThan(titles.length);
  });

  it('never touches control endpoints or the web app', async () => {
    sandbox().setFaults('drop=1');
    expect((await fetch(`${sandbox().url}/__sandbox/info`)).status).toBe(200);
    expect((await fetch(`${sandbox().url}/company/${sandbox().orgId}/chats`, { redirect: 'manual' })).status).toBe(302);
  });
});
