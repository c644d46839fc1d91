/** Where the on-demand script (entrypoints/cliq-on-demand.ts) leaves its parts for the content script. */
export const ON_DEMAND_GLOBAL = '__cliqPinsOnDemand';
/** Its file in the built extension (web-accessible on Cliq pages: a dynamic import needs that). */
export const ON_DEMAND_FILE = '/cliq-on-demand.js';
/** Where the content script leaves what it shares with that script (build/shared-modules.ts), in its own world. */
export const SHARED_GLOBAL = '__cliqPinsShared';
/**
 * What the on-demand script may take from the content script's Preact and polyfill. Only these are handed over
 * (the rest stays out of the content script); its build fails on a name not listed here, and lazy.ts must give
 * each one.
 */
export const SHARED_PACKAGE_EXPORTS = {
  // Nothing: a component importing from here fails the build rather than bring a second Preact.
  preact: [],
  'preact/hooks': ['useCallback', 'useEffect', 'useLayoutEffect', 'useRef', 'useState'],
  'preact/jsx-runtime': ['Fragment', 'jsx', 'jsxs'],
  // Development and test builds compile JSX to this one.
  'preact/jsx-dev-runtime': ['Fragment', 'jsxDEV'],
  'wxt/browser': ['browser'],
} as const;
