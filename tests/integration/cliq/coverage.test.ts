import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { endpoints } from '../../../lib/cliq/endpoints/index';

/** Every operation must be proven against the sandbox by some test that checks the route it reached. */
describe('contract coverage', () => {
  const dir = new URL('.', import.meta.url);
  const sources = readdirSync(dir)
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => readFileSync(new URL(name, dir), 'utf8'))
    .join('\n');

  it.each(Object.keys(endpoints))('%s is called against the sandbox', (op) => {
    expect(sources).toContain(`h.expectRoute('${op}')`);
  });
});
