import type { FeatureEnv } from '../../../lib/page/features';
import { loadOnDemand } from './lazy';
import type { PinTarget } from './PinDialog';
import { createShadowUi } from './shadow';

export interface PinDialogHost {
  /** Shows the dialog next to `message`; focus returns to `returnFocus` when it closes. */
  open(target: PinTarget, message: Element, returnFocus?: HTMLElement): void;
  close(): void;
}

// One dialog per chat, shared by the pin control and the keyboard shortcut (both get the chat's signal).
const hosts = new WeakMap<AbortSignal, Promise<PinDialogHost>>();

export function pinDialogFor({ ctx, signal }: FeatureEnv): Promise<PinDialogHost> {
  let host = hosts.get(signal);
  if (!host) {
    host = createShadowUi(ctx, 'cliq-pins-pin-dialog', signal).then(async (ui) => {
      // Loaded with the first dialog this page opens, not with the content script.
      const { mount, PinDialogPopover } = await loadOnDemand();
      ui.place({ anchor: document.body, append: 'last' });
      const close = () => ui.update(() => mount(ui, ui.root));
      return {
        open(target, message, returnFocus) {
          ui.update(() => mount(ui, ui.root, PinDialogPopover, { target, message, returnFocus, onClose: close }));
        },
        close,
      };
    });
    hosts.set(signal, host);
    // A dialog that could not load (the extension was updated meanwhile) is tried afresh on the next open.
    host.catch(() => hosts.delete(signal));
  }
  return host;
}
