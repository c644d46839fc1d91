import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { CLIQ_SCOPES, type Endpoint, endpoints } from '../../../lib/cliq/endpoints/index';
import { MINUTE_MS } from '../../../lib/cliq/endpoints/routes';
import { DOCUMENTED_OPERATIONS, type DocumentedOperation } from '../../fixtures/cliq-operations';

const table = Object.entries(endpoints) as [string, Endpoint][];
const key = (method: string, path: string) => `${method} ${path}`;
const onPath = (row: { method: string; path: string }) =>
  table.filter(([, e]) => e.method === row.method && e.path === row.path);
/** A documented row with `operations` documents one operation per value. */
const count = (row: DocumentedOperation) => row.operations?.length ?? 1;
const name = (row: DocumentedOperation) => `${key(row.method, row.path)} (${row.what}, ${row.doc})`;

describe('endpoint table against every documented operation', () => {
  it.each(DOCUMENTED_OPERATIONS.map((row) => [name(row), row] as const))(
    '%s: an entry with a scope and a budget the documentation allows',
    (_, row) => {
      const entries = onPath(row);
      expect(entries.length).toBeGreaterThan(0);
      for (const [op, entry] of entries) {
        // Never faster than documented; a lock at least as long as documented (the budget waits that long).
        if (row.perMinute !== undefined) expect(entry.budget.perMinute, op).toBe(row.perMinute);
        if (row.lockMinutes !== undefined)
          expect(entry.budget.lockMs, op).toBeGreaterThanOrEqual(Math.round(row.lockMinutes * MINUTE_MS));
      }
      const carriers = row.operations
        ? entries.filter(([, e]) => row.operations?.includes(operationOf(e) ?? ''))
        : entries;
      for (const [op, entry] of carriers) expect(row.scopes, op).toContain(entry.scope);
    },
  );

  it('has exactly one entry per documented operation on each method and path', () => {
    const documented = new Map<string, number>();
    for (const row of DOCUMENTED_OPERATIONS)
      documented.set(key(row.method, row.path), (documented.get(key(row.method, row.path)) ?? 0) + count(row));
    const ours = new Map<string, string[]>();
    for (const [op, e] of table) ours.set(key(e.method, e.path), [...(ours.get(key(e.method, e.path)) ?? []), op]);
    const mismatched = [...new Set([...documented.keys(), ...ours.keys()])]
      .filter((k) => documented.get(k) !== (ours.get(k)?.length ?? 0))
      .map((k) => `${k}: documented ${documented.get(k) ?? 0}, table ${ours.get(k)?.join(', ') ?? 'none'}`);
    expect(mismatched).toEqual([]);
  });

  it('covers each operation carried in a request body exactly once', () => {
    for (const row of DOCUMENTED_OPERATIONS.filter((r) => r.operations)) {
      for (const operation of row.operations ?? []) {
        const carriers = onPath(row).filter(([, e]) => operationOf(e) === operation);
        expect(carriers, `${row.method} ${row.path} operation ${operation}`).toHaveLength(1);
      }
    }
  });

  it('gives the entries on one method and path one shared budget (Cliq counts per template)', () => {
    for (const [, entry] of table) {
      const siblings = onPath(entry).map(([, e]) => e.budget);
      for (const budget of siblings) expect(budget).toEqual(entry.budget);
    }
  });
});

describe('every table entry', () => {
  it.each(table)('%s has a scope sign-in asks for, a budget and schemas', (_, entry) => {
    expect(CLIQ_SCOPES).toContain(entry.scope);
    expect(entry.budget.key).toBe(key(entry.method, entry.path));
    expect(entry.budget.perMinute).toBeGreaterThan(0);
    expect(entry.budget.lockMs).toBeGreaterThan(0);
    expect(typeof entry.params.safeParse).toBe('function');
    expect(typeof entry.response.safeParse).toBe('function');
    if (entry.method === 'GET') expect(entry.body).toBeUndefined();
    expect(entry.path).toMatch(/^\/v[23]\//);
  });
});

/** The body's `operation` literal, for entries that share a path and are told apart by it. */
function operationOf(entry: Endpoint): string | undefined {
  const field = (entry.body as z.ZodMiniObject | undefined)?.shape?.operation as z.ZodMiniLiteral<string> | undefined;
  const values = field?.def?.type === 'literal' ? field.def.values : undefined;
  return values?.[0] as string | undefined;
}
