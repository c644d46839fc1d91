import type { ShownFolder } from '../../lib/board/read-models';
import { t, tn } from '../../lib/i18n';
import { pendingFolderId } from '../../lib/lists/overlay';
import type { IntentRecord } from '../../lib/store/records';
import { folderGlyph } from '../folder-symbol';
import { usePopup } from './context';
import { type DragState, dragClasses } from './drag';
import { allSelected, itemKey, type Selection } from './model/selection';
import { OpenInCliq } from './OpenInCliq';
import { TriCheckbox } from './TriCheckbox';

interface Props {
  folder: ShownFolder;
  /** Shown open whatever Cliq's collapsed state (a search shows what it found). */
  expanded?: boolean;
  selection: Selection;
  drag: DragState | null;
  onSelectChat(key: string, shift: boolean): void;
  onSelectFolder(keys: string[]): void;
  onToggleCollapsed(): void;
  onEdit(): void;
  onDelete(): void;
  onDragStart(event: PointerEvent, group: string, key: string): void;
}

/** A folder not yet confirmed by Cliq has no id to send edits to; they wait until it has one. */
export const isUnconfirmed = (folder: ShownFolder) => folder.folderId.startsWith('pending-');

export function folderName(folder: Pick<ShownFolder, 'isMyPins' | 'title' | 'folderId'>): string {
  return folder.isMyPins ? t('popupMyPins') : folder.title || folder.folderId;
}

/**
 * A folder the board no longer lists, named for a failure message: a folder this session asked for (whose id
 * is still the `pending-<intent>` stand-in) by the title it was given, anything else in words, never by its id.
 */
export function unlistedFolderName(folderId: string, intents: readonly IntentRecord[]): string {
  const created = intents.find((r) => r.intent.kind === 'createFolder' && pendingFolderId(r) === folderId);
  return created?.intent.kind === 'createFolder' ? created.intent.title : t('popupFolderGone');
}

/** One folder (My Pins included): symbol, title, collapsed state, and its chats in order. */
export function FolderItem(props: Props) {
  const { folder, selection, drag } = props;
  const popup = usePopup();
  const name = folderName(folder);
  const keys = folder.chats.map((chat) => itemKey(folder.folderId, chat.chatId));
  const collapsed = folder.collapsed && !folder.isMyPins && !props.expanded;
  const unconfirmed = isUnconfirmed(folder);
  const chatsId = `folder-chats-${folder.folderId}`;
  const movable = !folder.isMyPins && !unconfirmed;
  const chatGroup = `folder:${folder.folderId}`;

  return (
    <li
      class={`folder ${dragClasses(drag, 'folders', folder.folderId)}`}
      data-testid="folder"
      data-folder-id={folder.folderId}
      data-collapsed={collapsed ? 'true' : 'false'}
      data-drag-group="folders"
      data-drag-key={movable ? folder.folderId : undefined}
      tabIndex={-1}
    >
      <div class="folder-header">
        {movable ? (
          <span
            class="drag-handle"
            aria-hidden="true"
            title={t('popupDragHint')}
            data-testid="folder-drag-handle"
            onPointerDown={(event) => props.onDragStart(event, 'folders', folder.folderId)}
          >
            ⠿
          </span>
        ) : (
          <span class="drag-handle placeholder" aria-hidden="true" />
        )}
        <TriCheckbox
          state={allSelected(selection, keys)}
          disabled={keys.length === 0}
          label={t('popupSelectFolderChats', name)}
          hideLabel
          testId="select-folder"
          onChange={() => props.onSelectFolder(keys)}
        />
        <h3 class="folder-title">
          {folder.isMyPins ? (
            <span class="folder-name" dir="auto">
              <span class="symbol" aria-hidden="true">
                📌
              </span>
              {name}
            </span>
          ) : (
            <button
              type="button"
              class="folder-toggle"
              aria-expanded={!collapsed}
              aria-controls={chatsId}
              aria-keyshortcuts={movable ? 'Alt+ArrowUp Alt+ArrowDown' : undefined}
              data-testid="folder-toggle"
              data-focus-key={`folder:${folder.folderId}`}
              disabled={unconfirmed}
              onClick={props.onToggleCollapsed}
            >
              <span class="caret" aria-hidden="true">
                {collapsed ? '▸' : '▾'}
              </span>
              <span class="symbol" aria-hidden="true" data-testid="folder-symbol-glyph">
                {folderGlyph(folder.symbol)}
              </span>
              <span class="folder-name" dir="auto">
                {name}
              </span>
            </button>
          )}
        </h3>
        <span class="count">
          <span aria-hidden="true">{folder.chats.length}</span>
          <span class="visually-hidden">{tn('popupChatCount', folder.chats.length)}</span>
        </span>
        {folder.pending && <span class="chip chip-pending">{t('popupPending')}</span>}
        {!folder.isMyPins && (
          <span class="folder-actions">
            <button type="button" class="small" data-testid="folder-edit" disabled={unconfirmed} onClick={props.onEdit}>
              {t('popupEdit')}
              <span class="visually-hidden"> {name}</span>
            </button>
            <button
              type="button"
              class="small danger-text"
              data-testid="folder-delete"
              disabled={unconfirmed}
              onClick={props.onDelete}
            >
              {t('popupDelete')}
              <span class="visually-hidden"> {name}</span>
            </button>
          </span>
        )}
      </div>
      {!collapsed && (
        <ul class="rows" id={chatsId} aria-label={t('popupChatsIn', name)}>
          {folder.chats.length === 0 && <li class="muted empty-row">{t('popupFolderEmpty')}</li>}
          {folder.chats.map((chat) => {
            const key = itemKey(folder.folderId, chat.chatId);
            const chatName = chat.name ?? chat.chatId;
            const link = popup.chatLink(chat.chatId);
            return (
              <li
                key={chat.chatId}
                class={`row chat-row ${selection.keys.has(key) ? 'selected' : ''} ${dragClasses(drag, chatGroup, chat.chatId)}`}
                data-testid="folder-chat"
                data-chat-id={chat.chatId}
                data-folder-id={folder.folderId}
                data-drag-group={chatGroup}
                data-drag-key={chat.chatId}
              >
                <span
                  class="drag-handle"
                  aria-hidden="true"
                  title={t('popupDragHint')}
                  data-testid="chat-drag-handle"
                  onPointerDown={(event) => props.onDragStart(event, chatGroup, chat.chatId)}
                >
                  ⠿
                </span>
                <input
                  type="checkbox"
                  class="row-check"
                  checked={selection.keys.has(key)}
                  aria-label={t('popupSelectChat', chatName)}
                  aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                  data-row-focus
                  data-focus-key={key}
                  onClick={(event) => props.onSelectChat(key, event.shiftKey)}
                />
                <span class="chat-main">
                  <span class="chat-name" dir="auto">
                    {chatName}
                  </span>
                  {chat.type && <span class="muted chat-type">{chatType(chat.type)}</span>}
                  {link && <OpenInCliq class="open-link" href={link} chatName={chatName} />}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}

function chatType(type: string): string {
  switch (type) {
    case 'direct_message':
    case 'dm':
      return t('popupChatTypeDirect');
    case 'group_chat':
    case 'chat':
      return t('popupChatTypeGroup');
    case 'channel':
      return t('popupChatTypeChannel');
    case 'bot':
      return t('popupChatTypeBot');
    case 'thread':
      return t('popupChatTypeThread');
    default:
      return type;
  }
}
