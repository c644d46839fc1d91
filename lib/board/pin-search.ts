import { pinSummary } from './pin-summary';
import type { ChatPins, ShownPin } from './read-models';
import { holdsWords, searchWords } from './words';

export interface PinMatch {
  chatId: string;
  chatName?: string | undefined;
  pin: ShownPin;
}

/**
 * Pins whose text, sender or chat name hold every word of `query`, in the board's order (chats with the newest
 * pins first), at most `limit`. An empty query matches nothing: the address bar lists pins only once asked.
 */
export function searchPins(board: readonly ChatPins[], query: string, limit: number): PinMatch[] {
  const words = searchWords(query);
  if (words.length === 0) return [];
  const found: PinMatch[] = [];
  for (const chat of board) {
    for (const pin of chat.pins) {
      if (!holdsWords([pinSummary(pin), pin.senderName ?? '', chat.chatName ?? ''].join('\n'), words)) continue;
      found.push({ chatId: chat.chatId, chatName: chat.chatName, pin });
      if (found.length === limit) return found;
    }
  }
  return found;
}
