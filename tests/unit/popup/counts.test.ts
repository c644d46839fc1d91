import { describe, expect, it } from 'vitest';
import { boardCounts } from '../../../components/popup/model/counts';
import type { ShownFolder } from '../../../lib/board/read-models';

const folder = (folderId: string, chatIds: string[]): ShownFolder => ({
  folderId,
  chatIds,
  collapsed: false,
  position: 0,
  isMyPins: folderId === 'default',
  pending: false,
  chats: [],
});

describe('the popup’s counts', () => {
  it('the chats tab counts pinned chats, each once, not folders; the summary leaves My Pins out of folders', () => {
    const folders = [folder('default', ['a', 'b']), folder('1', ['b', 'c']), folder('2', ['d'])];
    expect(boardCounts({ pins: [], folders }, 0)).toEqual({ liveCount: 0, pinnedChats: 4, folderCount: 2 });
  });

  it('an empty account counts no chats and no folders (My Pins alone)', () => {
    expect(boardCounts({ pins: [], folders: [folder('default', [])] }, 0)).toMatchObject({
      pinnedChats: 0,
      folderCount: 0,
    });
  });
});
