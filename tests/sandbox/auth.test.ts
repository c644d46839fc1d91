import { describe, expect, it } from 'vitest';
import { grants } from './auth';
import { useSandbox } from './helpers';
import { ROUTES } from './routes';

const { sandbox, call } = useSandbox();
const fill = (template: string) => template.replace(/\{[A-Z_0-9]+\}/g, 'x');

describe('authentication', () => {
  it('answers 401 without a token, with an unknown token and with an expired token', async () => {
    for (const token of [null, 'not-a-token']) {
      const res = await call('GET', '/v3/pin-categories', { token });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ message: expect.any(String) });
    }
    const shortLived = sandbox().issueToken({ expiresInMs: 1000 });
    expect((await call('GET', '/v3/pin-categories', { token: shortLived })).status).toBe(200);
    sandbox().clock.advance(1000);
    expect((await call('GET', '/v3/pin-categories', { token: shortLived })).status).toBe(401);
  });

  it('accepts both Bearer and Zoho-oauthtoken headers', async () => {
    for (const scheme of ['Bearer', 'Zoho-oauthtoken']) {
      const res = await call('GET', '/v3/pin-categories', { authorization: `${scheme} ${sandbox().token}` });
      expect(res.status).toBe(200);
    }
  });
});

describe('scopes', () => {
  it('answers 403 on every route for a token without scopes', async () => {
    const token = sandbox().issueToken({ scopes: [] });
    for (const route of ROUTES) {
      const res = await call(route.method, fill(route.template), { token });
      expect(res.status, `${route.method} ${route.template}`).toBe(403);
      expect(res.body).toEqual({ message: expect.any(String) });
    }
  });

  it('lets each route through with exactly its documented scope', async () => {
    for (const route of ROUTES) {
      const token = sandbox().issueToken({ scopes: [route.scopes[0] as string] });
      const res = await call(route.method, fill(route.template), { token });
      expect([401, 403], `${route.method} ${route.template}`).not.toContain(res.status);
    }
  });

  it('compares scopes case-insensitively and honours Group.ALL', () => {
    const token = { value: 't', scopes: ['zohocliq.chats.read', 'ZohoCliq.Messages.ALL'] };
    expect(grants(token, 'ZohoCliq.Chats.READ')).toBe(true);
    expect(grants(token, 'ZohoCliq.Chats.UPDATE')).toBe(false);
    expect(grants(token, 'ZohoCliq.Messages.DELETE')).toBe(true);
  });

  it('answers 403 for pin reads with a token holding only write scopes', async () => {
    const token = sandbox().issueToken({ scopes: ['ZohoCliq.Chats.CREATE', 'ZohoCliq.Chats.DELETE'] });
    const chat = [...sandbox().state.pins.keys()][0] as string;
    expect((await call('GET', `/v3/chats/${chat}/pin-messages`, { token })).status).toBe(403);
    expect(
      (await call('DELETE', `/v3/chats/${chat}/pin-messages`, { token, body: { message_ids: ['1_1'] } })).status,
    ).not.toBe(403);
  });
});

describe('unknown paths and methods', () => {
  it('answers 404 for unknown API paths and 405 with Allow for a wrong method on a known path', async () => {
    expect((await call('GET', '/v3/nothing-here')).status).toBe(404);
    const wrong = await call('PATCH', '/v3/pin-categories');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, POST, DELETE');
    expect((await call('GET', '/v2/chats/x/mute')).status).toBe(405);
  });

  it('logs every API call with its template, status and code', async () => {
    sandbox().clearRequests();
    await call('GET', '/v3/pin-categories?include_fields=chats');
    await call('DELETE', '/v3/pin-categories/default');
    await call('GET', '/v3/pin-categories', { token: null });
    expect(sandbox().requests()).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/api/v3/pin-categories',
        template: '/v3/pin-categories',
        status: 200,
        query: { include_fields: 'chats' },
      }),
      expect.objectContaining({
        method: 'DELETE',
        template: '/v3/pin-categories/{CATEGORY_ID}',
        status: 400,
        code: 'operation_not_allowed',
      }),
      expect.objectContaining({ status: 401, template: '/v3/pin-categories' }),
    ]);
  });
});
