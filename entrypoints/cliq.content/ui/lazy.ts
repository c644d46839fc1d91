import { browser } from 'wxt/browser';
import * as i18n from '../../../lib/i18n';
import * as background from '../../../lib/page/background';
import { ON_DEMAND_FILE, ON_DEMAND_GLOBAL, SHARED_GLOBAL, type SHARED_PACKAGE_EXPORTS } from './lazy-keys';
import type { OnDemand } from './on-demand';
import * as pageState from './page-state';

type Shared = typeof SHARED_PACKAGE_EXPORTS;

/**
 * How long a load may take before it counts as failed. The file comes from the extension's own package: a fresh
 * import took a median of 7 ms (57 ms at worst, of seven) in Chromium on a busy two-core machine, so one still out
 * after 5 s is stuck, and the browser's own time-out comes minutes later. A person looking at "Loading…" after a
 * click gives up well before 10 s. Giving up early costs little: a load that lands later is still kept (below).
 */
export const LOAD_TIME_LIMIT_MS = 5_000;

let landed: (parts: OnDemand) => void = () => undefined;
/** The parts, once any load has brought them, even one given up on as too slow: its parts are as good. */
const parts = new Promise<OnDemand>((resolve) => {
  landed = resolve;
});
let loading: Promise<OnDemand> | undefined;
let tries = 0;

/**
 * What opens only on request (the pin dialog, the folder menu, the bar's list, the page check), loaded the first
 * time one of them is wanted. It shares this script's polyfill and stateful modules (build/shared-modules.ts),
 * handed over here. A load that fails or takes longer than LOAD_TIME_LIMIT_MS rejects, and the next call tries
 * again; once any load has landed, every call has its parts.
 */
export function loadOnDemand(): Promise<OnDemand> {
  loading ??= load();
  return loading;
}

function load(): Promise<OnDemand> {
  const world = globalThis as Record<string, unknown>;
  const packages = { 'wxt/browser': { browser } } satisfies {
    [P in keyof Shared]: Record<Shared[P][number], unknown>;
  };
  world[SHARED_GLOBAL] = { ...packages, i18n, background, pageState };
  // Firefox remembers a failed import by its address, and a stuck one would keep a retry waiting with it: a retry
  // asks under another address.
  const retry = tries > 0 ? `?retry=${tries}` : '';
  tries++;
  const imported = import(/* @vite-ignore */ `${browser.runtime.getURL(ON_DEMAND_FILE)}${retry}`).then(() => {
    loading = parts;
    landed(world[ON_DEMAND_GLOBAL] as OnDemand);
  });
  const attempt = new Promise<OnDemand>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${ON_DEMAND_FILE} did not load within ${LOAD_TIME_LIMIT_MS} ms`)),
      LOAD_TIME_LIMIT_MS,
    );
    const settle =
      <T>(end: (value: T) => void) =>
      (value: T) => {
        clearTimeout(timer);
        end(value);
      };
    // This load, or an earlier one that was given up on but landed meanwhile: whichever comes first.
    void parts.then(settle(resolve));
    imported.catch(settle(reject));
  });
  // A failed or stuck load (the extension was updated meanwhile) is tried again on the next call.
  attempt.catch(() => {
    if (loading === attempt) loading = undefined;
  });
  return attempt;
}
