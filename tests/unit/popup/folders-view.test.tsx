// @vitest-environment happy-dom
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type PopupApi, PopupContext } from '../../../components/popup/context';
import { FoldersView } from '../../../components/popup/FoldersView';
import { loadRare } from '../../../components/popup/Lazy';
import type { Board } from '../../../components/popup/useBoard';
import type { ShownFolder } from '../../../lib/board/read-models';
import { boardOf, popupApiFor } from './fixture';

const chat = (chatId: string, name: string) => ({ chatId, name, type: 'chat', lastActivityAt: 0 });
const CHATS = [chat('CT_1', 'Alice'), chat('CT_2', 'Build failures'), chat('CT_3', 'Café crew'), chat('CT_4', 'Ops')];

function folder(n: number, over: Partial<ShownFolder> = {}): ShownFolder {
  return {
    folderId: `F${n}`,
    title: `Folder ${n}`,
    symbol: '📁',
    collapsed: false,
    chatIds: [],
    position: n,
    isMyPins: false,
    pending: false,
    chats: [],
    ...over,
  };
}
const withChats = (f: ShownFolder, ids: string[]): ShownFolder => ({
  ...f,
  chatIds: ids,
  chats: ids.map((id) => CHATS.find((c) => c.chatId === id) ?? chat(id, id)),
});

/** 25 folders, as the long list: Urgent holds Alice and Ops; Later (collapsed) holds Café crew. */
function longBoard(extra: ShownFolder[] = []): Board {
  const folders = Array.from({ length: 23 }, (_, i) => folder(i + 3));
  return boardOf({
    chats: CHATS,
    folders: [
      withChats(folder(1, { title: 'Urgent', symbol: '🔥' }), ['CT_1', 'CT_4']),
      withChats(folder(2, { title: 'Later', collapsed: true }), ['CT_3']),
      ...folders,
      ...extra,
    ],
  });
}

let root: HTMLElement;
let dialog: HTMLElement;
let api: PopupApi;
let run: ReturnType<typeof vi.fn<PopupApi['run']>>;

/** The folder dialogs are imported when first opened: lets that import and the render after it finish. */
const dialogLoaded = () => act(async () => void (await loadRare()));

function mount(board: Board) {
  api = popupApiFor(board, {
    run,
    openDialog: (open: (close: () => void) => VNode) =>
      render(<PopupContext.Provider value={api}>{open(() => render(null, dialog))}</PopupContext.Provider>, dialog),
  });
  act(() => render(<PopupContext.Provider value={api}>{<FoldersView />}</PopupContext.Provider>, root));
}

const click = (el: Element | null) =>
  act(() => {
    (el as HTMLElement).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  });
const type = (el: Element | null, value: string) =>
  act(() => {
    (el as HTMLInputElement).value = value;
    (el as HTMLInputElement).dispatchEvent(new Event('input', { bubbles: true }));
  });
