import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { IDENTITY_SCOPE, SCOPES } from '../../../lib/auth/oauth';
import { createCliqClient } from '../../../lib/cliq/client';
import { endpoints, type OperationName } from '../../../lib/cliq/endpoints/index';
import { endpointFor, PRODUCT_OPERATIONS, scopesFor } from '../../../lib/cliq/endpoints/product';

/** Product code outside the wire layer: anything here that names an operation calls it (queue, sync, pages). */
const PRODUCT_ROOTS = ['lib', 'components', 'entrypoints'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === join('lib', 'cliq') ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every operation name written as a string literal in product code, with the files that name it. */
function operationsNamedInSource(): Map<OperationName, string[]> {
  const names = new Set(Object.keys(endpoints));
  const found = new Map<OperationName, string[]>();
  for (const file of PRODUCT_ROOTS.flatMap(sourceFiles)) {
    for (const [, name] of readFileSync(file, 'utf8').matchAll(/'([a-zA-Z]+)'/g)) {
      if (name && names.has(name))
        found.set(name as OperationName, [...(found.get(name as OperationName) ?? []), file]);
    }
  }
  return found;
}

describe('the scopes sign-in asks for', () => {
  it('are exactly the scopes of the operations the product calls, plus who the user is', () => {
    expect([...SCOPES].sort()).toEqual([...scopesFor(PRODUCT_OPERATIONS), IDENTITY_SCOPE].sort());
  });

  it('cover every operation product code names (a new call without its scope fails here)', () => {
    const missing = [...operationsNamedInSource()]
      .filter(
        ([op]) => !(PRODUCT_OPERATIONS as readonly string[]).includes(op) || !SCOPES.includes(endpoints[op].scope),
      )
      .map(([op, files]) => `${op} (${endpoints[op].scope}) in ${[...new Set(files)].join(', ')}`);
    expect(missing).toEqual([]);
  });

  it('ask for nothing the product never calls', () => {
    const named = operationsNamedInSource();
    const unused = PRODUCT_OPERATIONS.filter((op) => !named.has(op));
    expect(unused).toEqual([]);
  });

  it('detects a disagreement: an operation outside the list names a scope sign-in does not ask for', () => {
    // postToChat needs Webhooks.CREATE, which no product feature uses: were a feature to call it, the check above fails.
    expect(SCOPES).not.toContain(endpoints.postToChat.scope);
    expect(scopesFor([...PRODUCT_OPERATIONS, 'postToChat'], endpoints)).toContain('ZohoCliq.Webhooks.CREATE');
  });
});

describe('the product part of the endpoint table', () => {
  it('holds each product operation exactly as the catalogue defines it', () => {
    for (const op of PRODUCT_OPERATIONS) expect(endpointFor(op), op).toBe(endpoints[op]);
  });

  it('is all a client made without a table may call: anything else fails before a request', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const client = createCliqClient({ apiBase: () => 'https://cliq.zoho.com', getToken: async () => 'token', fetch });
    await expect(client.call('postToChat', { chatId: 'CT_1_2', text: 'hi' } as never)).rejects.toThrow(
      'postToChat is not an operation this client may call',
    );
    expect(fetch).not.toHaveBeenCalled();
  });
});
