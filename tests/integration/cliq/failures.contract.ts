import { describe, expect, it } from 'vitest';
import { failureOf, useSandbox } from './harness';

const h = useSandbox();

describe('sign-in failures', () => {
  it('reports an unknown token as auth', async () => {
    const client = h.clientWith({ getToken: async () => 'not-a-token' });
    const error = await failureOf(client.call('listFolders', {}));
    expect(error).toMatchObject({ kind: 'auth', status: 401, operation: 'listFolders' });
  });

  it('reports an expired token as auth', async () => {
    const token = h.sb().issueToken({ expiresInMs: 60_000 });
    const client = h.clientWith({ getToken: async () => token });
    await client.call('listFolders', {});
    h.sb().clock.advance(61_000);
    expect((await failureOf(client.call('listFolders', {}))).kind).toBe('auth');
  });

  it('reports a token without the operation’s scope as forbidden', async () => {
    const token = h.sb().issueToken({ scopes: ['ZohoCliq.Chats.READ'] });
    const client = h.clientWith({ getToken: async () => token });
    await client.call('listFolders', {});
    const error = await failureOf(client.call('createFolder', { title: 'Nope' }));
    expect(error).toMatchObject({ kind: 'forbidden', status: 403 });
  });
});

describe('rate limits', () => {
  it('reports the 21st folder read in a minute, and reads during the lock, as rateLimited', async () => {
    for (let i = 0; i < 20; i++) await h.client().call('listFolders', { include: [] });
    expect(await failureOf(h.client().call('listFolders', {}))).toMatchObject({ kind: 'rateLimited', status: 429 });
    h.sb().clock.advance(2 * 60_000);
    expect((await failureOf(h.client().call('listFolders', {}))).kind).toBe('rateLimited');
  });

  it('reports the 400 request_limit_exceeded variant as rateLimited', async () => {
    h.sb().setFaults('limit=400');
    for (let i = 0; i < 20; i++) await h.client().call('listFolders', { include: [] });
    const error = await failureOf(h.client().call('listFolders', {}));
    expect(error).toMatchObject({ kind: 'rateLimited', status: 400, code: 'request_limit_exceeded' });
  });

  it('shares one budget between the four folder PUTs', async () => {
    const folder = h.folders()[1]?.id as string;
    for (let i = 0; i < 50; i++) {
      await h.client().call('updateFolder', { categoryId: folder, state: i % 2 ? 'expanded' : 'collapsed' });
    }
    const { view } = await h.client().call('listFolders', {});
    h.sb().clock.advance(10);
    const error = await failureOf(h.client().call('moveFolder', { categoryId: folder, basedOn: view }));
    expect(error.kind).toBe('rateLimited');
  });
});

describe('transport failures', () => {
  it('reports a server error as transient', async () => {
    h.sb().setFaults('5xx=1');
    const error = await failureOf(h.client().call('listFolders', {}));
    expect(error.kind).toBe('transient');
    expect([500, 503]).toContain(error.status);
  });

  it('reports a dropped connection as transient', async () => {
    h.sb().setFaults('drop=1');
    expect((await failureOf(h.client().call('listFolders', {}))).kind).toBe('transient');
  });

  it('reports a simulated documented failure as invalid with its code', async () => {
    h.sb().setFaults('fail=1');
    expect(await failureOf(h.client().call('listFolders', {}))).toMatchObject({
      kind: 'invalid',
      code: 'operation_failed',
    });
  });

  it('gives up on a slow answer at the time-out', async () => {
    h.sb().setFaults('latency=1500');
    const client = h.clientWith({ timeoutMs: 200 });
    const error = await failureOf(client.call('listFolders', {}));
    expect(error.kind).toBe('transient');
    expect(error.message).toMatch(/did not answer within/);
  });

  it('gives up on a body that trickles past the time-out', async () => {
    h.sb().setFaults('slow=1,slowms=1500');
    const client = h.clientWith({ timeoutMs: 300 });
    expect((await failureOf(client.call('listFolders', {}))).kind).toBe('transient');
  });
});

describe('answers that break the documented shape', () => {
  it('reports a truncated or garbled body as malformed', async () => {
    for (const seed of [1, 2, 3, 4]) {
      h.sb().setFaults(`malformed=1,seed=${seed}`);
      const error = await failureOf(h.client().call('listFolders', {}));
      expect(error.kind).toBe('malformed');
      expect(error.message).toMatch(/not JSON/);
    }
  });

  it('names the field when the body is JSON of the wrong shape', async () => {
    const problems: string[] = [];
    for (let seed = 1; seed <= 12; seed++) {
      h.sb().reset('default');
      h.sb().setFaults(`schema=1,seed=${seed}`);
      const error = await failureOf(h.client().call('listFolders', {}));
      expect(error.kind).toBe('malformed');
      expect(error.field).toMatch(/^data/);
      expect(error.message).toContain(`we don't understand: ${error.field} `);
      problems.push(error.message);
    }
    // Both corruptions the seeds produce are named: an id taken away, and an id turned into a number.
    expect(problems.some((p) => /data\[\d+\]\.category_id is missing/.test(p))).toBe(true);
    expect(problems.some((p) => /data\[\d+\]\.category_id should be a string/.test(p))).toBe(true);
  });

  it('tells the user a write with a broken answer probably landed', async () => {
    h.sb().setFaults('schema=1,seed=3');
    const error = await failureOf(h.client().call('createFolder', { title: 'Landed anyway' }));
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/probably made/);
    expect(h.folders().some((f) => f.title === 'Landed anyway')).toBe(true);
  });
});
