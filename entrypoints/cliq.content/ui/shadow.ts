import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { applyDocumentDirection, textDirection } from '../../../lib/i18n';
import { isExtensionGone } from '../../../lib/page/background';
import styles from '../style.css?inline';
import { followPageTheme } from './theme';

export type Placement = { anchor: Element; append: 'last' | 'first' | 'before' };

/** Where the on-demand script renders into one of these UIs (entrypoints/cliq.content/ui/on-demand.ts). */
export interface UiScope {
  /** Ends when the UI is removed (its feature ends, the extension goes away) or has failed. */
  signal: AbortSignal;
  /** An error in the UI stops there: logged under its name (quietly once the extension is gone), the UI goes blank. */
  fail(error: unknown): void;
}

export interface ShadowUi extends UiScope {
  host: HTMLElement;
  /** The UI's content goes in here. */
  root: HTMLElement;
  /** Puts the UI at `placement`, moving it there if it sits elsewhere; does nothing if it is already there. */
  place(placement: Placement): void;
  /** Runs a change to the UI's content (a render, an answer from the background) with `fail` as its safety net. */
  update(change: () => void): void;
  /**
   * Runs `start` (through `update`) once the UI is first placed and painted: where a chat's header decides the
   * place, the page shows that chat by then; and the background answers only for the chat the tab shows, by the
   * address the browser reports, which can lag the page's own navigation by a moment.
   */
  whenPlaced(start: () => void): void;
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

/** Set in extension storage (which page scripts cannot touch) by the e2e harness; honoured in test builds only. */
export const E2E_OPEN_SHADOW_ROOTS_KEY = 'e2eOpenShadowRoots';
let shadowMode: Promise<'open' | 'closed'> | undefined;

/**
 * Closed: a page script cannot reach into our UI to read pins or press our buttons. Only test builds let the e2e
 * harness open them, so puppeteer's selectors can drive the UI; production builds compile this branch away.
 */
function modeOfShadowRoots(): Promise<'open' | 'closed'> {
  if (import.meta.env.MODE !== 'test') return Promise.resolve('closed');
  shadowMode ??= browser.storage.local.get(E2E_OPEN_SHADOW_ROOTS_KEY).then(
    (stored) => (stored[E2E_OPEN_SHADOW_ROOTS_KEY] === true ? 'open' : 'closed'),
    () => 'closed',
  );
  return shadowMode;
}

/** After the next frame (or 35 ms where none comes, as in a background tab), as Preact runs effects. */
function afterPaint(run: () => void): void {
  const go = () => {
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    setTimeout(run);
  };
  const timer = setTimeout(go, 35);
  const frame = requestAnimationFrame(go);
}

/** A host's own styles start from nothing: page rules that reach the host (inherited fonts, colours) stop at it. */
const HOST_RESET = ':host{all:initial !important}';
/** Key presses inside our UI stay there: Cliq's own shortcuts must not fire while someone types a folder name. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/**
 * A UI in its own closed shadow root (page CSS cannot reach in, ours cannot leak out; key presses inside do not
 * reach the page's shortcuts). Removed when `signal` ends or the extension goes away.
 *
 * Errors stop at the UI they happen in, like a feature's errors: logged under its name, never thrown into the page.
 * After an extension update the old UI may still re-render (a countdown ticking) before the page's next change
 * tears it down, and its strings are no longer readable: that UI just goes blank, quietly.
 *
 * Built here rather than with WXT's `createShadowRootUi`: that helper's anchoring, auto-mount and CSS loading (none
 * of which this needs) cost the content script 3 kB gzipped, a ninth of it.
 */
export async function createShadowUi(ctx: ContentScriptContext, name: string, signal: AbortSignal): Promise<ShadowUi> {
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: await modeOfShadowRoots() });
  const style = document.createElement('style');
  style.textContent = `${HOST_RESET}\n${styles}`;
  const root = document.createElement('div');
  applyDocumentDirection(root);
  shadow.append(style, root);
  for (const type of ISOLATED_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());
  const content = new AbortController();
  const remove = () => {
    content.abort();
    host.remove();
  };
  if (signal.aborted) remove();
  signal.addEventListener('abort', remove, { once: true });
  ctx.onInvalidated(remove);
  const fail = (error: unknown) => {
    if (content.signal.aborted) return;
    content.abort();
    root.replaceChildren();
    if (!isExtensionGone(error)) console.error(`Cliq Pins: ${name} failed`, error);
  };
  let waiting: (() => void)[] | undefined = [];
  const update = (change: () => void) => {
    if (content.signal.aborted) return;
    try {
      change();
    } catch (error) {
      fail(error);
    }
  };
  return {
    host,
    root,
    signal: content.signal,
    fail,
    update,
    whenPlaced(start) {
      if (waiting) waiting.push(start);
      else update(start);
    },
    place(placement) {
      if (signal.aborted) return;
      if (!host.isConnected || !isPlaced(host, placement)) {
        insert(host, placement);
        // What lies behind the UI decides its theme: read it again wherever the UI lands.
        followPageTheme(host, signal);
      }
      const starts = waiting ?? [];
      waiting = undefined;
      if (starts.length > 0) afterPaint(() => starts.forEach(update));
    },
  };
}

const DOCK_STYLE =
  'position:fixed;top:8px;inset-inline-end:8px;z-index:2147483000;display:flex;flex-wrap:wrap;justify-content:flex-end;gap:8px;align-items:center;max-width:calc(100vw - 16px)';

/**
 * Where header UIs go when the page has no chat header we recognise: a fixed strip in the top corner, one per
 * page, holding each UI's own shadow host. Gone with the extension.
 */
export function dockFor(ctx: ContentScriptContext): Element {
  let dock = document.querySelector('body > cliq-pins-dock');
  if (!dock) {
    dock = document.createElement('cliq-pins-dock');
    dock.setAttribute('style', DOCK_STYLE);
    // The dock follows the extension's language, not the page's: its corner is the UI's inline end.
    dock.setAttribute('dir', textDirection());
    document.body.append(dock);
    ctx.onInvalidated(() => dock?.remove());
  }
  return dock;
}

/** Header UIs sit just before the header's own buttons, or at its end when it has none we recognise. */
export function inHeader(header: Element, actions: Element | null): Placement {
  return actions ? { anchor: actions, append: 'before' } : { anchor: header, append: 'last' };
}
