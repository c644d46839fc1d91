// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ToastRegion, useToasts } from '../../../components/popup/Toasts';
import { useRoot } from './fixture';

const root = useRoot();
let toasts: ReturnType<typeof useToasts>;

function Shell({ onUndo }: { onUndo: () => void }) {
  toasts = useToasts();
  return <ToastRegion toasts={toasts.toasts} dismiss={toasts.dismiss} onUndo={onUndo} />;
}

const plan = async () => ({ intents: [] });
const shown = () =>
  [...root().querySelectorAll('[data-testid=toasts] > *')].map(
    (el) => el.querySelector('span')?.textContent ?? el.textContent,
  );

describe('the popup’s toasts', () => {
  it('share one region, newest first', () => {
    act(() => render(<Shell onUndo={vi.fn()} />, root()));
    act(() => toasts.notify('Folder changes are on their way to Cliq.'));
    act(() => toasts.offerUndo({ message: 'Deleted the folder “Projects”.', plan }));
    act(() => toasts.notify('Could not reach Cliq.', 'error'));
    expect(root().querySelectorAll('[data-testid=toasts]')).toHaveLength(1);
    expect(shown()).toEqual([
      'Could not reach Cliq.',
      'Deleted the folder “Projects”.',
      'Folder changes are on their way to Cliq.',
    ]);
    expect(root().querySelector('[role=alert]')?.textContent).toBe('Could not reach Cliq.');
  });

  it('keeps one undo, the latest, so Ctrl+Z always means the last action', () => {
    const onUndo = vi.fn();
    act(() => render(<Shell onUndo={onUndo} />, root()));
    act(() => toasts.offerUndo({ message: 'Unpinned 3 messages.', plan }));
    act(() => toasts.offerUndo({ message: 'Moved 2 chats to “Read later”.', plan }));
    expect(shown()).toEqual(['Moved 2 chats to “Read later”.']);
    // The countdown reads as seconds, not as a count of things to undo.
    expect(root().querySelector('[data-testid=undo]')?.textContent).toBe('Undo (10 s)');
    let taken: ReturnType<typeof toasts.takeUndo>;
    act(() => {
      taken = toasts.takeUndo();
    });
    expect(taken?.message).toBe('Moved 2 chats to “Read later”.');
    expect(shown()).toEqual([]);
  });

  it('lets notices go after a few seconds and never shows more than three', () => {
    vi.useFakeTimers();
    try {
      act(() => render(<Shell onUndo={vi.fn()} />, root()));
      for (const n of [1, 2, 3, 4]) act(() => toasts.notify(`Notice ${n}`));
      expect(shown()).toEqual(['Notice 4', 'Notice 3', 'Notice 2']);
      act(() => {
        vi.advanceTimersByTime(6_000);
      });
      expect(shown()).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
