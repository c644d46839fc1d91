/** Where the click-only UI script leaves its components for the content script that loaded it. */
export const CLICK_UI_GLOBAL = '__cliqPinsClickUi';
/** Its file in the built extension (web-accessible on Cliq pages: a dynamic import needs that). */
export const CLICK_UI_FILE = '/cliq-ui.js';
/** Where the content script leaves what it shares with that script (build/shared-modules.ts), in its own world. */
export const SHARED_GLOBAL = '__cliqPinsShared';