const submit = (form: Element | null) =>
  act(async () => {
    form?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
const shownFolders = () =>
  [...root.querySelectorAll<HTMLElement>('[data-testid=folder]')].map((f) => [
    f.querySelector('.folder-name')?.textContent,
    [...f.querySelectorAll('[data-testid=folder-chat] .chat-name')].map((c) => c.textContent),
  ]);

beforeEach(() => {
  run = vi.fn<PopupApi['run']>(async () => true);
  root = document.createElement('div');
  dialog = document.createElement('div');
  document.body.append(root, dialog);
});
afterEach(() => {
  render(null, root);
  render(null, dialog);
  root.remove();
  dialog.remove();
});

describe('a long folder list', () => {
  it('finds a folder by name, or a chat in any folder, collapsed ones included, ignoring accents', () => {
    mount(longBoard());
    const search = root.querySelector('[data-testid=folder-search]');
    type(search, 'urgent');
    expect(shownFolders()).toEqual([['Urgent', ['Alice', 'Ops']]]);
    type(search, 'cafe');
    // Later is collapsed in Cliq; the search shows what it found inside it, without changing Cliq.
    expect(shownFolders()).toEqual([['Later', ['Café crew']]]);
    expect(run).not.toHaveBeenCalled();
    type(search, 'nothing like it');
    expect(root.textContent).toContain('No folder or chat matches.');
  });

  it('disables "Select all chats" while the search shows no chat, and says why to assistive tech', () => {
    mount(longBoard());
    const all = root.querySelector<HTMLInputElement>('[data-testid=select-all-chats]') as HTMLInputElement;
    expect(all.disabled).toBe(false);
    expect(all.getAttribute('aria-describedby')).toBeNull();
    type(root.querySelector('[data-testid=folder-search]'), 'nothing like it');
    expect(all.disabled).toBe(true);
    const why = document.getElementById(all.getAttribute('aria-describedby') ?? '');
    expect(why?.textContent).toBe('No folder or chat matches.');
    type(root.querySelector('[data-testid=folder-search]'), '');
    expect(all.disabled).toBe(false);
    expect(all.getAttribute('aria-describedby')).toBeNull();
  });

  it('has no search box while there are only a few folders', () => {
    mount(boardOf({ chats: CHATS, folders: [folder(1), folder(2)] }));
    expect(root.querySelector('[data-testid=folder-search]')).toBeNull();
  });

  it('brings a new folder into view and puts focus on it, when it appears and when Cliq confirms it', async () => {
    mount(longBoard());
    click(root.querySelector('[data-testid=new-folder]'));
    await dialogLoaded();
    type(dialog.querySelector('[data-testid=folder-title]'), 'Reading list');
    await submit(dialog.querySelector('form'));
    expect(run).toHaveBeenCalledWith(
      [{ kind: 'createFolder', title: 'Reading list', symbol: '📁', chatIds: [] }],
      'Creating the folder in Cliq…',
    );
    const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
    mount(longBoard([folder(99, { folderId: 'pending-7', title: 'Reading list', pending: true })]));
    expect(document.activeElement?.getAttribute('data-folder-id')).toBe('pending-7');
    expect(scrolled).toHaveBeenCalledOnce();
    mount(longBoard([folder(99, { folderId: 'F99', title: 'Reading list' })]));
    expect(document.activeElement?.getAttribute('data-folder-id')).toBe('F99');
    scrolled.mockRestore();
  });
});

describe('folder dialogs', () => {
  it('an empty title puts focus on the title field with the error', async () => {
    mount(longBoard());
    click(root.querySelector('[data-testid=new-folder]'));
    await dialogLoaded();
    (dialog.querySelector('[data-testid=folder-save]') as HTMLElement).focus();
    await submit(dialog.querySelector('form'));
    const title = dialog.querySelector('[data-testid=folder-title]') as HTMLInputElement;
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(title);
    expect(run).not.toHaveBeenCalled();
  });

  it('Edit folder picks its chats: kept ones keep their order, added ones go to the end', async () => {
    mount(longBoard());
    click(root.querySelector('[data-folder-id=F1] [data-testid=folder-edit]'));
    await dialogLoaded();
    const box = (id: string) => dialog.querySelector(`[data-testid=folder-chat-picker] [data-chat-id=${id}]`);
    expect((box('CT_1') as HTMLInputElement).checked).toBe(true);
    expect((box('CT_2') as HTMLInputElement).checked).toBe(false);
    click(box('CT_1'));
    click(box('CT_2'));
    await submit(dialog.querySelector('form'));
    expect(run).toHaveBeenCalledWith(
      [{ kind: 'replaceFolderChats', folderId: 'F1', chatIds: ['CT_4', 'CT_2'], editedFrom: ['CT_1', 'CT_4'] }],
      'Saving the folder in Cliq…',
    );
  });

  it('Move preselects no folder, and opens a collapsed target so the chats do not seem to vanish', async () => {
    mount(longBoard());
    click(root.querySelector('[data-folder-id=F1] [data-testid=folder-chat] input[type=checkbox]'));
    click(root.querySelector('[data-testid=bulk-move]'));
    await dialogLoaded();
    const target = dialog.querySelector('[data-testid=move-target]') as HTMLSelectElement;
    expect(target.value).toBe('');
    expect((dialog.querySelector('[data-testid=confirm-action]') as HTMLButtonElement).disabled).toBe(true);
    expect(dialog.querySelector('.estimate')?.textContent).toBe(
      'Choose where the chats go; nothing is sent until you press Move.',
    );
    act(() => {
      target.value = 'F2';
      target.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect((dialog.querySelector('[data-testid=confirm-action]') as HTMLButtonElement).disabled).toBe(false);
    return submit(dialog.querySelector('form')).then(() =>
      expect(run).toHaveBeenCalledWith([
        { kind: 'replaceFolderChats', folderId: 'F2', chatIds: ['CT_3', 'CT_1'], editedFrom: ['CT_3'] },
        { kind: 'replaceFolderChats', folderId: 'F1', chatIds: ['CT_4'], editedFrom: ['CT_1', 'CT_4'], movedTo: 'F2' },
        { kind: 'setFolderCollapsed', folderId: 'F2', collapsed: false },
      ]),
    );
  });
});
