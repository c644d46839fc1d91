// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type PopupApi, PopupContext } from '../../../components/popup/context';
import { SyncStatus } from '../../../components/popup/SyncStatus';
import type { Board } from '../../../components/popup/useBoard';
import { settingsSchema } from '../../../lib/store/settings';

let root: HTMLElement;
const NOW = Date.UTC(2026, 10, 30, 12, 0);

function mount(partial: Partial<Board>, lockedUntil?: number) {
  const board: Board = {
    pins: [],
    folders: [],
    chats: [],
    failed: [],
    settings: settingsSchema.parse({}),
    folderListRead: true,
    chatsToRead: 0,
    chatsInSweep: 0,
    ...partial,
  };
  const api: PopupApi = {
    board,
    now: NOW,
    minuteMs: 60_000,
    names: { chat: (id) => id, folder: (id) => id },
    chatLink: () => undefined,
    run: vi.fn(async () => true),
    notify: vi.fn(),
    openDialog: vi.fn(),
    offerUndo: vi.fn(),
  };
  act(() => {
    render(
      <PopupContext.Provider value={api}>
        <SyncStatus lockedUntil={lockedUntil} />
      </PopupContext.Provider>,
      root,
    );
  });
  return root.querySelector('[data-testid=sync-status]') as HTMLElement;
}

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('how complete the board is', () => {
  it('while reading: how many chats of how many, and the time Cliq’s rate limit makes the rest take', () => {
    // 138 chats left at the background's 15 pin reads a minute: 10 minutes.
    const status = mount({ chatsToRead: 138, chatsInSweep: 180 });
    expect(status.dataset.state).toBe('reading');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toContain('42 of 180 chats read');
    expect(status.textContent).toMatch(/about 10 min.* left at Cliq's rate limit/);
  });

  it('a lock Cliq put on the budget adds its wait to the time left', () => {
    const status = mount({ chatsToRead: 15, chatsInSweep: 30 }, NOW + 5 * 60_000);
    expect(status.textContent).toMatch(/about 6 min.* left/);
  });

  it('once done: when every chat was last read, and a refresh', () => {
    const status = mount({ lastCompleteAt: NOW - 5 * 60_000 });
    expect(status.dataset.state).toBe('complete');
    expect(status.textContent).toContain('Every chat read 5 minutes ago.');
    expect(status.querySelector('[data-testid=refresh-board]')?.textContent).toBe('Refresh');
  });

  it('never claims completeness before one whole sweep', () => {
    expect(mount({}).textContent).toContain('Not every chat has been read yet.');
  });
});
