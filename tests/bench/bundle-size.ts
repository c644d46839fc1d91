import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BenchModule, kb } from './report';

/*
 * (5) What each part of the production Chrome build weighs, raw and gzipped: the files the background,
 * the popup and the content script load (their entry, every chunk those import, their CSS). Built into its
 * own folder, so a build someone else is using is left alone.
 */

const OUT_DIR = '.output-bench';
const BUILD = resolve(OUT_DIR, 'chrome-mv3');

interface Manifest {
  background?: { service_worker?: string };
  action?: { default_popup?: string };
  content_scripts?: { js?: string[]; css?: string[] }[];
}

/** Static and dynamic imports in built modules: `from"./x.js"`, `import"./x.js"`, `import("./x.js")`. */
const IMPORT = /(?:from|import)\s*\(?\s*["']([^"']+\.js)["']/g;

async function withImports(entries: string[]): Promise<string[]> {
  const seen = new Set<string>();
  const visit = async (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.js')) return;
    const text = await readFile(join(BUILD, file), 'utf8');
    for (const [, spec] of text.matchAll(IMPORT)) {
      if (!spec) continue;
      const target = spec.startsWith('/') ? spec.slice(1) : join(dirname(file), spec);
      await visit(target);
    }
  };
  for (const entry of entries) await visit(entry);
  return [...seen];
}

/** Scripts, preloads and style sheets an HTML entry loads. */
function htmlAssets(html: string): string[] {
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map(([, ref]) => ref as string);
  return refs.map((ref) => (ref.startsWith('/') ? ref.slice(1) : ref));
}

async function sizes(files: string[]) {
  const each = await Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(join(BUILD, file));
      return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    }),
  );
  return {
    files: each.sort((a, b) => b.raw - a.raw),
    raw: each.reduce((sum, f) => sum + f.raw, 0),
    gzip: each.reduce((sum, f) => sum + f.gzip, 0),
  };
}

export const bundleSizes: BenchModule = {
  name: 'bundle-size',
  title: '(5) Bundle sizes of the production Chrome build',
  async run() {
    const build = spawnSync('npx', ['wxt', 'build'], {
      env: { ...process.env, CLIQ_PINS_OUT_DIR: OUT_DIR },
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`production build failed:\n${build.stdout}\n${build.stderr}`);
    const manifest = JSON.parse(await readFile(join(BUILD, 'manifest.json'), 'utf8')) as Manifest;
    const popupHtml = manifest.action?.default_popup ?? 'popup.html';
    const parts = {
      background: await withImports([manifest.background?.service_worker ?? 'background.js']),
      popup: await withImports([popupHtml, ...htmlAssets(await readFile(join(BUILD, popupHtml), 'utf8'))]),
      'content script': await withImports(
        (manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]),
      ),
    };
    const measured = Object.fromEntries(
      await Promise.all(Object.entries(parts).map(async ([name, files]) => [name, await sizes(files)] as const)),
    );
    return {
      data: { build: BUILD, parts: measured },
      tables: [
        {
          title: `Production build (${OUT_DIR}/chrome-mv3): what each part loads`,
          columns: ['part', 'files', 'raw', 'gzip', 'largest file'],
          rows: Object.entries(measured).map(([name, part]) => [
            name,
            part.files.length,
            kb(part.raw),
            kb(part.gzip),
            `${part.files[0]?.file} (${kb(part.files[0]?.raw ?? 0)})`,
          ]),
          notes: ['Shared chunks count towards every part that loads them; gzip is level 9, per file.'],
        },
      ],
    };
  },
};
