import { t } from '../../../lib/i18n';
import type { FeatureEnv } from '../../../lib/page/features';
import { loadOnDemand } from './lazy';
import type { PinTarget } from './PinDialog';
import { createShadowUi, type ShadowUi } from './shadow';

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
    host = createShadowUi(ctx, 'cliq-pins-pin-dialog', signal).then(async (ui: ShadowUi) => {
      // Loaded with the first dialog this page opens, not with the content script.
      const { PinDialog, Popover } = await loadOnDemand();
      ui.place({ anchor: document.body, append: 'last' });
      const close = () => ui.render(null);
      return {
        open(target, message, returnFocus) {
          ui.render(
            <Popover
              key={target.messageId}
              anchor={() => (message.isConnected ? message.getBoundingClientRect() : null)}
              onClose={close}
              label={t('pageDialogTitle')}
              testId="pin-dialog-popover"
              returnFocus={() => returnFocus ?? null}
            >
              <PinDialog target={target} onDone={close} />
            </Popover>,
          );
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
