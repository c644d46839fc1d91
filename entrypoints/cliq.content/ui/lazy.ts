import { browser } from 'wxt/browser';
import * as i18n from '../../../lib/i18n';
import * as background from '../../../lib/page/background';
import { ON_DEMAND_FILE, ON_DEMAND_GLOBAL, SHARED_GLOBAL, type SHARED_PACKAGE_EXPORTS } from './lazy-keys';
import type { OnDemand } from './on-demand';
import * as pageState from './page-state';

type Shared = typeof SHARED_PACKAGE_EXPORTS;

let loading: Promise<OnDemand> | undefined;
let failures = 0;

/**
 * What opens only on request (the pin dialog, the folder menu, the bar's list, the page check), loaded the first
 * time one of them is wanted. It shares this script's polyfill and stateful modules (build/shared-modules.ts),
 * handed over here.
 */
export function loadOnDemand(): Promise<OnDemand> {
  loading ??= (async () => {
    const world = globalThis as Record<string, unknown>;
    const packages = { 'wxt/browser': { browser } } satisfies {
      [P in keyof Shared]: Record<Shared[P][number], unknown>;
    };
    world[SHARED_GLOBAL] = { ...packages, i18n, background, pageState };
    // Firefox remembers a failed import by its address: a retry asks under another one.
    const retry = failures > 0 ? `?retry=${failures}` : '';
    await import(/* @vite-ignore */ `${browser.runtime.getURL(ON_DEMAND_FILE)}${retry}`);
    return world[ON_DEMAND_GLOBAL] as OnDemand;
  })();
  // A failed load (the extension was updated meanwhile) is tried again on the next click.
  loading.catch(() => {
    loading = undefined;
    failures++;
  });
  return loading;
}
