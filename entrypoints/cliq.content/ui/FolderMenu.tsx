import { useState } from 'preact/hooks';
import { folderGlyph } from '../../../components/folder-symbol';
import type { ShownFolder } from '../../../lib/board/read-models';
import { DEFAULT_FOLDER_ID } from '../../../lib/cliq/constants';
import { t } from '../../../lib/i18n';
import type { IntentInput } from '../../../lib/intents/intents';
import { useEnqueue, useFolders } from './hooks';

export const folderName = (folder: Pick<ShownFolder, 'isMyPins' | 'symbol' | 'title'>) =>
  folder.isMyPins ? t('pageMyPins') : `${folderGlyph(folder.symbol)} ${folder.title ?? ''}`.trim();

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

/**
 * Which folders hold a chat, and the actions on it: add it to a folder, take it out of one, move it (out of
 * every other), pin it into a new folder, or unpin it everywhere. Folders being changed wait until saved.
 */
export function FolderMenu({ chatId, chatName }: { chatId: string; chatName?: string }) {
  const { folders: read, error } = useFolders(true);
  const sending = useEnqueue();
  const [creating, setCreating] = useState(false);
  const [title, setTitle] = useState('');
  const [symbol, setSymbol] = useState('');

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
      <ul class="cp-folders">
        {folders?.map((folder) => {
          const holds = holding.includes(folder);
          const remove = holds ? removal(folder) : null;
          const busy = sending.busy || folder.pending;
          return (
            <li key={folder.folderId} data-testid="folder-row" data-folder-id={folder.folderId} data-holds={holds}>
              <button
                type="button"
                class="cp-folder"
                aria-pressed={holds}
                data-testid="folder-toggle"
                title={
                  holds ? (remove ? t('pageRemoveFromFolder') : t('pageMyPinsOnlyWithOthers')) : t('pageAddToFolder')
                }
                disabled={busy || (holds && !remove)}
                onClick={(event) =>
                  sending.enqueue(event, [remove ?? { kind: 'pinChatToFolder', chatId, ...target(folder) }])
                }
              >
                <span class="cp-check" aria-hidden="true">
                  {holds ? '✓' : ''}
                </span>
                <bdi>{folderName(folder)}</bdi>
                {folder.pending && <span class="muted"> · {t('pageSaving')}</span>}
              </button>
              {holding.length > 0 && !holds && (
                <button
                  type="button"
                  data-testid="folder-move"
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
        <button type="button" data-testid="new-folder" onClick={() => setCreating(true)}>
          {t('pageNewFolder')}
        </button>
      )}
      {holding.length > 0 && (
        <button
          type="button"
          class="cp-danger"
          data-testid="unpin-chat"
          disabled={sending.busy}
          onClick={(event) => sending.enqueue(event, [{ kind: 'unpinChat', chatId }])}
        >
          {t('pageUnpinChat')}
        </button>
      )}
      {(sending.error ?? error) && (
        <p role="alert" class="error">
          {sending.error ?? error}
        </p>
      )}
    </div>
  );
}
