import { useState } from 'preact/hooks';
import { holdsWords, searchWords } from '../../lib/board/words';
import { formatCount, t } from '../../lib/i18n';
import { usePopup } from './context';
import { SearchBox } from './SearchBox';

/** Cliq's limit on the chats of one folder. */
const CHATS_MAX = 100;

/** The chats a folder holds, picked from every chat (threads cannot be pinned to folders), with a search. */
export function ChatPicker({ chatIds, onChange }: { chatIds: readonly string[]; onChange(ids: string[]): void }) {
  const popup = usePopup();
  const [query, setQuery] = useState('');
  const chats = [...popup.board.chats]
    .filter((chat) => chat.type !== 'thread')
    .sort((a, b) => (a.name ?? a.chatId).localeCompare(b.name ?? b.chatId));
  const words = searchWords(query);
  const matching = chats.filter((chat) => holdsWords(chat.name ?? chat.chatId, words));
  return (
    <fieldset>
      <legend>{t('popupFolderChatsLabel', formatCount(chatIds.length))}</legend>
      <SearchBox label={t('popupFindChat')} value={query} onSearch={setQuery} />
      <ul class="pick-list" data-testid="folder-chat-picker">
        {matching.map((chat) => (
          <li key={chat.chatId}>
            <label>
              <input
                type="checkbox"
                checked={chatIds.includes(chat.chatId)}
                disabled={!chatIds.includes(chat.chatId) && chatIds.length >= CHATS_MAX}
                data-chat-id={chat.chatId}
                onChange={(event) =>
                  onChange(
                    event.currentTarget.checked
                      ? [...chatIds, chat.chatId]
                      : chatIds.filter((id) => id !== chat.chatId),
                  )
                }
              />
              <bdi>{chat.name ?? chat.chatId}</bdi>
            </label>
          </li>
        ))}
        {matching.length === 0 && <li class="muted">{t('popupNoChatsFound')}</li>}
      </ul>
    </fieldset>
  );
}
