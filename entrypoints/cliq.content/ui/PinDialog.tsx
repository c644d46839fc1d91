import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_PINS_PER_CHAT } from '../../../lib/cliq/constants';
import { t, tn } from '../../../lib/i18n';
import { toLocalDateTime } from '../../../lib/intents/expiry';
import { EXPIRY_PRESETS, type ExpiryPreset, expiryFor, tomorrowMorning } from '../../../lib/page/expiry';
import { useChatPins, useEnqueue } from './hooks';
import { Popover } from './Popover';
import { barChannel } from './page-state';
import { expiryText } from './text';
import { pinUndo } from './undo';

export interface PinTarget {
  chatId: string;
  messageId: string;
  preview: { text: string; senderName?: string };
}

/** The popup's words for the same choices: one vocabulary wherever an expiry is picked. */
const PRESET_LABELS = {
  hour: 'popupExpiryHour',
  endOfDay: 'popupExpiryEndOfDay',
  week: 'popupExpiryWeek',
  forever: 'popupExpiryForever',
  date: 'pageExpiryDate',
} as const satisfies Record<ExpiryPreset, string>;

/**
 * Pin one message (expiry, notify, primary), or see that it is pinned and change its expiry, make it primary or
 * unpin it (with undo in the pinned bar). A chat already holding Cliq's maximum of pins says so and offers its
 * list, where one can be unpinned. Focus never starts on a button that removes something: Enter pins, or closes.
 */
