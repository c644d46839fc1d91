import { useEffect, useRef, useState } from 'preact/hooks';
import type { ShownFolder } from '../../lib/board/read-models';
import { formatCount, t, tn } from '../../lib/i18n';
import type { IntentInput } from '../../lib/intents/intents';
import { folderGlyph } from '../folder-symbol';
import { ChatPicker } from './ChatPicker';
import { usePopup } from './context';
import { ConfirmDialog, Dialog } from './Dialog';
import { folderName, isUnconfirmed } from './FolderItem';
import { planChatMove, planFolderRestore } from './model/undo';
import { boardStore } from './useBoard';

const SYMBOLS = ['📁', '🔥', '⭐', '📌', '👥', '🛠️', '💡', '✅', '📣', '🧪', '💬', '🗂️'];
const TITLE_MAX = 255;
const SYMBOL_MAX = 50;

/** Undo for any folder edit: put every folder and chat list back as the snapshot shows it. */
export function restoreFolders(before: readonly ShownFolder[]) {
  return async () => planFolderRestore(before, await boardStore.folders());
}

/** Create a folder or edit one: title, emoji and the chats it holds. */
export function FolderDialog({
  folder,
  onClose,
  onCreated,
}: {
  folder?: ShownFolder;
  onClose(): void;
  /** A new folder was queued with this title: the list brings it into view. */
  onCreated?(title: string): void;
}) {
  const popup = usePopup();
  const [title, setTitle] = useState(folder?.title ?? '');
  const [symbol, setSymbol] = useState(folder?.symbol ?? SYMBOLS[0] ?? '');
  const [chatIds, setChatIds] = useState<string[]>(() => [...(folder?.chatIds ?? [])]);
  const [error, setError] = useState<string>();
  const titleInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (error) titleInput.current?.focus();
  }, [error]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) {
      setError(t('popupFolderTitleRequired'));
      titleInput.current?.focus();
      return;
    }
    const intents: IntentInput[] = [];
    if (!folder) intents.push({ kind: 'createFolder', title: trimmed, symbol, chatIds });
    else {
      if (trimmed !== folder.title) intents.push({ kind: 'renameFolder', folderId: folder.folderId, title: trimmed });
      if (symbol !== (folder.symbol ?? '')) {
        intents.push({ kind: 'changeFolderSymbol', folderId: folder.folderId, symbol });
      }
      // Kept chats keep their order; added ones go to the end, as Cliq adds them.
      const kept = folder.chatIds.filter((id) => chatIds.includes(id));
      const edited = [...kept, ...chatIds.filter((id) => !kept.includes(id))];
      if (edited.join() !== folder.chatIds.join()) {
        intents.push({
          kind: 'replaceFolderChats',
          folderId: folder.folderId,
          chatIds: edited,
          editedFrom: [...folder.chatIds],
        });
      }
    }
    onClose();
    if (intents.length === 0) return;
    if (await popup.run(intents, folder ? t('popupFolderSaved') : t('popupFolderCreated'))) onCreated?.(trimmed);
  };

  return (
    <Dialog
      title={folder ? t('popupEditFolderTitle', folderName(folder)) : t('popupNewFolderTitle')}
      onClose={onClose}
      testId="folder-dialog"
    >
      <form onSubmit={submit} noValidate>
        <label class="field">
          <span>{t('popupFolderTitleLabel')}</span>
          <input
            type="text"
            value={title}
            maxLength={TITLE_MAX}
            required
            autofocus
            data-testid="folder-title"
            ref={titleInput}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'folder-title-error' : undefined}
            onInput={(event) => {
              setTitle(event.currentTarget.value);
              setError(undefined);
            }}
          />
        </label>
        {error && (
          <p id="folder-title-error" class="error" role="alert">
            {error}
          </p>
        )}
        <fieldset>
          <legend>{t('popupFolderSymbolLabel')}</legend>
          <div class="symbol-row">
            {SYMBOLS.map((s) => (
              <button
                key={s}
                type="button"
                class="symbol-choice"
                aria-pressed={symbol === s}
                aria-label={t('popupUseSymbol', s)}
                onClick={() => setSymbol(s)}
              >
                {s}
              </button>
            ))}
            <input
              type="text"
              class="symbol-input"
              value={symbol}
              maxLength={SYMBOL_MAX}
              aria-label={t('popupFolderSymbolOther')}
              data-testid="folder-symbol"
              onInput={(event) => setSymbol(event.currentTarget.value)}
            />
          </div>
        </fieldset>
        <ChatPicker chatIds={chatIds} onChange={setChatIds} />
        <div class="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('popupCancel')}
          </button>
          <button type="submit" class="primary" data-testid="folder-save">
            {folder ? t('popupSave') : t('popupCreate')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Deleting asks what happens to the folder's chats; either way it can be undone for a few seconds. */
export function DeleteFolderDialog({ folder, onClose }: { folder: ShownFolder; onClose(): void }) {
  const popup = usePopup();
  const [unpinAll, setUnpinAll] = useState(false);
  const intents: IntentInput[] = [{ kind: 'deleteFolder', folderId: folder.folderId, unpinAll }];
  const before = popup.board.folders;
  const name = folderName(folder);
  return (
    <ConfirmDialog
      title={t('popupDeleteFolderTitle', name)}
      intents={intents}
      confirmLabel={t('popupDeleteFolder')}
      danger
      testId="delete-folder-dialog"
      onClose={onClose}
      undo={{ message: t('popupFolderDeleted', name), plan: restoreFolders(before) }}
    >
      <fieldset>
        <legend>{t('popupDeleteFolderChats', formatCount(folder.chats.length))}</legend>
        <label class="radio">
          <input
            type="radio"
            name="unpin-all"
            checked={!unpinAll}
            data-testid="delete-move-to-my-pins"
            onChange={() => setUnpinAll(false)}
          />
          {t('popupDeleteMoveToMyPins')}
        </label>
        <label class="radio">
          <input
            type="radio"
            name="unpin-all"
            checked={unpinAll}
            data-testid="delete-unpin-all"
            onChange={() => setUnpinAll(true)}
          />
          {t('popupDeleteUnpinChats')}
        </label>
      </fieldset>
    </ConfirmDialog>
  );
}

/** Moves the picked chats out of the folders they were picked in and into one other folder. */
export function MoveChatsDialog({
  picked,
  onClose,
  onDone,
}: {
  picked: ReadonlyMap<string, readonly string[]>;
  onClose(): void;
  onDone(): void;
}) {
  const popup = usePopup();
  const folders = popup.board.folders;
  const targets = folders.filter((f) => !isUnconfirmed(f));
  // Nothing chosen to begin with: a preselected folder is one Enter away from a move nobody chose.
  const [target, setTarget] = useState('');
  const targetFolder = folders.find((f) => f.folderId === target);
  // Chats moved into a collapsed folder would seem to vanish: it opens to show them.
  const intents: IntentInput[] = target
    ? [
        ...planChatMove(folders, picked, target),
        ...(targetFolder?.collapsed && !targetFolder.isMyPins
          ? [{ kind: 'setFolderCollapsed' as const, folderId: target, collapsed: false }]
          : []),
      ]
    : [];
  const count = new Set([...picked.values()].flat()).size;
  return (
    <ConfirmDialog
      title={t('popupMoveChatsTitle', formatCount(count))}
      intents={intents}
      confirmLabel={t('popupMove')}
      needsChoice={target ? undefined : t('popupMoveChooseFirst')}
      testId="move-chats-dialog"
      onClose={onClose}
      onDone={onDone}
      undo={{
        message: tn('popupChatsMoved', count, targetFolder ? folderName(targetFolder) : ''),
        plan: restoreFolders(folders),
      }}
    >
      <label class="field">
        <span>{t('popupMoveTo')}</span>
        <select
          value={target}
          data-testid="move-target"
          autofocus
          required
          onChange={(event) => setTarget(event.currentTarget.value)}
        >
          <option value="" disabled>
            {t('popupChooseFolder')}
          </option>
          {targets.map((f) => (
            <option key={f.folderId} value={f.folderId}>
              {f.isMyPins ? folderName(f) : `${folderGlyph(f.symbol)} ${folderName(f)}`}
            </option>
          ))}
        </select>
      </label>
    </ConfirmDialog>
  );
}
