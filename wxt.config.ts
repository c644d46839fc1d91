import preact from '@preact/preset-vite';
import { defineConfig, type EntrypointGroup } from 'wxt';
import { noDynamicCode } from './build/no-dynamic-code';
import { polyfillMetadata } from './build/polyfill-metadata';
import { sharedModules } from './build/shared-modules';
import {
  ACCOUNTS_HOST_PATTERNS,
  CLIQ_HOST_PATTERNS,
  SANDBOX_HOST_PATTERN,
  SANDBOX_MODES,
} from './lib/cliq/datacentres';

export const GECKO_ID = 'cliq-pins@cliqpins.dev';

// https://wxt.dev/api/config.html
export default defineConfig({
  // Parallel work (two people, or CI beside a dev build) can build into separate folders.
  outDir: process.env.CLIQ_PINS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader can see where `browser` and `defineBackground` come from.
  imports: false,
  vite: () => ({
    plugins: [noDynamicCode(), polyfillMetadata(), preact()],
    // Each page is one script (hooks below), and both browsers preload modules themselves: Vite's polyfill for
    // `<link rel="modulepreload">` would only be bytes in every page.
    build: { modulePreload: { polyfill: false } },
  }),
  manifest: ({ mode, browser }) => {
    const sandbox = SANDBOX_MODES.includes(mode);
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      // contextMenus / menus and sidePanel add no install warning (docs/permissions.md). Headless Chromium cannot
      // answer the browser's permission prompt, so test builds are granted `notifications` at install; every other
      // build asks for it only when the user turns reminders on.
      permissions: [
        'storage',
        'alarms',
        'identity',
        browser === 'firefox' ? 'menus' : 'contextMenus',
        ...(mode === 'test' ? ['notifications'] : []),
      ],
      ...(mode !== 'test' && { optional_permissions: ['notifications'] }),
      host_permissions: [...CLIQ_HOST_PATTERNS, ...ACCOUNTS_HOST_PATTERNS, ...(sandbox ? [SANDBOX_HOST_PATTERN] : [])],
      action: { default_title: '__MSG_extName__' },
      // The click-only page UI, imported by the content script when first opened (entrypoints/cliq-on-demand.ts).
      // Chrome serves it only at a per-session address (runtime.getURL gives it), so a page cannot probe the fixed
      // extension id to learn that Cliq Pins is installed; Firefox's addresses are per install already.
      web_accessible_resources: [
        {
          resources: ['cliq-on-demand.js'],
          matches: [...CLIQ_HOST_PATTERNS],
          ...(browser !== 'firefox' && { use_dynamic_url: true }),
        },
      ],
      // "pins budget" in the address bar suggests pins (lib/background/omnibox.ts).
      omnibox: { keyword: 'pins' },
      // Handled in the background, which passes it to the Cliq tab it was pressed in (lib/background/commands.ts).
      commands: {
        // Opens the popup from the keyboard; the browser handles it (users can change it in the shortcuts page).
        _execute_action: { suggested_key: { default: 'Alt+Shift+L' } },
        'pin-message': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_pageCommandPinMessage__' },
      },
      // A fixed id keeps Firefox's OAuth redirect URL (derived from it) stable across installs.
      ...(browser === 'firefox' && {
        browser_specific_settings: {
          gecko: { id: GECKO_ID, strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
        },
      }),
    };
  },
  hooks: {
    // WXT builds the extension pages together, so popup, side panel and options share chunks, and a shared chunk
    // keeps every export any of them uses: options loaded the popup's zod kinds, and the popup a second file of
    // imports. Each page built alone is tree-shaken for itself (measured: popup 49.4 → 47.4, options 24.5 → 19.5 kB).
    'entrypoints:grouped': (_wxt, groups) => {
      const alone = groups.flatMap((group): EntrypointGroup[] =>
        Array.isArray(group) ? group.map((entry) => [entry]) : [group],
      );
      groups.splice(0, groups.length, ...alone);
    },
    // The click-only page UI takes Preact and the stateful modules from the content script (build/shared-modules.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entrypoint) => entrypoint.name === 'cliq-on-demand'))
        config.plugins = [sharedModules(__dirname), ...(config.plugins ?? [])];
    },
    // Content scripts declare Cliq hosts only; in sandbox modes the loopback Cliq-like page is added here, in one place.
    'build:manifestGenerated': (wxt, manifest) => {
      if (!SANDBOX_MODES.includes(wxt.config.mode)) return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...(script.matches ?? []), SANDBOX_HOST_PATTERN];
      }
      for (const resources of manifest.web_accessible_resources ?? []) {
        if (typeof resources !== 'string') resources.matches = [...(resources.matches ?? []), SANDBOX_HOST_PATTERN];
      }
    },
  },
});
