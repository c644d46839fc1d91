import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { MINUTE_MS } from '../../../lib/cliq/endpoints/define';
import { CLIQ_SCOPES, type Endpoint, endpoints } from '../../../lib/cliq/endpoints/index';
import { CLIQ_INVENTORY } from '../../fixtures/cliq-inventory';

const table = Object.entries(endpoints) as [string, Endpoint][];
const key = (method: string, path: string) => `${method} ${path}`;

describe('endpoint table against the documented inventory', () => {
  it.each(CLIQ_INVENTORY.map((row) => [key(row.method, row.path), row] as const))(
    '%s has an operation with the documented limit',
    (_, row) => {
      const matching = table.filter(([, e]) => e.method === row.method && e.path === row.path);
      expect(matching.length).toBeGreaterThan(0);
      for (const [, entry] of matching) {
        expect(entry.budget).toEqual({
          key: key(row.method, row.path),
          perMinute: row.perMinute,
          lockMs: Math.round(row.lockMinutes * MINUTE_MS),
        });
      }
    },
  );

  it('has no operation outside the inventory', () => {
    const documented = new Set(CLIQ_INVENTORY.map((row) => key(row.method, row.path)));
    const extra = table.filter(([, e]) => !documented.has(key(e.method, e.path))).map(([name]) => name);
    expect(extra).toEqual([]);
  });

  it('covers each operation carried in a request body', () => {
    for (const row of CLIQ_INVENTORY.filter((r) => r.operations)) {
      const bodies = table
        .filter(([, e]) => e.method === row.method && e.path === row.path)
        .map(([, e]) => e.body as z.ZodObject | undefined);
      for (const operation of row.operations ?? []) {
        const carriers = bodies.filter((body) => body?.shape.operation?.safeParse(operation).success);
        expect(carriers, `${row.method} ${row.path} operation ${operation}`).toHaveLength(1);
      }
    }
  });

  it('gives the four folder PUTs one budget of 50 a minute', () => {
    const puts = table.filter(([, e]) => e.budget.key === 'PUT /v3/pin-categories/{CATEGORY_ID}').map(([n]) => n);
    expect(puts.sort()).toEqual(['moveFolder', 'reorderChatInFolder', 'replaceFolderChats', 'updateFolder']);
  });
});

describe('every table entry', () => {
  it.each(table)('%s has a scope, a budget and schemas', (_, entry) => {
    expect(CLIQ_SCOPES).toContain(entry.scope);
    expect(entry.budget.key).toBe(key(entry.method, entry.path));
    expect(entry.budget.perMinute).toBeGreaterThan(0);
    expect(entry.budget.lockMs).toBeGreaterThan(0);
    expect(typeof entry.params.safeParse).toBe('function');
    expect(typeof entry.response.safeParse).toBe('function');
    if (entry.method === 'GET') expect(entry.body).toBeUndefined();
    expect(entry.path).toMatch(/^\/v[23]\//);
  });

  it('agrees with every other entry on the budget it shares', () => {
    const byKey = new Map<string, Endpoint['budget']>();
    for (const [, entry] of table) {
      const seen = byKey.get(entry.budget.key);
      if (seen) expect(entry.budget).toEqual(seen);
      byKey.set(entry.budget.key, entry.budget);
    }
  });
});
