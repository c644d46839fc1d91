import type { ShownFolder } from '../../../lib/board/read-models';
import { holdsWords, searchWords } from '../../../lib/board/words';

/**
 * The folders a search leaves: a folder whose name matches keeps all its chats, any other keeps the chats whose
 * names match (and is left out without any). Folding is the pins search's: case, accents and punctuation aside.
 */
export function searchFolders(folders: readonly ShownFolder[], query: string, name: (f: ShownFolder) => string) {
  const words = searchWords(query);
  if (words.length === 0) return [...folders];
  const matches = (text: string) => holdsWords(text, words);
  return folders.flatMap((folder) => {
    if (matches(name(folder))) return [folder];
    const chats = folder.chats.filter((chat) => matches(chat.name ?? chat.chatId));
    return chats.length > 0 ? [{ ...folder, chats }] : [];
  });
}
