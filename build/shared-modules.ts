import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { SHARED_GLOBAL, SHARED_PACKAGE_EXPORTS } from '../entrypoints/cliq.content/ui/lazy-keys';

/*
 * What the content script needs only on request (the UI that opens on a click, the options page's page check) is a
 * script of its own (`entrypoints/cliq-on-demand.ts`), imported by the content script the first time it is wanted
 * (`entrypoints/cliq.content/ui/lazy.ts`). It brings its own Preact (the content script has none), but must not
 * bring a second browser polyfill, nor second copies of modules that hold state (the bar's channel, the intents
 * asked here): those it takes from the content script, which hands them over in one object before loading it. This
 * plugin, used in that script's build only, turns each such import into a read of that object.
 */

/** The project's own modules handed over whole, by path → their key in the shared object. */
const SHARED_FILES: Record<string, string> = {
  'lib/i18n.ts': 'i18n',
  'lib/page/background.ts': 'background',
  'entrypoints/cliq.content/ui/page-state.ts': 'pageState',
};

const VIRTUAL = '\0cliq-pins-shared:';

/** The value exports of one of our own modules, read from its source (type exports are erased anyway). */
function ownExports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^export (?:async )?(?:function|const|let|class) ([A-Za-z_$][\w$]*)/gm)].map(
    ([, name]) => name as string,
  );
}

const PACKAGES: Readonly<Record<string, readonly string[]>> = SHARED_PACKAGE_EXPORTS;

export function sharedModules(root: string): Plugin {
  const files = new Map(Object.entries(SHARED_FILES).map(([path, key]) => [resolve(root, path), key]));
  const exports = new Map<string, readonly string[]>(Object.entries(PACKAGES));
  return {
    name: 'cliq-pins:shared-modules',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (PACKAGES[source]) return `${VIRTUAL}${source}`;
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      const key = resolved && files.get(resolved.id);
      if (!key) return null;
      exports.set(key, ownExports(resolved.id));
      return `${VIRTUAL}${key}`;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      const key = id.slice(VIRTUAL.length);
      // Only the names listed are exported: importing any other fails the build instead of reading undefined.
      const lines = (exports.get(key) ?? []).map((name) => `export const ${name} = shared.${name};`);
      return `const shared = globalThis.${SHARED_GLOBAL}[${JSON.stringify(key)}];\n${lines.join('\n')}\n`;
    },
  };
}
