import type { Menus } from './menus';
import type { Omnibox } from './omnibox';

/**
 * Headless browsers show no native context menu and no address bar, so end-to-end tests call the very handlers
 * the browser would (through the service worker in Chromium, `runtime.getBackgroundPage()` in Firefox).
 * Test builds only: the mode is a build-time constant, so production bundles do not contain this global.
 */
export function exposeForTests(hooks: { menus: Menus; omnibox: Omnibox }): void {
  if (import.meta.env.MODE === 'test') Object.assign(globalThis, { cliqPinsTestHooks: hooks });
}
