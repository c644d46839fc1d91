import { formatCount, t, tn } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/page-send';
import { usePopup } from './context';
import { sweepTimeLeftMs } from './model/estimate';
import { duration, timeAgo } from './model/time';

/**
 * How complete the board is: while the background reads chats' pins, how far it is and how long Cliq's rate
 * limit makes the rest take; once done, when it last read everything, with a way to read it all again.
 */
export function SyncStatus({ lockedUntil }: { lockedUntil?: number | null }) {
  const popup = usePopup();
  const { chatsToRead, chatsInSweep, lastCompleteAt, unreadableChats } = popup.board;
  if (chatsToRead > 0) {
    const total = Math.max(chatsInSweep, chatsToRead);
    // A lock holds everything until it lifts; the reads left follow it.
    const lockLeft = Math.max(0, (lockedUntil ?? 0) - popup.now);
    const left = duration(lockLeft + sweepTimeLeftMs(chatsToRead, popup.minuteMs));
    return (
      <p class="sync-status muted" role="status" data-testid="sync-status" data-state="reading">
        <span class="spinner" aria-hidden="true" />
        {tn('popupSyncProgress', total, formatCount(total - chatsToRead), left)}
      </p>
    );
  }
  return (
    <p class="sync-status muted" data-testid="sync-status" data-state="complete" data-complete-at={lastCompleteAt}>
      {unreadableChats > 0 ? (
        <span class="error" data-testid="sync-unreadable">
          {t('popupSyncUnreadable', formatCount(unreadableChats))}
        </span>
      ) : lastCompleteAt !== undefined && Number.isFinite(lastCompleteAt) ? (
        t('popupSyncedAt', timeAgo(lastCompleteAt, popup.now, t('popupJustNow')))
      ) : (
        t('popupNotSyncedYet')
      )}{' '}
      <button
        type="button"
        class="link-button"
        data-testid="refresh-board"
        onClick={() => void sendMessage('refreshBoard', {}).then(() => popup.notify(t('popupRefreshing'), 'ok'))}
      >
        {t('popupRefresh')}
      </button>
    </p>
  );
}
