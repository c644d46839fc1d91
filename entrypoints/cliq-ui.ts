import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { clickUi } from './cliq.content/ui/click-ui';
import { CLICK_UI_GLOBAL } from './cliq.content/ui/lazy-keys';

// Runs in the content script's isolated world (it is imported from there): it hands its components back the same way.
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CLICK_UI_GLOBAL] = clickUi;
});
