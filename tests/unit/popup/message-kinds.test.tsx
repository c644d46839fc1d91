// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { folderGlyph } from '../../../components/folder-symbol';
import { unlistedFolderName } from '../../../components/popup/FolderItem';
import { FoldersView } from '../../../components/popup/FoldersView';
import { PinsView } from '../../../components/popup/PinsView';
import type { Board } from '../../../components/popup/useBoard';
import type { ShownFolder, ShownPin } from '../../../lib/board/read-models';
import { pinnedMessage } from '../../../lib/cliq/endpoints/shapes';
import { pinRecordFrom } from '../../../lib/lists/convert';
import type { IntentRecord } from '../../../lib/store/records';
import { boardOf, popupApiFor, renderInPopup, useRoot } from './fixture';

/** From Cliq's wire form through the sync's conversion, as the board gets it. */
function shown(wire: unknown): ShownPin {
  const record = pinRecordFrom(pinnedMessage.parse(wire));
  return { ...record, chatId: 'CT_1_2', isPrimary: false, pending: false };
}
const info = { expiry_time: -1, is_primary: false };
const folder = (folderId: string, title: string, symbol?: string): ShownFolder => ({
  folderId,
  title,
  symbol,
  collapsed: false,
  chatIds: [],
  position: 1,
  isMyPins: false,
  pending: false,
  chats: [],
});

const root = useRoot();
function mount(partial: Partial<Board>, view: 'pins' | 'folders') {
  const api = popupApiFor(boardOf(partial));
  renderInPopup(root(), api, view === 'pins' ? <PinsView onOrderChanged={() => undefined} /> : <FoldersView />);
}

describe('the board shows messages as Cliq does', () => {
  it('a pinned file shows its name (and comment), not "(no text)"', () => {
    const file = shown({
      id: '1542711601585_349430767610289',
      type: 'file',
      content: { file: { name: 'Feature-overview.jpg', type: 'image' } },
      pin_information: info,
    });
    mount({ pins: [{ chatId: 'CT_1_2', chatName: 'Design', pins: [file] }] }, 'pins');
    const row = root().querySelector('[data-testid=pin]') as HTMLElement;
    expect(row.querySelector('[data-testid=pin-file]')?.textContent).toContain('Feature-overview.jpg');
    expect(row.textContent).not.toContain('(no text)');
    expect(row.querySelector('input')?.getAttribute('aria-label')).toContain('Feature-overview.jpg');
  });

  it('{@id} mentions show the names Cliq sent', () => {
    const mention = shown({
      id: '1773894772896_12958180473',
      content: { text: 'Ready for review, {@16557498}?' },
      mentions: [{ id: '16557498', name: '@sharan 203', type: 'user' }],
      pin_information: info,
    });
    mount({ pins: [{ chatId: 'CT_1_2', chatName: 'Design', pins: [mention] }] }, 'pins');
    const text = root().querySelector('.pin-text')?.textContent;
    expect(text).toBe('Ready for review, @sharan 203?');
  });

  it('folder symbols in Cliq’s :name: form render as their emoji, unknown ones as a neutral folder', () => {
    mount(
      {
        folders: [
          folder('1901', 'Fun', ':razz:'),
          folder('1902', 'Mystery', ':not-a-known-zomoji:'),
          folder('1903', 'Hot', '🔥'),
          folder('1904', 'Plain'),
        ],
      },
      'folders',
    );
    const glyphs = [...root().querySelectorAll('[data-testid=folder-symbol-glyph]')].map((el) => el.textContent);
    expect(glyphs).toEqual(['😛', '📁', '🔥', '📁']);
    expect(root().textContent).not.toContain(':razz:');
  });

  it('text that is not an emoji is never shown as a symbol', () => {
    expect(folderGlyph('<b>x</b>')).toBe('📁');
    expect(folderGlyph(':THUMBSUP:')).toBe('👍');
  });

  it('a folder this session created is named by its title in failure messages, never by an id', () => {
    const create = {
      id: 42,
      intent: { kind: 'createFolder', title: 'Launch', symbol: '🚀', chatIds: [] },
    } as unknown as IntentRecord;
    expect(unlistedFolderName('pending-42', [create])).toBe('Launch');
    expect(unlistedFolderName('1777', [create])).toBe('a folder that no longer exists');
  });
});
