import type { FeatureEnv } from '../../../lib/page/features';
import { slot } from './dom';
import { loadNote, onDemandFor } from './load-note';
import type { OnDemand } from './on-demand';
import type { PinTarget } from './PinDialog';
import { createShadowUi } from './shadow';

export interface PinDialogHost {
  /** Shows the dialog next to `message`; focus returns to `returnFocus` when it closes. */
  open(target: PinTarget, message: Element, returnFocus?: HTMLElement): void;
  close(): void;
  /** Tells the person, by `anchor`, that what they asked for there did not happen and why (the dialog's note). */
  tell(text: string, anchor: Element): void;
}

// One dialog per chat, shared by the pin control and the keyboard shortcut (both get the chat's signal).
const hosts = new WeakMap<AbortSignal, Promise<PinDialogHost>>();

export function pinDialogFor({ ctx, signal }: FeatureEnv): Promise<PinDialogHost> {
  let host = hosts.get(signal);
  if (!host) {
    host = createShadowUi(ctx, 'cliq-pins-pin-dialog', signal).then((ui) => {
      ui.place({ anchor: document.body, append: 'last' });
      const dialog = slot();
      const note = loadNote();
      ui.root.append(dialog, note);
      // Loaded with the first dialog this page opens, not with the content script; one that could not load (its
      // note says so where it was asked for) is tried afresh on the next open.
      const parts = onDemandFor(ui, note);
      // The dialog last asked for: it opens when the parts land, unless the person gave up on it meanwhile.
      let wanted: Parameters<OnDemand['PinDialogPopover']>[0] | undefined;
      const show = () => {
        const loaded = parts.current;
        if (loaded) ui.update(() => loaded.mount(ui, dialog, loaded.PinDialogPopover, wanted));
      };
      const close = () => {
        wanted = undefined;
        parts.cancel();
        show();
      };
      return {
        open(target, message, returnFocus) {
          wanted = { target, message, returnFocus, onClose: close };
          if (parts.current) show();
          else if (!parts.loading) void parts.load(returnFocus ?? message).then((loaded) => loaded && show());
        },
        close,
        tell: parts.tell,
      };
    });
    hosts.set(signal, host);
    host.catch(() => hosts.delete(signal));
  }
  return host;
}
