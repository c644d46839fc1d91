import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLYFILL_NAMESPACES, trimPolyfillMetadata } from '../../../build/polyfill-metadata';

const polyfillSource = () =>
  readFile(createRequire(import.meta.url).resolve('webextension-polyfill/dist/browser-polyfill.js'), 'utf8');

/** The metadata table of a polyfill source, as the polyfill reads it. */
const tableOf = (code: string) =>
  JSON.parse(code.match(/const apiMetadata = (\{[\s\S]*?\});/)?.[1] ?? 'null') as Record<string, unknown>;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.tsx?$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

describe('the polyfill metadata the build keeps', () => {
  it('covers every namespace the extension calls that the polyfill wraps', async () => {
    const full = tableOf(await polyfillSource());
    const files = (await Promise.all(['lib', 'components', 'entrypoints'].map(sourceFiles))).flat();
    const called = new Set<string>();
    for (const file of files) {
      for (const [, namespace] of (await readFile(file, 'utf8')).matchAll(/\bbrowser\.(\w+)/g))
        called.add(namespace as string);
    }
    expect(called.has('runtime')).toBe(true);
    const wrapped = [...called].filter((namespace) => namespace in full);
    expect(wrapped.filter((namespace) => !(POLYFILL_NAMESPACES as readonly string[]).includes(namespace))).toEqual([]);
  });

  it('cuts the table to those namespaces and leaves their metadata as it was', async () => {
    const source = await polyfillSource();
    const full = tableOf(source);
    const trimmed = tableOf(trimPolyfillMetadata(source));
    expect(Object.keys(trimmed).sort()).toEqual([...POLYFILL_NAMESPACES].sort());
    for (const namespace of POLYFILL_NAMESPACES) expect(trimmed[namespace]).toEqual(full[namespace]);
    expect(Object.keys(full).length).toBeGreaterThan(POLYFILL_NAMESPACES.length);
  });

  it('fails the build when a polyfill update moves the table', () => {
    expect(() => trimPolyfillMetadata('const somethingElse = {};')).toThrow(/apiMetadata table was not found/);
  });
});
