import type { Board } from '../useBoard';
import { isExpired } from './filters';

/**
 * The numbers the popup's header and tabs show: pins not yet expired; chats pinned anywhere, each once
 * whichever folders hold it; folders the user made (My Pins is not one).
 */
export function boardCounts(board: Pick<Board, 'pins' | 'folders'> | undefined, now: number) {
  if (!board) return { liveCount: 0, pinnedChats: 0, folderCount: 0 };
  return {
    liveCount: board.pins.reduce((n, chat) => n + chat.pins.filter((pin) => !isExpired(pin, now)).length, 0),
    pinnedChats: new Set(board.folders.flatMap((folder) => folder.chatIds)).size,
    folderCount: board.folders.filter((folder) => !folder.isMyPins).length,
  };
}
