import { t } from '../../lib/i18n';
import type { PinRecord } from '../../lib/store/records';

/** Cliq's file types that have a picture of their own; anything else is a paper clip. */
const FILE_ICONS: Record<string, string> = { image: '🖼️', video: '🎞️', audio: '🎵' };

/**
 * A pin's body as Cliq shows it: a file by its name (and its comment), otherwise the text.
 * Rendered as text: Preact escapes it, nothing is parsed as HTML.
 */
export function PinContent({ pin, textClass }: { pin: Pick<PinRecord, 'text' | 'attachment'>; textClass: string }) {
  const file = pin.attachment;
  return (
    <>
      {file && (
        <p class="pin-file" data-testid="pin-file" dir="auto">
          <span aria-hidden="true">{FILE_ICONS[file.kind ?? ''] ?? '📎'}</span>{' '}
          <span class="visually-hidden">{t('popupFile')} </span>
          {file.name}
        </p>
      )}
      {(pin.text || !file) && (
        <p class={pin.text ? textClass : `${textClass} muted`} dir="auto">
          {pin.text || t('popupNoText')}
        </p>
      )}
    </>
  );
}
