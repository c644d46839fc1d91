import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ON_DEMAND_GLOBAL } from './cliq.content/ui/lazy-keys';
import { onDemandParts } from './cliq.content/ui/on-demand';

// Runs in the content script's isolated world (it is imported from there): it hands its components back the same way.
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[ON_DEMAND_GLOBAL] = onDemandParts;
});
