// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SyncStatus } from '../../../components/popup/SyncStatus';
import type { Board } from '../../../components/popup/useBoard';
import { boardOf, popupApiFor, renderInPopup, useRoot } from './fixture';

const root = useRoot();
const NOW = Date.UTC(2026, 10, 30, 12, 0);

function mount(partial: Partial<Board>, lockedUntil?: number) {
  renderInPopup(root(), popupApiFor(boardOf(partial), { now: NOW }), <SyncStatus lockedUntil={lockedUntil} />);
  return root().querySelector('[data-testid=sync-status]') as HTMLElement;
}

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

  it('a sweep that finished moments ago (or a little ahead of the popup’s clock) reads "just now"', () => {
    expect(mount({ lastCompleteAt: NOW + 3_000 }).textContent).toContain('Every chat read just now.');
  });

  it('does not claim every chat was read when Cliq’s answer for some could not be read', () => {
    const status = mount({ lastCompleteAt: NOW - 60_000, unreadableChats: 3 });
    expect(status.textContent).not.toContain('Every chat read');
    expect(status.querySelector('[data-testid=sync-unreadable]')?.textContent).toBe(
      "Cliq's answer could not be read for some chats (3): their pins are shown as last read. Refresh to try again.",
    );
    expect(status.querySelector('[data-testid=refresh-board]')).not.toBeNull();
  });

  it('never claims completeness before one whole sweep', () => {
    expect(mount({}).textContent).toContain('Not every chat has been read yet.');
  });
});
