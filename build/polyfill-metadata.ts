import type { Plugin } from 'vite';

/**
 * The calls of `browser.*` the extension makes that webextension-polyfill has promise metadata for, as paths into
 * its table (a namespace alone keeps all of it: `contextMenus` is called through an alias). The polyfill ships
 * metadata for 26 namespaces and every method of each (tabs.captureVisibleTab, storage.sync…) and builds a promise
 * wrapper from it for whatever is touched; the rest of its table is bytes in every entry (~0.25 kB gzip each beyond the namespaces called). A call
 * missing here is handed through unwrapped (Chrome's MV3 APIs return promises themselves), and
 * tests/unit/build/polyfill-metadata.test.ts fails when the code makes a call the table has but this list lacks.
 */
export const POLYFILL_CALLS = [
  'alarms.clear',
  'alarms.get',
  'alarms.getAll',
  'contextMenus',
  'identity.launchWebAuthFlow',
  'notifications',
  'permissions.contains',
  'permissions.remove',
  'permissions.request',
  'runtime.openOptionsPage',
  'runtime.sendMessage',
  'storage.local.get',
  'storage.local.remove',
  'storage.local.set',
  'tabs.create',
  'tabs.query',
  'tabs.sendMessage',
  'tabs.update',
  'windows.getCurrent',
  'windows.getLastFocused',
  'windows.update',
] as const;

const POLYFILL = /[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/;
/** The table is JSON pasted into the source at the polyfill's own build (`api-metadata.json`). */
const METADATA = /const apiMetadata = (\{[\s\S]*?\n {6}\});/;

type Table = { [key: string]: Table };

/** The polyfill's source with its metadata table cut to `keep`; throws if the table is not where it was. */
export function trimPolyfillMetadata(code: string, keep: readonly string[] = POLYFILL_CALLS): string {
  const table = code.match(METADATA)?.[1];
  if (!table)
    throw new Error('webextension-polyfill: its apiMetadata table was not found; update build/polyfill-metadata.ts');
  const all = JSON.parse(table) as Table;
  const kept: Table = {};
  for (const path of keep) {
    const keys = path.split('.');
    const last = keys.pop() as string;
    let from: Table | undefined = all;
    let to = kept;
    for (const key of keys) {
      from = from?.[key];
      to = to[key] ??= {};
    }
    if (from?.[last]) to[last] = from[last];
  }
  return code.replace(METADATA, () => `const apiMetadata = ${JSON.stringify(kept)};`);
}

/** The polyfill's UMD wrapper: a factory called with `module`; the build passes its own, so the result is ESM. */
const UMD_HEAD = /^\(function \(global, factory\) \{[\s\S]*?\}\)\([^\n]*, function \(module\) \{\n/;
const UMD_TAIL = /\n\}\);\n(\/\/# sourceMappingURL=\S+\s*)?$/;

/**
 * The polyfill as an ES module: bundled as CommonJS, it brings the bundler's interop helpers and every
 * `browser.x` becomes `polyfill.default.x`, in every entry. Throws if the wrapper is not the one expected.
 */
export function polyfillAsModule(code: string): string {
  if (!UMD_HEAD.test(code) || !UMD_TAIL.test(code))
    throw new Error('webextension-polyfill: its UMD wrapper changed; update build/polyfill-metadata.ts');
  return `const module = {};\n(function (module) {\n${code.replace(UMD_HEAD, '').replace(UMD_TAIL, '\n})(module);\nexport default module.exports;\n')}`;
}

export function polyfillMetadata(): Plugin {
  return {
    name: 'cliq-pins:polyfill-metadata',
    enforce: 'pre',
    transform(code, id) {
      return POLYFILL.test(id) ? { code: polyfillAsModule(trimPolyfillMetadata(code)), map: null } : null;
    },
  };
}
