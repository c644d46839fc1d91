import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ShownFolder } from '../../lib/board/read-models';
import { formatCount, t, tn } from '../../lib/i18n';
import type { IntentInput } from '../../lib/intents/intents';
import { type Placement, placementForDrop, placementForStep } from '../../lib/intents/placement';
import { BulkBar } from './BulkBar';
import { usePopup } from './context';
import { ConfirmDialog } from './Dialog';
import { useDragReorder } from './drag';
import { FolderItem, folderName, isUnconfirmed } from './FolderItem';
import { moveRowFocus, refocus, rowKeyAction } from './keys';
import { loadRare, openRare } from './Lazy';
import { searchFolders } from './model/folder-search';
import { allSelected, clickItem, emptySelection, groupSelected, itemKey, keepOnly, toggleAll } from './model/selection';
import { SearchBox } from './SearchBox';
import { TriCheckbox } from './TriCheckbox';

/** Beyond this many folders a search helps find one (Cliq allows far more). */
const FOLDER_SEARCH_FROM = 6;

/** Folders that can move: not My Pins (always first), not one Cliq has yet to confirm. */
const movableIds = (folders: readonly ShownFolder[]) =>
  folders.filter((f) => !f.isMyPins && !isUnconfirmed(f)).map((f) => f.folderId);

/** My Pins and every folder, with their chats, for reordering, moving and removing chats. */
/** Why "Select all chats" has nothing to select. */
function nothingToSelect(folderCount: number, searching: boolean): string {
  if (searching) return t('popupNoFoldersMatch');
  return folderCount === 0 ? t('popupNoFolders') : t('popupNoChatsShown');
}

