import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/*
 * What each entry of a built extension loads, and what that weighs raw and gzipped. `start` is what it loads when it
 * starts, which is what a person waits for: its script or page, every chunk those import statically and its CSS.
 * `onDemand` is what it imports only when a person opens something rare (a dynamic `import()`, or for a content
 * script the web-accessible scripts it imports through `runtime.getURL`), with what those import in turn, less what
 * start already loaded. Shared chunks count towards every entry that loads them. Used by the size budget
 * (bundle-size.test.ts) and the bench, so both measure the same thing.
 */

export type Entry = 'content script' | 'popup' | 'background' | 'options';

interface Manifest {
  background?: { service_worker?: string };
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  content_scripts?: { js?: string[]; css?: string[] }[];
  web_accessible_resources?: ({ resources?: string[] } | string)[];
}

interface Measured {
  files: { file: string; raw: number; gzip: number }[];
  raw: number;
  gzip: number;
}

export interface EntrySize {
  start: Measured;
  onDemand: Measured;
  /** start and onDemand together, in gzip bytes. */
  totalGzip: number;
}

/** Static imports in built modules: `from"./x.js"`, `import"./x.js"`. */
const STATIC_IMPORT = /(?:from|import)\s*["'`]([^"'`]+\.js)["'`]/g;
/** Dynamic imports: `import("./x.js")`. */
const DYNAMIC_IMPORT = /import\s*\(\s*["'`]([^"'`]+\.js)["'`]/g;

interface Graph {
  files: string[];
  /** Targets of the dynamic imports found in `files`. */
  dynamic: string[];
}

/** `entries` and everything they import statically, skipping `known`; what they import dynamically is listed apart. */
async function withImports(dir: string, entries: string[], known: ReadonlySet<string> = new Set()): Promise<Graph> {
  const seen = new Set<string>();
  const dynamic = new Set<string>();
  const target = (file: string, spec: string) => (spec.startsWith('/') ? spec.slice(1) : join(dirname(file), spec));
  const visit = async (file: string) => {
    if (seen.has(file) || known.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.js')) return;
    const text = await readFile(join(dir, file), 'utf8');
    for (const [, spec] of text.matchAll(DYNAMIC_IMPORT)) if (spec) dynamic.add(target(file, spec));
    for (const [, spec] of text.matchAll(STATIC_IMPORT)) if (spec) await visit(target(file, spec));
  };
  for (const entry of entries) await visit(entry);
  return { files: [...seen], dynamic: [...dynamic] };
}

/** Everything the dynamic imports of `start` (and `alsoOnDemand`) load that `start` has not loaded already. */
async function onDemandOf(dir: string, start: Graph, alsoOnDemand: string[] = []): Promise<string[]> {
  const loaded = new Set(start.files);
  const files: string[] = [];
  let roots = [...start.dynamic, ...alsoOnDemand];
  while (roots.length > 0) {
    const more = await withImports(dir, roots, loaded);
    for (const file of more.files) loaded.add(file);
    files.push(...more.files);
    roots = more.dynamic.filter((file) => !loaded.has(file));
  }
  return files;
}

/** An HTML entry, the scripts, preloads and style sheets it loads, and what those import. */
async function page(dir: string, html: string): Promise<Graph> {
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
export async function measureEntries(dir: string): Promise<Record<Entry, EntrySize>> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  // A content script can import an extension file only through its web-accessible address.
  const webAccessible = (manifest.web_accessible_resources ?? [])
    .flatMap((resources) => (typeof resources === 'string' ? [resources] : (resources.resources ?? [])))
    .filter((file) => file.endsWith('.js'));
  const starts: Record<Entry, Graph> = {
    'content script': await withImports(
      dir,
      (manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]),
    ),
    popup: await page(dir, manifest.action?.default_popup ?? 'popup.html'),
    background: await withImports(dir, [manifest.background?.service_worker ?? 'background.js']),
    options: await page(dir, manifest.options_ui?.page ?? 'options.html'),
  };
  const measured = await Promise.all(
    Object.entries(starts).map(async ([entry, start]) => {
      const later = await onDemandOf(dir, start, entry === 'content script' ? webAccessible : []);
      const [startSize, onDemand] = await Promise.all([measure(dir, start.files), measure(dir, later)]);
      return [entry, { start: startSize, onDemand, totalGzip: startSize.gzip + onDemand.gzip }] as const;
    }),
  );
  return Object.fromEntries(measured) as Record<Entry, EntrySize>;
}