export function PinDialog({ target, onDone }: { target: PinTarget; onDone: () => void }) {
  const { chatId, messageId, preview } = target;
  const { pins, error: loadError } = useChatPins(chatId);
  const sending = useEnqueue();
  const pin = pins?.find((p) => p.messageId === messageId);
  const [preset, setPreset] = useState<ExpiryPreset>();
  const [date, setDate] = useState<string>();
  const [notify, setNotify] = useState(false);
  const [primary, setPrimary] = useState(false);

  const full = !pin && (pins?.length ?? 0) >= MAX_PINS_PER_CHAT;
  const root = useRef<HTMLDivElement>(null);
  const loaded = pins !== undefined;
  // A pinned message's choices start at its own expiry.
  const pinnedUntil = pin && pin.expiry !== -1 ? pin.expiry : undefined;
  const chosen = preset ?? (pin ? (pinnedUntil ? 'date' : 'forever') : 'forever');
  const dateValue = date ?? toLocalDateTime(pinnedUntil ?? tomorrowMorning(Date.now()));
  const datePreview = expiryFor('date', Date.now(), dateValue);

  useEffect(() => {
    if (loaded) root.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [loaded]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const choice = expiryFor(chosen, Date.now(), dateValue);
    if (!choice.ok) {
      sending.setError(t(choice.reason === 'past' ? 'pageDateInPast' : 'pageDateMissing'));
      return;
    }
    const { expiry } = choice;
    // Cliq changes an expiry by unpinning and pinning again (in your name): never for the expiry it already has.
    if (pin && (expiry === pin.expiry || (expiry !== -1 && Math.abs(expiry - pin.expiry) < 60_000))) return onDone();
    const intent = pin
      ? { kind: 'changePinExpiry' as const, chatId, messageId, expiry }
      : { kind: 'pinMessage' as const, chatId, messageId, expiry, notify, preview, ...(primary ? { primary } : {}) };
    if (await sending.enqueue(event, [intent])) onDone();
  };

  const makePrimary = async (event: Event) => {
    if (await sending.enqueue(event, [{ kind: 'makePrimary', chatId, messageId }])) onDone();
  };

  const unpin = async (event: Event) => {
    const before = pins ?? [];
    if (!(await sending.enqueue(event, [{ kind: 'unpinMessages', chatId, messageIds: [messageId] }]))) return;
    barChannel.dispatchEvent(
      new CustomEvent('undo', { detail: { chatId, undo: pinUndo(chatId, before, [messageId]) } }),
    );
    onDone();
  };

  const showPins = () => {
    barChannel.dispatchEvent(new CustomEvent('show', { detail: chatId }));
    onDone();
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
        <p data-testid="pin-state">
          {pin.isPrimary ? t('pagePinnedPrimary') : t('pagePinned')} · {expiryText(pin.expiry)}
          {pin.pending && ` · ${t('pageSaving')}`}
        </p>
      )}
      {full && (
        <>
          <p role="alert" class="error" data-testid="pin-limit">
            {tn('pagePinLimit', MAX_PINS_PER_CHAT)}
          </p>
          <div class="cp-row">
            <button type="button" class="primary" data-autofocus data-testid="pin-limit-show" onClick={showPins}>
              {t('pageShowChatPins')}
            </button>
            <button type="button" onClick={onDone}>
              {t('pageCancel')}
            </button>
          </div>
        </>
      )}
      {pins && !full && (
        <form onSubmit={submit}>
          <fieldset class="cp-fieldset">
            <legend>{pin ? t('popupChangeExpiry') : t('pageKeepPinned')}</legend>
            {EXPIRY_PRESETS.map((value) => (
              <label key={value} class="cp-choice">
                <input
                  type="radio"
                  name="expiry"
                  value={value}
                  data-testid={`expiry-${value}`}
                  checked={chosen === value}
                  onChange={() => setPreset(value)}
                />{' '}
                {t(PRESET_LABELS[value])}
              </label>
            ))}
            <input
              type="datetime-local"
              data-testid="expiry-date-input"
              aria-label={t('pageExpiryDate')}
              value={dateValue}
              disabled={chosen !== 'date'}
              onInput={(e) => setDate(e.currentTarget.value)}
            />
            {/* The date field is drawn by the browser, in its own locale: this says the date in the UI's language. */}
            {chosen === 'date' && datePreview.ok && (
              <output class="muted" data-testid="expiry-date-preview">
                {expiryText(datePreview.expiry)}
              </output>
            )}
          </fieldset>
          {!pin && (
            <>
              <label class="cp-choice">
                <input type="checkbox" data-testid="pin-notify" checked={notify} onChange={() => setNotify(!notify)} />{' '}
                {t('pageNotify')}
              </label>
              <label class="cp-choice">
                <input
                  type="checkbox"
                  data-testid="pin-primary"
                  checked={primary}
                  onChange={() => setPrimary(!primary)}
                />{' '}
                {t('pageMakePrimary')}
              </label>
            </>
          )}
          <div class="cp-row">
            <button
              type="submit"
              class="primary"
              data-testid={pin ? 'dialog-change-expiry' : 'dialog-pin'}
              data-autofocus={!pin || undefined}
              disabled={sending.busy}
            >
              {pin ? t('pageChangeExpiry') : t('pagePin')}
            </button>
            <button type="button" data-testid="dialog-cancel" data-autofocus={pin ? true : undefined} onClick={onDone}>
              {t('pageCancel')}
            </button>
          </div>
        </form>
      )}
      {pin && (
        <div class="cp-row cp-separate">
          {!pin.isPrimary && (
            <button type="button" data-testid="dialog-make-primary" disabled={sending.busy} onClick={makePrimary}>
              {t('pageMakePrimary')}
            </button>
          )}
          <button type="button" class="cp-danger" data-testid="dialog-unpin" disabled={sending.busy} onClick={unpin}>
            {t('pageUnpin')}
          </button>
        </div>
      )}
      {(sending.error ?? loadError) && (
        <p role="alert" class="error" data-testid="pin-dialog-error">
          {sending.error ?? loadError}
        </p>
      )}
    </div>
  );
}

/** The pin dialog next to its message (gone from the page: it stays where it was); focus returns to `returnFocus`. */
export function PinDialogPopover(props: {
  target: PinTarget;
  message: Element;
  returnFocus?: HTMLElement;
  onClose: () => void;
}) {
  const { target, message, returnFocus, onClose } = props;
  return (
    <Popover
      key={target.messageId}
      anchor={() => (message.isConnected ? message.getBoundingClientRect() : null)}
      onClose={onClose}
      label={t('pageDialogTitle')}
      testId="pin-dialog-popover"
      returnFocus={() => returnFocus ?? null}
    >
      <PinDialog target={target} onDone={onClose} />
    </Popover>
  );
}
