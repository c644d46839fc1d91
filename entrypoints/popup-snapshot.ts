import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { paintSnapshot, SNAPSHOT_KEY, SNAPSHOT_PAINTED, snapshotFor } from '../components/popup/snapshot';
import type { MessageKey } from '../lib/i18n';

/*
 * Runs first in popup.html, before the popup's bundle: paints the last-seen first screen from `storage.session`
 * while the bundle loads and IndexedDB opens (the popup replaces it once the board is read). Only for the account
 * signed in now. It uses the browser's own `browser`/`chrome` object rather than the polyfill, which would make
 * this script ten times larger and the paint later; both answer storage calls with promises in MV3.
 */
interface Area {
  get(key: string): Promise<Record<string, unknown>>;
}
interface Api {
  storage: { session: Area; local: Area };
  i18n: { getMessage(key: MessageKey): string };
}

async function paint(): Promise<void> {
  const { browser, chrome } = globalThis as { browser?: Api; chrome?: Api };
  const api = browser ?? chrome;
  if (!api) return;
  const [session, local] = await Promise.all([api.storage.session.get(SNAPSHOT_KEY), api.storage.local.get('account')]);
  const snapshot = snapshotFor(session[SNAPSHOT_KEY], local.account);
  if (!snapshot) return;
  const t = (key: MessageKey) => api.i18n.getMessage(key);
  const screen = paintSnapshot(snapshot, { title: t('extName'), note: t('popupSnapshotNote') });
  // Started from <head>: the body may not be parsed yet.
  if (!document.body) await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve));
  document.body.append(screen);
}

export default defineUnlistedScript(() => {
  // The popup renders once this settles, so the two never race for the first frame (entrypoints/popup/main.tsx).
  (globalThis as Record<string, unknown>)[SNAPSHOT_PAINTED] = paint().catch(() => undefined);
});
