import { useState } from 'preact/hooks';
import type { ShownPin } from '../../lib/board/read-models';
import { t, tn } from '../../lib/i18n';
import { type ExpiryPreset, presetExpiry } from '../../lib/intents/expiry';
import { usePopup } from './context';
import { ConfirmDialog } from './Dialog';
import { planBulkExpiry, planBulkExpiryUndo } from './model/bulk-expiry';
import { EXPIRY_CHOICES } from './model/time';
import { boardStore } from './useBoard';

interface Props {
  pins: readonly ShownPin[];
  onClose(): void;
  onDone(): void;
}

/** One expiry for every selected pin, with the cost and undo of a bulk unpin. */
export function BulkExpiryDialog({ pins, onClose, onDone }: Props) {
  const popup = usePopup();
  const [preset, setPreset] = useState<ExpiryPreset>('week');
  const intents = planBulkExpiry(pins, presetExpiry(preset, popup.now), popup.now);
  const chats = new Set(pins.map((pin) => pin.chatId)).size;
  return (
    <ConfirmDialog
      title={t('popupBulkExpiryTitle')}
      intents={intents}
      confirmLabel={t('popupBulkExpiryConfirm')}
      onClose={onClose}
      onDone={onDone}
      testId="bulk-expiry-dialog"
      undo={{
        message: tn('popupBulkExpiryDone', intents.length),
        plan: async () => {
          const chatIds = [...new Set(pins.map((pin) => pin.chatId))];
          const current = new Map(
            await Promise.all(chatIds.map(async (chatId) => [chatId, await boardStore.chatPins(chatId)] as const)),
          );
          return { intents: planBulkExpiryUndo(pins, current, Date.now()) };
        },
      }}
    >
      <p>{tn('popupBulkExpiryBody', pins.length, tn('popupChatCount', chats))}</p>
      <fieldset>
        <legend>{t('popupBulkExpiryLegend')}</legend>
        <div class="preset-row">
          {EXPIRY_CHOICES.map(([value, key]) => (
            <label key={value} class="radio">
              <input
                type="radio"
                name="bulk-expiry"
                value={value}
                checked={preset === value}
                data-testid={`bulk-expiry-${value}`}
                onChange={() => setPreset(value)}
              />{' '}
              {t(key)}
            </label>
          ))}
        </div>
      </fieldset>
      {intents.length < pins.length && (
        <p class="muted" data-testid="bulk-expiry-unchanged">
          {tn('popupBulkExpiryUnchanged', pins.length - intents.length)}
        </p>
      )}
      <p class="muted">{t('popupBulkExpiryHow')}</p>
    </ConfirmDialog>
  );
}
