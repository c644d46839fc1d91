import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { POLYFILL_CALLS, polyfillAsModule, trimPolyfillMetadata } from '../../../build/polyfill-metadata';

const polyfillSource = () =>
  readFile(createRequire(import.meta.url).resolve('webextension-polyfill/dist/browser-polyfill.js'), 'utf8');

type Table = { [key: string]: Table };

/** The metadata table of a polyfill source, as the polyfill reads it. */
const tableOf = (code: string) => JSON.parse(code.match(/const apiMetadata = (\{[\s\S]*?\});/)?.[1] ?? 'null') as Table;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.tsx?$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

/** `browser.tabs.query(…)` → `['tabs', 'query']`, across line breaks and comments; a namespace used alone (an alias) ends there. */
async function calledPaths(): Promise<string[][]> {
  const files = (await Promise.all(['lib', 'components', 'entrypoints'].map(sourceFiles))).flat();
  const paths: string[][] = [];
  // A dot between names, with spaces, line breaks and line comments around it.
  const dot = String.raw`(?:\s|//[^\n]*)*\??\.(?:\s|//[^\n]*)*`;
  for (const file of files) {
    for (const [chain] of (await readFile(file, 'utf8')).matchAll(new RegExp(String.raw`\bbrowser(?:${dot}\w+)+`, 'g')))
      paths.push(chain.split(new RegExp(dot)).slice(1));
  }
  return paths;
}

const at = (table: Table, path: string[]) => path.reduce<Table | undefined>((t, key) => t?.[key], table);

/**
 * What of the table a call uses: a method's metadata, or, for a namespace used alone (an alias), all of it. A call
 * the table lacks (`i18n.getMessage`, events) is not wrapped and needs nothing.
 */
function usedOf(table: Table, path: string[]): string[] {
  for (let n = 1; n <= path.length; n++) {
    const here = at(table, path.slice(0, n));
    if (!here) return [];
    if ('minArgs' in here) return path.slice(0, n);
  }
  return path;
}

describe('the polyfill metadata the build keeps', () => {
  it('covers every call the extension makes that the polyfill wraps', async () => {
    const full = tableOf(await polyfillSource());
    const trimmed = tableOf(trimPolyfillMetadata(await polyfillSource()));
    const paths = await calledPaths();
    expect(paths.some((p) => p.join('.') === 'tabs.query')).toBe(true);
    const missing = paths
      .map((path) => usedOf(full, path))
      .filter((used) => used.length > 0 && JSON.stringify(at(trimmed, used)) !== JSON.stringify(at(full, used)))
      .map((used) => used.join('.'));
    expect([...new Set(missing)]).toEqual([]);
  });

  it('cuts the table to those calls and leaves their metadata as it was', async () => {
    const source = await polyfillSource();
    const full = tableOf(source);
    const trimmed = tableOf(trimPolyfillMetadata(source));
    for (const path of POLYFILL_CALLS) expect(at(trimmed, path.split('.')), path).toEqual(at(full, path.split('.')));
    expect(Object.keys(trimmed.tabs ?? {}).sort()).toEqual(['create', 'query', 'sendMessage', 'update']);
    expect(JSON.stringify(trimmed).length).toBeLessThan(JSON.stringify(full).length / 4);
  });

  it('fails the build when a polyfill update moves the table', () => {
    expect(() => trimPolyfillMetadata('const somethingElse = {};')).toThrow(/apiMetadata table was not found/);
  });
});

describe('the polyfill as an ES module', () => {
  it('exports the browser API as its default, as the UMD build gave it to CommonJS', async () => {
    const code = polyfillAsModule(trimPolyfillMetadata(await polyfillSource()));
    const api = { runtime: { id: 'cliq-pins' } };
    vi.stubGlobal('chrome', api);
    vi.stubGlobal('browser', api);
    try {
      const module = await import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(code)}`);
      expect(module.default).toBe(api);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('fails the build when a polyfill update changes its wrapper', () => {
    expect(() => polyfillAsModule('module.exports = {};')).toThrow(/UMD wrapper changed/);
  });
});