export function FoldersView() {
  const popup = usePopup();
  const { folders } = popup.board;
  const [selection, setSelection] = useState(emptySelection);
  const [query, setQuery] = useState('');
  const focusAfter = useRef<string | undefined>(undefined);
  const created = useRef<{ title: string; knownIds: string[] } | undefined>(undefined);
  const searching = query.trim() !== '';
  const shown = useMemo(() => searchFolders(folders, query, folderName), [folders, query]);

  const visibleKeys = useMemo(
    () =>
      shown.flatMap((f) =>
        f.collapsed && !f.isMyPins && !searching ? [] : f.chats.map((chat) => itemKey(f.folderId, chat.chatId)),
      ),
    [shown, searching],
  );
  const allKeys = useMemo(() => folders.flatMap((f) => f.chats.map((c) => itemKey(f.folderId, c.chatId))), [folders]);

  useEffect(() => setSelection((s) => keepOnly(s, allKeys)), [allKeys]);
  useEffect(() => {
    refocus(focusAfter.current);
    focusAfter.current = undefined;
    // A new folder is added at the end of a list that may be long: bring it into view and put focus on it, once
    // when it appears and again when Cliq has confirmed it (it then gets its real id, and a new element).
    const wanted = created.current;
    const folder = wanted && folders.find((f) => f.title === wanted.title && !wanted.knownIds.includes(f.folderId));
    if (!wanted || !folder) return;
    const item = document.querySelector<HTMLElement>(
      `[data-testid=folder][data-folder-id="${CSS.escape(folder.folderId)}"]`,
    );
    item?.scrollIntoView({ block: 'nearest' });
    item?.focus();
    if (isUnconfirmed(folder)) created.current = { ...wanted, knownIds: [...wanted.knownIds, folder.folderId] };
    else created.current = undefined;
  }, [folders]);

  const moveFolder = (folderId: string, placement: Placement | null) => {
    if (!placement) return;
    focusAfter.current = `folder:${folderId}`;
    void popup.run([{ kind: 'moveFolder', folderId, ...placement }], t('popupFolderMoved'));
  };
  const moveChat = (folderId: string, chatId: string, placement: Placement | null) => {
    if (!placement) return;
    focusAfter.current = itemKey(folderId, chatId);
    void popup.run([{ kind: 'moveChatInFolder', folderId, chatId, ...placement }], t('popupChatMoved'));
  };
  const chatOrder = (folderId: string) => folders.find((f) => f.folderId === folderId)?.chatIds ?? [];

  const { drag, start } = useDragReorder((group, key, target, position) => {
    if (group === 'folders') {
      const movable = movableIds(folders);
      moveFolder(key, placementForDrop(movable, key, target, position));
    } else {
      const folderId = group.slice('folder:'.length);
      moveChat(folderId, key, placementForDrop(chatOrder(folderId), key, target, position));
    }
  });

  const onKeyDown = (event: KeyboardEvent) => {
    if (moveRowFocus(event)) return;
    const action = rowKeyAction(event);
    if (action.type !== 'move') return;
    const target = event.target as HTMLElement;
    const chatRow = target.closest<HTMLElement>('[data-testid=folder-chat]');
    const folderRow = target.closest<HTMLElement>('[data-testid=folder]');
    if (chatRow) {
      event.preventDefault();
      const folderId = chatRow.dataset.folderId ?? '';
      const chatId = chatRow.dataset.chatId ?? '';
      const order = chatOrder(folderId);
      moveChat(folderId, chatId, placementForStep(order, order, chatId, action.step));
    } else if (folderRow) {
      event.preventDefault();
      const folderId = folderRow.dataset.folderId ?? '';
      const movable = movableIds(folders);
      if (!movable.includes(folderId)) {
        popup.notify(t('popupMyPinsStaysFirst'), 'error');
        return;
      }
      moveFolder(folderId, placementForStep(movable, movable, folderId, action.step));
    }
  };

  const picked = groupSelected(selection);
  const chatCount = new Set([...picked.values()].flat()).size;

  const removeEverywhere = () => {
    const chatIds = [...new Set([...picked.values()].flat())];
    const intents: IntentInput[] = [{ kind: 'removeChatsFromAllFolders', chatIds }];
    const before = folders;
    popup.openDialog((close) => (
      <ConfirmDialog
        title={t('popupRemoveChatsTitle', formatCount(chatIds.length))}
        intents={intents}
        confirmLabel={t('popupRemoveChats')}
        danger
        onClose={close}
        onDone={() => setSelection(emptySelection)}
        undo={{
          message: tn('popupChatsRemoved', chatIds.length),
          plan: async () => (await loadRare()).restoreFolders(before)(),
        }}
      >
        <p>{t('popupRemoveChatsBody')}</p>
      </ConfirmDialog>
    ));
  };

  return (
    <div class="view">
      <h2 class="visually-hidden">{t('popupPinnedChats')}</h2>
      <div class="toolbar">
        <button
          type="button"
          class="primary"
          data-testid="new-folder"
          onClick={() =>
            openRare(popup, t('popupNewFolderTitle'), (rare, close) => (
              <rare.FolderDialog
                onClose={close}
                onCreated={(title) => {
                  setQuery('');
                  created.current = { title, knownIds: folders.map((f) => f.folderId) };
                }}
              />
            ))
          }
        >
          {t('popupNewFolder')}
        </button>
        <TriCheckbox
          state={allSelected(selection, visibleKeys)}
          disabled={visibleKeys.length === 0}
          emptyReason={nothingToSelect(folders.length, searching)}
          label={t('popupSelectAllChats')}
          testId="select-all-chats"
          onChange={() => setSelection((s) => toggleAll(s, visibleKeys))}
        />
        {folders.length > FOLDER_SEARCH_FROM && (
          <SearchBox label={t('popupFindFolder')} value={query} testId="folder-search" onSearch={setQuery} />
        )}
        <span class="muted hint">{t('popupReorderHint')}</span>
      </div>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: keys pressed on the rows' own controls bubble here; one listener serves every row. */}
      <div class="scroll" data-scroll-area onKeyDown={onKeyDown}>
        {folders.length === 0 && (
          <p class="empty" role="status">
            {popup.board.folderListRead ? t('popupNoFolders') : t('popupReadingFolders')}
          </p>
        )}
        {searching && shown.length === 0 && <p class="empty">{t('popupNoFoldersMatch')}</p>}
        <ul class="folders" aria-label={t('popupPinnedChats')}>
          {shown.map((folder) => (
            <FolderItem
              key={folder.folderId}
              folder={folder}
              expanded={searching}
              selection={selection}
              drag={drag}
              onSelectChat={(key, shift) => setSelection((s) => clickItem(s, key, visibleKeys, shift))}
              onSelectFolder={(keys) => setSelection((s) => toggleAll(s, keys))}
              onToggleCollapsed={() =>
                void popup.run([
                  { kind: 'setFolderCollapsed', folderId: folder.folderId, collapsed: !folder.collapsed },
                ])
              }
              onEdit={() =>
                openRare(popup, t('popupEditFolderTitle', folderName(folder)), (rare, close) => (
                  <rare.FolderDialog folder={folder} onClose={close} />
                ))
              }
              onDelete={() =>
                openRare(popup, t('popupDeleteFolderTitle', folderName(folder)), (rare, close) => (
                  <rare.DeleteFolderDialog folder={folder} onClose={close} />
                ))
              }
              onDragStart={start}
            />
          ))}
        </ul>
      </div>
      {selection.keys.size > 0 && (
        <BulkBar
          testId="chat-bulk-bar"
          selected={tn('popupChatsSelected', chatCount)}
          onClear={() => setSelection(emptySelection)}
        >
          <button
            type="button"
            data-testid="bulk-move"
            onClick={() =>
              openRare(popup, t('popupMoveChatsTitle', formatCount(chatCount)), (rare, close) => (
                <rare.MoveChatsDialog picked={picked} onClose={close} onDone={() => setSelection(emptySelection)} />
              ))
            }
          >
            {t('popupMoveToFolder')}
          </button>
          <button type="button" class="danger" data-testid="bulk-remove" onClick={removeEverywhere}>
            {t('popupRemoveChats')}
          </button>
        </BulkBar>
      )}
    </div>
  );
}
