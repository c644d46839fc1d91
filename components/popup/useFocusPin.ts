import { useEffect, useRef } from 'preact/hooks';

/** `#pin=<chat>/<message>`, as a reminder's notification opens the board. */
function targetOfHash(hash: string): { chatId: string; messageId: string } | undefined {
  const match = /^#pin=([^/]+)\/(.+)$/.exec(hash);
  if (!match) return undefined;
  try {
    return { chatId: decodeURIComponent(match[1] as string), messageId: decodeURIComponent(match[2] as string) };
  } catch {
    return undefined;
  }
}

/**
 * Opened at a pin (a reminder was clicked): once the board shows that pin, it is scrolled into view, marked and
 * its checkbox focused, so the next key press acts on it. Done once per page load.
 */
export function useFocusPin(board: unknown): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !board) return;
    const target = targetOfHash(location.hash);
    if (!target) {
      done.current = true;
      return;
    }
    const row = document.querySelector<HTMLElement>(
      `[data-testid=pin][data-chat-id="${CSS.escape(target.chatId)}"][data-message-id="${CSS.escape(target.messageId)}"]`,
    );
    // Not on the board yet (still being read): the next board tries again.
    if (!row) return;
    done.current = true;
    row.dataset.target = 'true';
    row.scrollIntoView({ block: 'center' });
    row.querySelector<HTMLElement>('[data-row-focus]')?.focus();
  }, [board]);
}
