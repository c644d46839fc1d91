import { pinSummary } from '../../lib/board/pin-summary';
import type { ShownPin } from '../../lib/board/read-models';
import { t } from '../../lib/i18n';
import { isExpired } from './model/filters';
import { isoTime, relativeTime, shortDateTime, timeAgo } from './model/time';
import { PinContent } from './PinContent';

interface Props {
  pin: ShownPin;
  rowKey: string;
  selected: boolean;
  now: number;
  expiringSoonMs: number;
  /** Drag handles only where order means something (Cliq's order, not newest-pinned). */
  reorderable: boolean;
  /** Alt+↑ would make this pin the primary: said before it is pressed. */
  movesPrimary?: 'up';
  dragClass: string;
  onSelect(shift: boolean): void;
  onDetails(): void;
  onDragStart(event: PointerEvent): void;
}

/** A short, single-line label for screen readers; the full text stays visible in the row. */
function pinLabel(pin: Pick<ShownPin, 'text' | 'attachment' | 'senderName'>): string {
  const text = pinSummary(pin).replace(/\s+/g, ' ').trim();
  const short = text.length > 80 ? `${text.slice(0, 79)}…` : text || t('popupNoText');
  return pin.senderName ? `${pin.senderName}: ${short}` : short;
}

function ExpiryChip({ pin, now, soonMs }: { pin: ShownPin; now: number; soonMs: number }) {
  if (pin.expiry === -1) return null;
  if (isExpired(pin, now)) {
    return (
      <time class="chip chip-danger" dateTime={isoTime(pin.expiry)}>
        {t('popupExpiredAgo', relativeTime(pin.expiry, now))}
      </time>
    );
  }
  const soon = pin.expiry <= now + soonMs;
  return (
    <time
      class={soon ? 'chip chip-warn' : 'chip'}
      dateTime={isoTime(pin.expiry)}
      title={shortDateTime(pin.expiry, now)}
    >
      {t('popupExpiresIn', relativeTime(pin.expiry, now))}
    </time>
  );
}

/** One pinned message. Everything from Cliq is rendered as text: Preact escapes it, nothing is parsed as HTML. */
export function PinRow(props: Props) {
  const { pin, now } = props;
  const label = pinLabel(pin);
  return (
    <li
      class={`row pin-row ${props.selected ? 'selected' : ''} ${props.dragClass}`}
      data-testid="pin"
      data-message-id={pin.messageId}
      data-chat-id={pin.chatId}
      data-primary={pin.isPrimary ? 'true' : undefined}
      data-pending={pin.pending ? 'true' : undefined}
      data-drag-group={`pins:${pin.chatId}`}
      data-drag-key={pin.messageId}
    >
      {props.reorderable ? (
        <span
          class="drag-handle"
          aria-hidden="true"
          title={t('popupDragHint')}
          data-testid="drag-handle"
          onPointerDown={props.onDragStart}
        >
          ⠿
        </span>
      ) : (
        <span class="drag-handle placeholder" aria-hidden="true" />
      )}
      <input
        type="checkbox"
        class="row-check"
        checked={props.selected}
        aria-label={t('popupSelectPin', label)}
        aria-keyshortcuts={props.reorderable ? 'Alt+ArrowUp Alt+ArrowDown' : undefined}
        aria-describedby={props.movesPrimary ? `moves-primary-${props.rowKey}` : undefined}
        data-row-focus
        data-focus-key={props.rowKey}
        onClick={(event) => props.onSelect(event.shiftKey)}
      />
      {props.movesPrimary && (
        <span id={`moves-primary-${props.rowKey}`} class="visually-hidden">
          {t('popupAltUpMakesPrimary')}
        </span>
      )}
      <div class="pin-body">
        <div class="pin-meta">
          <span class="pin-who">
            {pin.isPrimary && <span class="chip chip-accent">{t('popupPrimary')}</span>}
            {pin.senderName && (
              <strong class="sender" dir="auto">
                {pin.senderName}
              </strong>
            )}
            {pin.sentAt !== undefined && (
              <time class="muted" dateTime={isoTime(pin.sentAt)}>
                {shortDateTime(pin.sentAt, now)}
              </time>
            )}
            {pin.pending && <span class="chip chip-pending">{t('popupPending')}</span>}
          </span>
          <span class="pin-about muted">
            {pin.pinnedBy && <span>{t('popupPinnedBy', pin.pinnedBy)}</span>}
            {pin.pinnedAt !== undefined && (
              <time dateTime={isoTime(pin.pinnedAt)}>{timeAgo(pin.pinnedAt, now, t('popupJustNow'))}</time>
            )}
            <ExpiryChip pin={pin} now={now} soonMs={props.expiringSoonMs} />
          </span>
        </div>
        <PinContent pin={pin} textClass="pin-text" />
      </div>
      <button
        type="button"
        class="icon-button"
        data-testid="pin-details"
        aria-label={t('popupPinDetailsFor', label)}
        title={t('popupPinDetails')}
        onClick={props.onDetails}
      >
        ⋯
      </button>
    </li>
  );
}
