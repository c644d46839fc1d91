import * as preact from 'preact';
import * as hooks from 'preact/hooks';
import { useEffect, useState } from 'preact/hooks';
import * as jsx from 'preact/jsx-runtime';
import { browser } from 'wxt/browser';
import * as i18n from '../../../lib/i18n';
import * as background from '../../../lib/page/background';
import type { ClickUi } from './click-ui';
import * as uiHooks from './hooks';
import { CLICK_UI_FILE, CLICK_UI_GLOBAL, SHARED_GLOBAL } from './lazy-keys';
import * as undo from './undo';

let loading: Promise<ClickUi> | undefined;

/**
 * The UI that opens only on a click (dialogs, the folder menu, the bar's list), loaded the first time it is wanted.
 * It renders with this script's Preact and shares its stateful modules (build/shared-modules.ts), handed over here.
 */
export function clickUi(): Promise<ClickUi> {
  loading ??= (async () => {
    const world = globalThis as Record<string, unknown>;
    world[SHARED_GLOBAL] = { preact, hooks, jsx, browser: { browser }, i18n, background, uiHooks, undo };
    await import(/* @vite-ignore */ browser.runtime.getURL(CLICK_UI_FILE));
    return world[CLICK_UI_GLOBAL] as ClickUi;
  })();
  // A failed load (the extension was updated meanwhile) is tried again on the next click.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** The click-only UI once `wanted` has been true (undefined until it has loaded). */
export function useClickUi(wanted: boolean): ClickUi | undefined {
  const [ui, setUi] = useState<ClickUi>();
  useEffect(() => {
    if (!wanted || ui) return;
    let current = true;
    clickUi().then(
      (loaded) => current && setUi(loaded),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted, ui]);
  return ui;
}
