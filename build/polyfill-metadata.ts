import type { Plugin } from 'vite';

/**
 * The namespaces of `browser.*` the extension calls that webextension-polyfill has promise metadata for. The
 * polyfill ships metadata for 26 namespaces (bookmarks, cookies, downloads, history…) and builds a promise wrapper
 * from it for whichever namespace is touched; the rest of its table is bytes in every entry (~0.6 kB gzip each).
 * A namespace missing here is handed through unwrapped (Chrome's MV3 APIs return promises themselves), and
 * tests/unit/build/polyfill-metadata.test.ts fails when the code calls a namespace the table has but this list lacks.
 */
export const POLYFILL_NAMESPACES = [
  'alarms',
  'commands',
  'contextMenus',
  'i18n',
  'identity',
  'notifications',
  'permissions',
  'runtime',
  'storage',
  'tabs',
  'windows',
] as const;

const POLYFILL = /[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/;
/** The table is JSON pasted into the source at the polyfill's own build (`api-metadata.json`). */
const METADATA = /const apiMetadata = (\{[\s\S]*?\n {6}\});/;

/** The polyfill's source with its metadata table cut to `keep`; throws if the table is not where it was. */
export function trimPolyfillMetadata(code: string, keep: readonly string[] = POLYFILL_NAMESPACES): string {
  const table = code.match(METADATA)?.[1];
  if (!table)
    throw new Error('webextension-polyfill: its apiMetadata table was not found; update build/polyfill-metadata.ts');
  const all = JSON.parse(table) as Record<string, unknown>;
  const kept = Object.fromEntries(Object.entries(all).filter(([namespace]) => keep.includes(namespace)));
  return code.replace(METADATA, () => `const apiMetadata = ${JSON.stringify(kept)};`);
}

export function polyfillMetadata(): Plugin {
  return {
    name: 'cliq-pins:polyfill-metadata',
    enforce: 'pre',
    transform(code, id) {
      return POLYFILL.test(id) ? { code: trimPolyfillMetadata(code), map: null } : null;
    },
  };
}
