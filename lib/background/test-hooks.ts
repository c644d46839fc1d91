import { SANDBOX_BUILD } from '../build-mode';
import type { Menus } from './menus';
import type { Omnibox } from './omnibox';

/**
 * Headless browsers show no native context menu and no address bar, so end-to-end tests call the very handlers
 * the browser would (through the service worker in Chromium, `runtime.getBackgroundPage()` in Firefox).
 * Sandbox builds only: production has no such global.
 */
export function exposeForTests(hooks: { menus: Menus; omnibox: Omnibox }): void {
  if (SANDBOX_BUILD) Object.assign(globalThis, { cliqPinsTestHooks: hooks });
}
