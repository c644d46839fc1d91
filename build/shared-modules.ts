import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { SHARED_GLOBAL } from '../entrypoints/cliq.content/ui/lazy-keys';

/*
 * The in-page UI that only opens on a click is a script of its own (`entrypoints/cliq-ui.ts`), loaded on demand by
 * the content script (`entrypoints/cliq.content/ui/lazy.ts`). It must not bring a second Preact (hooks only work
 * with the instance that renders them), a second browser polyfill, nor second copies of modules that hold state
 * (the bar's channel, the intents asked here): those it takes from the content script, which hands them over in
 * one object before loading it. This plugin, used in that script's build only, turns each such import into a read
 * of that object.
 */

/** Module → its key in the shared object: packages by specifier, the project's own files by path. */
const SHARED_PACKAGES: Record<string, string> = {
  preact: 'preact',
  'preact/hooks': 'hooks',
  'preact/jsx-runtime': 'jsx',
  'wxt/browser': 'browser',
};
const SHARED_FILES: Record<string, string> = {
  'lib/i18n.ts': 'i18n',
  'lib/page/background.ts': 'background',
  'entrypoints/cliq.content/ui/hooks.ts': 'uiHooks',
  'entrypoints/cliq.content/ui/undo.tsx': 'undo',
};

const VIRTUAL = '\0cliq-pins-shared:';

/** The value exports of one of our own modules, read from its source (type exports are erased anyway). */
function ownExports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^export (?:async )?(?:function|const|let|class) ([A-Za-z_$][\w$]*)/gm)].map(
    ([, name]) => name as string,
  );
}

export function sharedModules(root: string): Plugin {
  const files = new Map(Object.entries(SHARED_FILES).map(([path, key]) => [resolve(root, path), key]));
  const names = new Map<string, string[]>();
  return {
    name: 'cliq-pins:shared-modules',
    enforce: 'pre',
    async resolveId(source, importer) {
      const pkg = SHARED_PACKAGES[source];
      if (pkg) return `${VIRTUAL}${pkg}`;
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      const key = resolved && files.get(resolved.id);
      if (!key) return null;
      names.set(key, ownExports(resolved.id));
      return `${VIRTUAL}${key}`;
    },
    async load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      const key = id.slice(VIRTUAL.length);
      const specifier = Object.entries(SHARED_PACKAGES).find(([, k]) => k === key)?.[0];
      const exported = specifier
        ? specifier === 'wxt/browser'
          ? ['browser']
          : Object.keys(await import(specifier)).filter((name) => name !== 'default')
        : (names.get(key) ?? []);
      const lines = exported.map((name) => `export const ${name} = shared.${name};`);
      return `const shared = globalThis.${SHARED_GLOBAL}.${key};\n${lines.join('\n')}\n`;
    },
  };
}
