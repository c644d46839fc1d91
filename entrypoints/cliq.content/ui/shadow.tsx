import { type ComponentChild, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import styles from '../style.css?inline';

export type Placement = { anchor: Element; append: 'last' | 'first' | 'before' };

export interface ShadowUi {
  host: HTMLElement;
  /** Puts the UI at `placement`, moving it there if it sits elsewhere; does nothing if it is already there. */
  place(placement: Placement): void;
  render(content: ComponentChild): void;
}

function insert(host: Element, { anchor, append }: Placement): void {
  if (append === 'before') anchor.before(host);
  else if (append === 'first') anchor.prepend(host);
  else anchor.append(host);
}

/** Anywhere in the right container counts: two UIs placed before the same anchor must not swap places forever. */
function isPlaced(host: Element, { anchor, append }: Placement): boolean {
  if (append !== 'before') return host.parentElement === anchor;
  return host.parentElement === anchor.parentElement && Boolean(host.compareDocumentPosition(anchor) & 4);
}

/**
 * A Preact UI in its own shadow root (page CSS cannot reach in, ours cannot leak out; key presses inside do not
 * reach the page's shortcuts). Removed when `signal` ends or the extension goes away.
 */
export async function createShadowUi(ctx: ContentScriptContext, name: string, signal: AbortSignal): Promise<ShadowUi> {
  let content: ComponentChild = null;
  let target: Placement | undefined;
  let mounted = false;
  const ui = await createShadowRootUi(ctx, {
    name,
    position: 'inline',
    css: styles,
    isolateEvents: true,
    anchor: () => target?.anchor ?? null,
    append: (_anchor, host) => {
      if (target) insert(host, target);
    },
    onMount(container) {
      render(content, container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  const remove = () => {
    if (mounted) ui.remove();
    mounted = false;
  };
  if (signal.aborted) remove();
  signal.addEventListener('abort', remove, { once: true });
  return {
    host: ui.shadowHost,
    place(placement) {
      if (signal.aborted) return;
      target = placement;
      if (!mounted) {
        mounted = true;
        ui.mount();
      } else if (!ui.shadowHost.isConnected || !isPlaced(ui.shadowHost, placement)) {
        insert(ui.shadowHost, placement);
      }
    },
    render(next) {
      content = next;
      if (mounted && ui.mounted) render(next, ui.mounted);
    },
  };
}

const DOCK_STYLE =
  'position:fixed;top:8px;right:8px;z-index:2147483000;display:flex;flex-wrap:wrap;justify-content:flex-end;gap:8px;align-items:center;max-width:calc(100vw - 16px)';

/**
 * Where header UIs go when the page has no chat header we recognise: a fixed strip in the top corner, one per
 * page, holding each UI's own shadow host. Gone with the extension.
 */
export function dockFor(ctx: ContentScriptContext): Element {
  let dock = document.querySelector('body > cliq-pins-dock');
  if (!dock) {
    dock = document.createElement('cliq-pins-dock');
    dock.setAttribute('style', DOCK_STYLE);
    document.body.append(dock);
    ctx.onInvalidated(() => dock?.remove());
  }
  return dock;
}

/** Header UIs sit just before the header's own buttons, or at its end when it has none we recognise. */
export function inHeader(header: Element, actions: Element | null): Placement {
  return actions ? { anchor: actions, append: 'before' } : { anchor: header, append: 'last' };
}
