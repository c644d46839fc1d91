import { useMemo } from 'preact/hooks';
import { t, tn } from '../../lib/i18n';
import { usePopup } from './context';
import { ConfirmDialog, Dialog } from './Dialog';
import { type ImportChat, type ImportOutcome, parseExportFile, planImport, planImportUndo } from './model/import';
import { boardStore } from './useBoard';

const OUTCOME_CHIP: Record<ImportOutcome, string> = {
  restore: 'chip chip-accent',
  pinned: 'chip',
  full: 'chip chip-warn',
  noAccess: 'chip chip-warn',
  expired: 'chip chip-warn',
};

const OUTCOME_LABEL: Record<ImportOutcome, Parameters<typeof t>[0]> = {
  restore: 'importOutcomeRestore',
  pinned: 'importOutcomePinned',
  full: 'importOutcomeFull',
  noAccess: 'importOutcomeNoAccess',
  expired: 'importOutcomeExpired',
};

/** Chats where something happens (or cannot) first; chats the file finds exactly as they are, last. */
const changesFirst = (chats: readonly ImportChat[]) => [
  ...chats.filter((chat) => chat.rows.some((row) => row.outcome !== 'pinned')),
  ...chats.filter((chat) => chat.rows.every((row) => row.outcome === 'pinned')),
];

/**
 * The preview of a restore: per chat, what is pinned again, what is pinned already and what cannot be; then it
 * goes through the queue like any bulk action (estimate, progress, undo). A refused file only says why.
 */
export function ImportDialog({ text, onClose }: { text: string; onClose(): void }) {
  const popup = usePopup();
  const parsed = useMemo(() => parseExportFile(text), [text]);
  if (!parsed.ok) {
    return (
      <Dialog title={t('importRefusedTitle')} onClose={onClose} testId="import-refused">
        <p role="alert" class="error" data-testid="import-error">
          {parsed.error}
        </p>
        <div class="dialog-actions">
          <button type="button" onClick={onClose} autofocus>
            {t('popupClose')}
          </button>
        </div>
      </Dialog>
    );
  }
  const plan = planImport(parsed.file, popup.board, popup.now);
  const rows = plan.chats.flatMap((chat) => chat.rows);
  const count = (outcome: ImportOutcome) => rows.filter((row) => row.outcome === outcome).length;
  const restoring = count('restore');
  return (
    <ConfirmDialog
      title={t('importTitle')}
      intents={plan.intents}
      confirmLabel={t('importConfirm')}
      onClose={onClose}
      testId="import-preview"
      undo={{
        message: tn('importDone', restoring),
        plan: async () => {
          const current = new Map(
            await Promise.all(
              [...plan.restored.keys()].map(async (chatId) => [chatId, await boardStore.chatPins(chatId)] as const),
            ),
          );
          return { intents: planImportUndo(plan.restored, current) };
        },
      }}
    >
      <p data-testid="import-summary">
        {t(
          'importSummary',
          tn('importSummaryRestore', restoring),
          tn('importSummaryPinned', count('pinned')),
          tn('importSummarySkipped', rows.length - restoring - count('pinned')),
        )}
      </p>
      <div class="import-preview">
        {changesFirst(plan.chats).map((chat) => (
          <section key={chat.chatId} data-testid="import-chat" data-chat-id={chat.chatId}>
            <h3>{chat.chatName}</h3>
            <ul>
              {chat.rows.map((row) => (
                <li
                  key={row.messageId}
                  data-testid="import-row"
                  data-message-id={row.messageId}
                  data-outcome={row.outcome}
                >
                  <span class={OUTCOME_CHIP[row.outcome]}>{t(OUTCOME_LABEL[row.outcome])}</span>{' '}
                  <span>{row.summary}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <p class="muted">{t('importGoneNote')}</p>
    </ConfirmDialog>
  );
}
