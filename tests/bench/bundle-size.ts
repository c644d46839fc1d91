import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { measureEntries } from '../e2e/bundles';
import { type BenchModule, kb } from './report';

/*
 * (5) What each part of the production Chrome build weighs, raw and gzipped: the files the background, the popup,
 * the options page and the content script load (tests/e2e/bundles.ts, which the size budget test uses too). Built
 * into its own folder, so a build someone else is using is left alone.
 */

const OUT_DIR = '.output-bench';
const BUILD = resolve(OUT_DIR, 'chrome-mv3');

export const bundleSizes: BenchModule = {
  name: 'bundle-size',
  title: '(5) Bundle sizes of the production Chrome build',
  async run() {
    const build = spawnSync('npx', ['wxt', 'build'], {
      env: { ...process.env, CLIQ_PINS_OUT_DIR: OUT_DIR },
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`production build failed:\n${build.stdout}\n${build.stderr}`);
    const measured = await measureEntries(BUILD);
    return {
      data: { build: BUILD, parts: measured },
      tables: [
        {
          title: `Production build (${OUT_DIR}/chrome-mv3): what each part loads`,
          columns: ['part', 'files', 'raw', 'gzip at start', 'gzip with on demand', 'largest file'],
          rows: Object.entries(measured).map(([name, { start, totalGzip }]) => [
            name,
            start.files.length,
            kb(start.raw),
            kb(start.gzip),
            kb(totalGzip),
            `${start.files[0]?.file} (${kb(start.files[0]?.raw ?? 0)})`,
          ]),
          notes: [
            'Shared chunks count towards every part that loads them; gzip is level 9, per file.',
            'On demand: what a part imports only when a person opens something rare (tests/e2e/bundles.ts).',
          ],
        },
      ],
    };
  },
};
