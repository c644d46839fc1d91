import { useCallback, useState } from 'preact/hooks';
import type { ShownFolder } from '../../../lib/board/read-models';
import { DEFAULT_FOLDER_ID } from '../../../lib/cliq/constants';
import { t } from '../../../lib/i18n';
import type { IntentInput } from '../../../lib/intents/intents';
import { folderName } from './folder-name';
import { useEnqueue, useFolders } from './hooks';
import { Popover } from './Popover';
import { usePageUndo } from './undo';

/** Before the folder list was ever read, My Pins still exists: Cliq always has it. */
const MY_PINS: ShownFolder = {
  folderId: DEFAULT_FOLDER_ID,
  isMyPins: true,
  collapsed: false,
  chatIds: [],
  position: 0,
  pending: false,
  chats: [],
};

/** A folder as a person names it in a sentence ("Move to Projects"): its title, without the symbol. */
const folderTitle = (folder: ShownFolder) => (folder.isMyPins ? t('pageMyPins') : folder.title || folderName(folder));

/**
 * Which folders hold a chat, as checkboxes (ticking one adds the chat, unticking takes it out), and the actions
 * on it: move it to one folder (out of every other), pin it into a new folder, or unpin it everywhere, apart
 * from the rest and with undo. Folders being changed wait until saved.
 */
