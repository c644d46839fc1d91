import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Fragment, jsx, jsxDEV, jsxs } from 'preact/jsx-runtime';
import { browser } from 'wxt/browser';
import * as i18n from '../../../lib/i18n';
import * as background from '../../../lib/page/background';
import * as uiHooks from './hooks';
import { ON_DEMAND_FILE, ON_DEMAND_GLOBAL, SHARED_GLOBAL, type SHARED_PACKAGE_EXPORTS } from './lazy-keys';
import type { OnDemand } from './on-demand';
import * as undo from './undo';

type Shared = typeof SHARED_PACKAGE_EXPORTS;

let loading: Promise<OnDemand> | undefined;

/**
 * What opens only on request (the pin dialog, the folder menu, the bar's list, the page check), loaded the first
 * time one of them is wanted. It renders with this script's Preact and shares its stateful modules
 * (build/shared-modules.ts), handed over here.
 */
export function loadOnDemand(): Promise<OnDemand> {
  loading ??= (async () => {
    const world = globalThis as Record<string, unknown>;
    const packages = {
      preact: {},
      'preact/hooks': { useCallback, useEffect, useLayoutEffect, useRef, useState },
      'preact/jsx-runtime': { Fragment, jsx, jsxs },
      'preact/jsx-dev-runtime': { Fragment, jsxDEV },
      'wxt/browser': { browser },
    } satisfies { [P in keyof Shared]: Record<Shared[P][number], unknown> };
    world[SHARED_GLOBAL] = { ...packages, i18n, background, uiHooks, undo };
    await import(/* @vite-ignore */ browser.runtime.getURL(ON_DEMAND_FILE));
    return world[ON_DEMAND_GLOBAL] as OnDemand;
  })();
  // A failed load (the extension was updated meanwhile) is tried again on the next click.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** The on-demand parts once `wanted` has been true (undefined until they have loaded). */
export function useOnDemand(wanted: boolean): OnDemand | undefined {
  const [ui, setUi] = useState<OnDemand>();
  useEffect(() => {
    if (!wanted || ui) return;
    let current = true;
    loadOnDemand().then(
      (loaded) => current && setUi(loaded),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted, ui]);
  return ui;
}
