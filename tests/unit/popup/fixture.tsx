import { type ComponentChildren, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, vi } from 'vitest';
import { type PopupApi, PopupContext } from '../../../components/popup/context';
import type { Board } from '../../../components/popup/useBoard';
import { settingsSchema } from '../../../lib/store/settings';

/** A board with nothing on it but what a test gives. */
export function boardOf(partial: Partial<Board> = {}): Board {
  return {
    pins: [],
    folders: [],
    chats: [],
    failed: [],
    settings: settingsSchema.parse({}),
    folderListRead: true,
    chatsToRead: 0,
    chatsInSweep: 0,
    unreadableChats: 0,
    ...partial,
  };
}

/** The popup's shell as components see it, every action a spy. */
export function popupApiFor(board: Board, overrides: Partial<PopupApi> = {}): PopupApi {
  return {
    board,
    now: Date.now(),
    minuteMs: 60_000,
    names: { chat: (id) => id, folder: (id) => id },
    chatLink: () => undefined,
    run: vi.fn<PopupApi['run']>(async () => true),
    notify: vi.fn(),
    openDialog: vi.fn(),
    offerUndo: vi.fn(),
    ...overrides,
  };
}

export function renderInPopup(root: HTMLElement, api: PopupApi, children: ComponentChildren): void {
  act(() => {
    render(<PopupContext.Provider value={api}>{children}</PopupContext.Provider>, root);
  });
}

/** A fresh element in the document for each test, emptied and removed after it. */
export function useRoot(): () => HTMLElement {
  let root: HTMLElement | undefined;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    if (!root) return;
    render(null, root);
    root.remove();
  });
  return () => {
    if (!root) throw new Error('no root outside a test');
    return root;
  };
}
