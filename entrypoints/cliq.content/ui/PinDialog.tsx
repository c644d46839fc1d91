import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_PINS_PER_CHAT } from '../../../lib/cliq/constants';
import { t, tn } from '../../../lib/i18n';
import {
  EXPIRY_PRESETS,
  type ExpiryPreset,
  expiryFor,
  localDateTimeValue,
  tomorrowMorning,
} from '../../../lib/page/expiry';
import { useChatPins, useEnqueue } from './hooks';
import { expiryText } from './text';

export interface PinTarget {
  chatId: string;
  messageId: string;
  preview: { text: string; senderName?: string };
}

const PRESET_LABELS = {
  hour: 'pageExpiryHour',
  endOfDay: 'pageExpiryEndOfDay',
  week: 'pageExpiryWeek',
  forever: 'pageExpiryForever',
  date: 'pageExpiryDate',
} as const satisfies Record<ExpiryPreset, string>;

/**
 * Pin one message (expiry, notify, primary), or see that it is pinned and unpin it or make it primary.
 * A chat already holding Cliq's maximum of pins says so instead of offering to pin.
 */
export function PinDialog({ target, onDone }: { target: PinTarget; onDone: () => void }) {
  const { chatId, messageId, preview } = target;
  const { pins, error: loadError } = useChatPins(chatId);
  const sending = useEnqueue();
  const [preset, setPreset] = useState<ExpiryPreset>('forever');
  const [date, setDate] = useState(() => localDateTimeValue(tomorrowMorning(Date.now())));
  const chosen = expiryFor('date', Date.now(), date);
  const [notify, setNotify] = useState(false);
  const [primary, setPrimary] = useState(false);

  const pin = pins?.find((p) => p.messageId === messageId);
  const full = !pin && (pins?.length ?? 0) >= MAX_PINS_PER_CHAT;
  const root = useRef<HTMLDivElement>(null);
  const loaded = pins !== undefined;

  // The choices render once the chat's pins are known: then the main button takes focus, so Enter pins.
  useEffect(() => {
    if (loaded) root.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [loaded]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const choice = expiryFor(preset, Date.now(), date);
    if (!choice.ok) {
      sending.setError(t(choice.reason === 'past' ? 'pageDateInPast' : 'pageDateMissing'));
      return;
    }
    const intent = { kind: 'pinMessage' as const, chatId, messageId, expiry: choice.expiry, notify, preview };
    if (await sending.enqueue(event, [primary ? { ...intent, primary: true } : intent])) onDone();
  };

  const act = async (event: Event, kind: 'unpin' | 'makePrimary') => {
    const intent =
      kind === 'unpin'
        ? { kind: 'unpinMessages' as const, chatId, messageIds: [messageId] }
        : { kind: 'makePrimary' as const, chatId, messageId };
    if (await sending.enqueue(event, [intent])) onDone();
  };

  return (
    <div ref={root} class="cp-dialog" data-testid="pin-dialog" data-pinned={pin ? 'true' : pins ? 'false' : 'unknown'}>
      <h2 class="cp-title">{pin ? t('pageDialogPinnedTitle') : t('pageDialogTitle')}</h2>
      <p class="cp-preview" data-testid="pin-preview">
        {preview.senderName && (
          <>
            <strong dir="auto">{preview.senderName}</strong>:{' '}
          </>
        )}
        <bdi>{preview.text}</bdi>
      </p>
      {!pins && !loadError && <p class="muted">{t('loading')}</p>}
      {pin && (
        <>
          <p data-testid="pin-state">
            {pin.isPrimary ? t('pagePinnedPrimary') : t('pagePinned')} · {expiryText(pin.expiry)}
            {pin.pending && ` · ${t('pageSaving')}`}
          </p>
          <div class="cp-row">
            {!pin.isPrimary && (
              <button
                type="button"
                data-testid="dialog-make-primary"
                disabled={sending.busy}
                onClick={(e) => act(e, 'makePrimary')}
              >
                {t('pageMakePrimary')}
              </button>
            )}
            <button
              type="button"
              class="cp-danger"
              data-autofocus
              data-testid="dialog-unpin"
              disabled={sending.busy}
              onClick={(e) => act(e, 'unpin')}
            >
              {t('pageUnpin')}
            </button>
          </div>
        </>
      )}
      {full && (
        <p role="alert" class="error" data-testid="pin-limit">
          {tn('pagePinLimit', MAX_PINS_PER_CHAT)}
        </p>
      )}
      {pins && !pin && !full && (
        <form onSubmit={submit}>
          <fieldset class="cp-fieldset">
            <legend>{t('pageKeepPinned')}</legend>
            {EXPIRY_PRESETS.map((value) => (
              <label key={value} class="cp-choice">
                <input
                  type="radio"
                  name="expiry"
                  value={value}
                  data-testid={`expiry-${value}`}
                  checked={preset === value}
                  onChange={() => setPreset(value)}
                />{' '}
                {t(PRESET_LABELS[value])}
              </label>
            ))}
            <input
              type="datetime-local"
              data-testid="expiry-date-input"
              aria-label={t('pageExpiryDate')}
              value={date}
              disabled={preset !== 'date'}
              onInput={(e) => setDate(e.currentTarget.value)}
            />
            {/* The date field is drawn by the browser, in its own locale: this says the date in the UI's language. */}
            {preset === 'date' && chosen.ok && (
              <output class="muted" data-testid="expiry-date-preview">
                {expiryText(chosen.expiry)}
              </output>
            )}
          </fieldset>
          <label class="cp-choice">
            <input type="checkbox" data-testid="pin-notify" checked={notify} onChange={() => setNotify(!notify)} />{' '}
            {t('pageNotify')}
          </label>
          <label class="cp-choice">
            <input type="checkbox" data-testid="pin-primary" checked={primary} onChange={() => setPrimary(!primary)} />{' '}
            {t('pageMakePrimary')}
          </label>
          <div class="cp-row">
            <button type="submit" class="primary" data-testid="dialog-pin" data-autofocus disabled={sending.busy}>
              {t('pagePin')}
            </button>
            <button type="button" onClick={onDone}>
              {t('pageCancel')}
            </button>
          </div>
        </form>
      )}
      {(sending.error ?? loadError) && (
        <p role="alert" class="error" data-testid="pin-dialog-error">
          {sending.error ?? loadError}
        </p>
      )}
    </div>
  );
}
