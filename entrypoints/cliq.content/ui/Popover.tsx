import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { textDirection } from '../../../lib/i18n';

const GAP = 4;
const MARGIN = 8;

/**
 * A panel in fixed position next to `anchor` (so no page container can clip it), closed by Escape or a press
 * outside it (presses on `inside` elements, such as the button that toggles it, do not count). Focus moves in
 * on open and back to `returnFocus` on close.
 */
export function Popover(props: {
  anchor: () => DOMRect | null;
  onClose: () => void;
  label: string;
  testId: string;
  inside?: () => readonly EventTarget[];
  returnFocus?: () => HTMLElement | null;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    // Read now, not in the observer: after an extension update the orphaned panel can no longer read messages.
    const rtl = textDirection() === 'rtl';
    const place = () => {
      const rect = props.anchor();
      if (!rect) return;
      const width = panel.offsetWidth;
      // The whole panel stays inside the window: below the anchor, else above it, else shifted to fit; the
      // stylesheet's max-height makes a panel taller than the window scroll inside. Its buttons stay in reach.
      const height = Math.min(panel.offsetHeight, window.innerHeight - 2 * MARGIN);
      const below = rect.bottom + GAP + height <= window.innerHeight - MARGIN || rect.top < height + GAP;
      const wanted = below ? rect.bottom + GAP : rect.top - GAP - height;
      const top = Math.min(Math.max(MARGIN, wanted), window.innerHeight - MARGIN - height);
      // The panel hangs from the anchor's inline end: its right edge, or its left one in a right-to-left UI.
      const start = rtl ? rect.left : rect.right - width;
      const left = Math.min(Math.max(MARGIN, start), window.innerWidth - width - MARGIN);
      setPosition({ top, left: Math.max(MARGIN, left) });
    };
    place();
    // Content that arrives later (a chat's pins, an error) changes the panel's height: place it again.
    const resized = new ResizeObserver(place);
    resized.observe(panel);
    return () => resized.disconnect();
  }, [props.anchor]);

  const latest = useRef(props);
  latest.current = props;
  useEffect(() => {
    const panel = ref.current;
    panel?.focus();
    // A listener outside a closed shadow root (production's) sees a press inside it at the root's host only: the
    // root's own listener, which sees the whole path, judges those.
    const root = panel?.getRootNode();
    const own = root instanceof ShadowRoot ? root : undefined;
    const outside = (event: Event) => {
      const path = event.composedPath();
      if (own && event.currentTarget === document && path.includes(own.host)) return;
      const inside = [panel, ...(latest.current.inside?.() ?? [])];
      if (!inside.some((node) => node && path.includes(node))) latest.current.onClose();
    };
    // At the document, so Escape works even when the focused button just went away with its action.
    const onEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') latest.current.onClose();
    };
    document.addEventListener('pointerdown', outside, true);
    own?.addEventListener('pointerdown', outside, true);
    document.addEventListener('keydown', onEscape, true);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      own?.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('keydown', onEscape, true);
      latest.current.returnFocus?.()?.focus();
    };
  }, []);

  return (
    <div
      ref={ref}
      class="cp-root cp-popover"
      role="dialog"
      tabIndex={-1}
      aria-label={props.label}
      data-testid={props.testId}
      style={position ? { top: `${position.top}px`, left: `${position.left}px` } : { visibility: 'hidden' }}
    >
      {props.children}
    </div>
  );
}
