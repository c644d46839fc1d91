import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IDENTITY_SCOPE, SCOPES } from '../../../lib/auth/oauth';
import { endpoints, type OperationName } from '../../../lib/cliq/endpoints/index';
import { PRODUCT_OPERATIONS, scopesFor } from '../../../lib/cliq/endpoints/product';

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
    expect(scopesFor([...PRODUCT_OPERATIONS, 'postToChat'])).toContain('ZohoCliq.Webhooks.CREATE');
  });
});
