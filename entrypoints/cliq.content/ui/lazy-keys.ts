/** Where the on-demand script (entrypoints/cliq-on-demand.ts) leaves its parts for the content script. */
export const ON_DEMAND_GLOBAL = '__cliqPinsOnDemand';
/** Its file in the built extension (web-accessible on Cliq pages: a dynamic import needs that). */
export const ON_DEMAND_FILE = '/cliq-on-demand.js';
/** Where the content script leaves what it shares with that script (build/shared-modules.ts), in its own world. */
export const SHARED_GLOBAL = '__cliqPinsShared';
/**
 * What the on-demand script takes from the content script's packages: the browser polyfill (one copy in this
 * world). Its build fails on a name not listed here, and lazy.ts must give each one. Preact is the on-demand
 * script's own: the content script's UI is built without it.
 */
export const SHARED_PACKAGE_EXPORTS = {
  'wxt/browser': ['browser'],
} as const;
