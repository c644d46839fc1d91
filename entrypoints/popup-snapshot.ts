import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { keptSnapshot, paintSnapshot } from '../components/popup/snapshot';
import { pageStorage } from '../lib/auth/page-snapshot';

/*
 * Runs first in popup.html, before the popup's bundle: paints the last-seen first screen while the bundle
 * loads and IndexedDB opens (the popup replaces it once the board is read). Synchronous, from localStorage, so the
 * rows are in the first frame: no storage or worker answer is waited for. Only a copy taken in the current account
 * epoch is painted (lib/auth/page-snapshot.ts). It touches no extension API, so it needs neither the polyfill nor
 * the browser's own `chrome` bindings.
 */
export default defineUnlistedScript(() => {
  const store = pageStorage();
  const snapshot = store && keptSnapshot(store);
  // From <head>, before the body exists: the snapshot covers the page wherever it sits (position: fixed), and the
  // parser puts the body after it.
  if (snapshot) (document.body ?? document.documentElement).append(paintSnapshot(snapshot));
});
