import { useState } from 'preact/hooks';
import { t, textDirection, tn } from '../../lib/i18n';
import { parseLocalDateTime, presetExpiry, toLocalDateTime } from '../../lib/intents/expiry';
import type { IntentInput } from '../../lib/intents/intents';
import { usePopup } from './context';
import { Dialog } from './Dialog';
import { isExpired } from './model/filters';
import { EXPIRY_CHOICES, isoTime, relativeTime, shortDateTime } from './model/time';
import { planPinRestore } from './model/undo';
import { OpenInCliq } from './OpenInCliq';
import { PinContent } from './PinContent';
import { boardStore } from './useBoard';

interface Props {
  chatId: string;
  messageId: string;
  onClose(): void;
}

/** One pin in full: its text, who pinned it, and its expiry and primary place to change. */
export function PinDetails({ chatId, messageId, onClose }: Props) {
  const popup = usePopup();
  const { board, now } = popup;
  const chat = board.pins.find((c) => c.chatId === chatId);
  const pin = chat?.pins.find((p) => p.messageId === messageId);
  const [date, setDate] = useState(() => toLocalDateTime(now + 24 * 3_600_000));
  const [dateError, setDateError] = useState<string>();

  if (!chat || !pin) {
    return (
      <Dialog title={t('popupPinDetails')} onClose={onClose} testId="pin-details-dialog">
        <p>{t('popupPinGone')}</p>
        <div class="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('popupClose')}
          </button>
        </div>
      </Dialog>
    );
  }
  const expired = isExpired(pin, now);
  const primary = chat.pins.find((p) => !isExpired(p, now))?.messageId === messageId;

  const act = async (intents: IntentInput[], done: string) => {
    onClose();
    await popup.run(intents, done);
  };
  // An expired pin is gone from Cliq: pinning it again is the only way to give it a new expiry.
  const setExpiry = (expiry: number) =>
    act(
      [
        expired
          ? { kind: 'pinMessage', chatId, messageId, expiry, preview: { text: pin.text, senderName: pin.senderName } }
          : { kind: 'changePinExpiry', chatId, messageId, expiry },
      ],
      t('popupExpiryChanged'),
    );
  const setDateExpiry = () => {
    const at = parseLocalDateTime(date);
    if (!(at > Date.now())) {
      setDateError(t('popupExpiryDateInvalid'));
      return;
    }
    void setExpiry(at);
  };
  const unpin = async () => {
    const before = chat.pins;
    onClose();
    if (!(await popup.run([{ kind: 'unpinMessages', chatId, messageIds: [messageId] }]))) return;
    popup.offerUndo({
      message: tn('popupUnpinnedCount', 1),
      plan: async () => ({
        intents: planPinRestore(chatId, before, new Set([messageId]), await boardStore.chatPins(chatId), Date.now()),
      }),
    });
  };
  const link = popup.chatLink(chatId);

  return (
    <Dialog title={t('popupPinDetails')} onClose={onClose} testId="pin-details-dialog">
      <p class="muted" dir="auto">
        {chat.chatName ?? chat.chatId}
      </p>
      <div class="pin-meta">
        {primary && <span class="chip chip-accent">{t('popupPrimary')}</span>}
        {pin.senderName && <strong dir="auto">{pin.senderName}</strong>}
        {pin.sentAt !== undefined && (
          <time class="muted" dateTime={isoTime(pin.sentAt)}>
            {shortDateTime(pin.sentAt, now)}
          </time>
        )}
      </div>
      <PinContent pin={pin} textClass="full-text" />
      <p class="muted">
        {/* Isolated: else, in Arabic, the Latin name swallows the date's day ("ثبّتها 30 · Omar Haddad نوفمبر"). */}
        {pin.pinnedBy && (
          <>
            <span dir={textDirection()}>{t('popupPinnedBy', pin.pinnedBy)}</span> ·{' '}
          </>
        )}
        {/* Cliq's clock may run ahead of ours: a pin is never dated in the future. */}
        {pin.pinnedAt !== undefined && (
          <>
            <time dateTime={isoTime(Math.min(pin.pinnedAt, now))}>
              {shortDateTime(Math.min(pin.pinnedAt, now), now)}
            </time>{' '}
            ·{' '}
          </>
        )}
        {pin.expiry === -1
          ? t('popupNeverExpires')
          : expired
            ? t('popupExpiredAgo', relativeTime(pin.expiry, now))
            : t('popupExpiresAt', shortDateTime(pin.expiry, now))}
      </p>
      <fieldset>
        <legend>{expired ? t('popupPinAgainFor') : t('popupChangeExpiry')}</legend>
        <div class="preset-row">
          {EXPIRY_CHOICES.map(([preset, key]) => (
            <button
              key={preset}
              type="button"
              data-testid={`expiry-${preset}`}
              onClick={() => setExpiry(presetExpiry(preset, Date.now()))}
            >
              {t(key)}
            </button>
          ))}
        </div>
        <div class="preset-row">
          <label>
            {t('popupExpiryDate')}{' '}
            <input
              type="datetime-local"
              value={date}
              min={toLocalDateTime(now)}
              aria-invalid={dateError ? 'true' : undefined}
              aria-describedby={dateError ? 'expiry-date-error' : undefined}
              onInput={(event) => {
                setDate(event.currentTarget.value);
                setDateError(undefined);
              }}
            />
          </label>
          <button type="button" data-testid="expiry-date" onClick={setDateExpiry}>
            {t('popupExpirySetDate')}
          </button>
        </div>
        {/* The date field is drawn by the browser, in its own locale: this says the date in the UI's language. */}
        {parseLocalDateTime(date) > now && (
          <output class="muted" data-testid="expiry-date-preview">
            {t('popupExpiresAt', shortDateTime(parseLocalDateTime(date), now))}
          </output>
        )}
        {dateError && (
          <p id="expiry-date-error" class="error" role="alert">
            {dateError}
          </p>
        )}
      </fieldset>
      <div class="dialog-actions">
        {link && <OpenInCliq class="button-link" href={link} chatName={chat.chatName ?? chat.chatId} />}
        <button
          type="button"
          data-testid="make-primary"
          disabled={primary || expired}
          onClick={() => act([{ kind: 'makePrimary', chatId, messageId }], t('popupMadePrimary'))}
        >
          {t('popupMakePrimary')}
        </button>
        {!expired && (
          <button type="button" class="danger" data-testid="unpin-one" onClick={unpin}>
            {t('popupUnpin')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('popupClose')}
        </button>
      </div>
    </Dialog>
  );
}
