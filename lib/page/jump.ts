import { findMessage, findMessages } from './messages';

/** Set on a message while it is highlighted after a jump from the pinned bar. */
const JUMPED_ATTRIBUTE = 'data-cliq-pins-jumped';
const HIGHLIGHT_MS = 2_000;

/** Scrolls the open chat to a message and highlights it briefly; false when the page does not show it. */
export function jumpToMessage(messageId: string): boolean {
  const found = findMessages();
  const message = found && findMessage(found.reader, found.root, messageId);
  if (!message) return false;
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  message.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
  message.setAttribute(JUMPED_ATTRIBUTE, '');
  // An animation, not a class: the page's own styles stay as they are.
  const glow = message.animate(
    [
      { boxShadow: 'inset 0 0 0 2px #f5a623', backgroundColor: 'rgba(245, 166, 35, 0.25)' },
      { boxShadow: 'inset 0 0 0 2px rgba(245, 166, 35, 0)', backgroundColor: 'rgba(245, 166, 35, 0)' },
    ],
    { duration: HIGHLIGHT_MS, easing: 'ease-in' },
  );
  glow.addEventListener('finish', () => message.removeAttribute(JUMPED_ATTRIBUTE), { once: true });
  glow.addEventListener('cancel', () => message.removeAttribute(JUMPED_ATTRIBUTE), { once: true });
  return true;
}