export function FolderMenu({ chatId, chatName }: { chatId: string; chatName?: string }) {
  const { folders: read, error } = useFolders();
  const sending = useEnqueue();
  const [creating, setCreating] = useState(false);
  const [title, setTitle] = useState('');
  const [symbol, setSymbol] = useState('');
  const undo = usePageUndo();

  const folders = read && !read.some((f) => f.isMyPins) ? [MY_PINS, ...read] : read;
  const holding = folders?.filter((f) => f.chatIds.includes(chatId)) ?? [];
  const target = (folder: ShownFolder) => (folder.isMyPins ? {} : { folderId: folder.folderId });

  const removal = (folder: ShownFolder): IntentInput | null => {
    if (!folder.isMyPins) {
      const chatIds = folder.chatIds.filter((id) => id !== chatId);
      return { kind: 'replaceFolderChats', folderId: folder.folderId, chatIds, editedFrom: folder.chatIds };
    }
    // Cliq cannot take a chat out of My Pins alone; when it is the only place, that is unpinning it.
    return holding.length === 1 ? { kind: 'unpinChat', chatId } : null;
  };

  const unpinEverywhere = async (event: Event) => {
    const before = holding;
    if (!(await sending.enqueue(event, [{ kind: 'unpinChat', chatId }]))) return;
    // Put back into each folder that held it, at its old place: the folder's list as it was, stated against that
    // list without the chat, so chats added or removed meanwhile stay as they are. My Pins takes no list (Cliq
    // cannot take a chat out of it alone), so there the chat goes back at the end.
    undo.offer({
      message: t('pageUnpinnedChat'),
      plan: async () =>
        before.map((folder): IntentInput => {
          if (folder.isMyPins) return { kind: 'pinChatToFolder', chatId };
          const editedFrom = folder.chatIds.filter((id) => id !== chatId);
          return { kind: 'replaceFolderChats', folderId: folder.folderId, chatIds: [...folder.chatIds], editedFrom };
        }),
    });
  };

  const create = async (event: Event) => {
    event.preventDefault();
    const ok = await sending.enqueue(event, [{ kind: 'createFolder', title, symbol, chatIds: [chatId] }]);
    if (ok) {
      setCreating(false);
      setTitle('');
      setSymbol('');
    }
  };

  return (
    <div class="cp-menu" data-testid="folder-menu" data-chat-id={chatId}>
      <h2 class="cp-title">{chatName ? t('pageFolderMenuTitleNamed', chatName) : t('pageFolderMenuTitle')}</h2>
      <p class="muted" data-testid="folder-membership">
        {holding.length > 0 ? t('pagePinnedIn', holding.map(folderName).join(', ')) : t('pageChatNotPinned')}
      </p>
      {!folders && !error && <p class="muted">{t('loading')}</p>}
      <p class="muted">{t('pageFolderMenuHelp')}</p>
      <ul class="cp-folders" aria-label={t('pageFolders')}>
        {folders?.map((folder) => {
          const holds = holding.includes(folder);
          const remove = holds ? removal(folder) : null;
          const busy = sending.busy || folder.pending;
          return (
            <li key={folder.folderId} data-testid="folder-row" data-folder-id={folder.folderId} data-holds={holds}>
              <label
                class="cp-folder"
                title={
                  holds ? (remove ? t('pageRemoveFromFolder') : t('pageMyPinsOnlyWithOthers')) : t('pageAddToFolder')
                }
              >
                <input
                  type="checkbox"
                  data-testid="folder-toggle"
                  checked={holds}
                  disabled={busy || (holds && !remove)}
                  onChange={(event) =>
                    sending.enqueue(event, [remove ?? { kind: 'pinChatToFolder', chatId, ...target(folder) }])
                  }
                />{' '}
                <bdi>{folderName(folder)}</bdi>
                {folder.pending && <span class="muted"> · {t('pageSaving')}</span>}
              </label>
              {holding.length > 0 && !holds && (
                <button
                  type="button"
                  data-testid="folder-move"
                  aria-label={t('pageMoveToFolder', folderTitle(folder))}
                  disabled={busy}
                  onClick={(event) =>
                    sending.enqueue(event, [
                      { kind: 'unpinChat', chatId },
                      { kind: 'pinChatToFolder', chatId, ...target(folder) },
                    ])
                  }
                >
                  {t('pageMoveHere')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {creating ? (
        <form class="cp-row" onSubmit={create} data-testid="new-folder-form">
          <input
            aria-label={t('pageFolderSymbol')}
            placeholder="📁"
            maxLength={50}
            size={3}
            value={symbol}
            data-testid="new-folder-symbol"
            onInput={(e) => setSymbol(e.currentTarget.value)}
          />
          <input
            aria-label={t('pageFolderTitle')}
            placeholder={t('pageFolderTitle')}
            maxLength={255}
            required
            value={title}
            data-testid="new-folder-title"
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={sending.busy || title.trim() === ''}>
            {t('pageCreate')}
          </button>
        </form>
      ) : (
        <div class="cp-row">
          <button type="button" data-testid="new-folder" onClick={() => setCreating(true)}>
            {t('pageNewFolder')}
          </button>
        </div>
      )}
      {holding.length > 0 && (
        <div class="cp-row cp-separate">
          <button
            type="button"
            class="cp-danger"
            data-testid="unpin-chat"
            disabled={sending.busy}
            onClick={unpinEverywhere}
          >
            {t('pageUnpinChat')}
          </button>
        </div>
      )}
      {undo.view}
      {(sending.error ?? error) && (
        <p role="alert" class="error">
          {sending.error ?? error}
        </p>
      )}
    </div>
  );
}

export interface FolderPopoverProps {
  chatId: string;
  chatName?: string;
  /** The button that opened it (folder-button.ts): the popover hangs from it, and focus returns to it. */
  button: HTMLButtonElement;
  testId: string;
  onClose(): void;
}

/** The folder menu for one chat, in a popover next to the button that opened it. */
export function FolderPopover({ chatId, chatName, button, testId, onClose }: FolderPopoverProps) {
  const anchor = useCallback(() => button.getBoundingClientRect(), [button]);
  return (
    <Popover
      key={chatId}
      anchor={anchor}
      onClose={onClose}
      label={t('pageFolderMenuTitle')}
      testId={testId}
      inside={() => [button]}
      returnFocus={() => button}
    >
      <FolderMenu chatId={chatId} chatName={chatName} />
    </Popover>
  );
}
