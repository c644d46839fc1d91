import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/*
 * What each entry of a built extension loads, and what that weighs raw and gzipped: its script or page, every
 * chunk those import (statically or dynamically) and its CSS. Shared chunks count towards every entry that
 * loads them: that is what a person waits for when the entry starts. Used by the size budget (bundle-size.test.ts)
 * and the bench, so both measure the same thing.
 */

export type Entry = 'content script' | 'popup' | 'background' | 'options';

interface Manifest {
  background?: { service_worker?: string };
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  content_scripts?: { js?: string[]; css?: string[] }[];
}

export interface Measured {
  files: { file: string; raw: number; gzip: number }[];
  raw: number;
  gzip: number;
}

/** Static and dynamic imports in built modules: `from"./x.js"`, `import"./x.js"`, `import("./x.js")`. */
const IMPORT = /(?:from|import)\s*\(?\s*["']([^"']+\.js)["']/g;

async function withImports(dir: string, entries: string[]): Promise<string[]> {
  const seen = new Set<string>();
  const visit = async (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.js')) return;
    const text = await readFile(join(dir, file), 'utf8');
    for (const [, spec] of text.matchAll(IMPORT)) {
      if (!spec) continue;
      const target = spec.startsWith('/') ? spec.slice(1) : join(dirname(file), spec);
      await visit(target);
    }
  };
  for (const entry of entries) await visit(entry);
  return [...seen];
}

/** An HTML entry, the scripts, preloads and style sheets it loads, and what those import. */
async function page(dir: string, html: string): Promise<string[]> {
  const text = await readFile(join(dir, html), 'utf8');
  const refs = [...text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map(([, ref]) => ref as string);
  return withImports(dir, [html, ...refs.map((ref) => (ref.startsWith('/') ? ref.slice(1) : ref))]);
}

async function measure(dir: string, files: string[]): Promise<Measured> {
  const each = await Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(join(dir, file));
      return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    }),
  );
  return {
    files: each.sort((a, b) => b.raw - a.raw),
    raw: each.reduce((sum, f) => sum + f.raw, 0),
    gzip: each.reduce((sum, f) => sum + f.gzip, 0),
  };
}

/** Every entry of the build in `dir` (a folder such as `.output/chrome-mv3`), measured; gzip is level 9, per file. */
export async function measureEntries(dir: string): Promise<Record<Entry, Measured>> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const files: Record<Entry, string[]> = {
    'content script': await withImports(
      dir,
      (manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]),
    ),
    popup: await page(dir, manifest.action?.default_popup ?? 'popup.html'),
    background: await withImports(dir, [manifest.background?.service_worker ?? 'background.js']),
    options: await page(dir, manifest.options_ui?.page ?? 'options.html'),
  };
  const measured = await Promise.all(
    Object.entries(files).map(async ([entry, list]) => [entry, await measure(dir, list)] as const),
  );
  return Object.fromEntries(measured) as Record<Entry, Measured>;
}
