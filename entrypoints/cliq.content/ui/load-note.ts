import { type MessageKey, t } from '../../../lib/i18n';
import { isExtensionGone } from '../../../lib/page/background';
import { attrs, el, setText } from './dom';
import { loadOnDemand } from './lazy';
import type { OnDemand } from './on-demand';
import type { ShadowUi } from './shadow';

/** A load slower than this says "Loading…"; a faster one shows nothing, so nothing flickers. */
export const SLOW_LOAD_MS = 150;
const MARGIN = 8;

/**
 * Where a UI tells someone what became of a part they asked for (the on-demand script's): empty (no box) while
 * there is nothing to say. Kept in place, only its text changes, so what appears in it is announced.
 */
export const loadNote = () =>
  el('p', { role: 'status', class: 'cp-root cp-load-note', 'data-testid': 'page-load-note' });

/** Fixed just below `anchor` (inside the window), so no page container clips it and the header keeps its size. */
function placeBelow(note: HTMLElement, anchor: Element): void {
  // Through the CSSOM, which a page's style-src policy does not block; measured once out of the flow.
  Object.assign(note.style, { position: 'fixed', top: '0', left: '0' });
  const rect = anchor.getBoundingClientRect();
  const left = Math.min(rect.left, window.innerWidth - note.offsetWidth - MARGIN);
  const top = Math.min(rect.bottom + 4, window.innerHeight - note.offsetHeight - MARGIN);
  Object.assign(note.style, { top: `${Math.max(MARGIN, top)}px`, left: `${Math.max(MARGIN, left)}px` });
}

/**
 * Loads the on-demand script for something a person asked for, telling them in `note`, where they asked: "Loading…"
 * when it is slow, and when it cannot load (its file gone or blocked) that Cliq Pins could not open it and how to
 * fix that, until their next press; the next ask tries again. Resolves with the parts, or `undefined` when they
 * did not load. An extension that is gone (updated or turned off) leaves the note blank, as every UI of an
 * orphaned script; nothing is ever thrown into the page. `anchor`: what the note hangs below, unless its container
 * places it already.
 */
async function loadFor(
  ui: ShadowUi,
  note: HTMLElement,
  anchor?: Element,
  failed: MessageKey = 'pageOnDemandFailed',
): Promise<OnDemand | undefined> {
  const say = (text: string, alert = false) =>
    ui.update(() => {
      attrs(setText(note, text), { role: alert ? 'alert' : 'status' });
      if (anchor && text) placeBelow(note, anchor);
    });
  // A second try that fails again is announced again: its text goes first.
  say('');
  const slow = setTimeout(() => say(t('loading')), SLOW_LOAD_MS);
  try {
    const parts = await loadOnDemand();
    say('');
    return parts;
  } catch (error) {
    if (isExtensionGone(error)) return undefined;
    console.warn('Cliq Pins: could not load cliq-on-demand.js', error);
    say(t(failed), true);
    // Gone with their next press (which tries again) or Escape.
    const done = new AbortController();
    const dismiss = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      done.abort();
      say('');
    };
    for (const type of ['pointerdown', 'keydown']) {
      document.addEventListener(type, dismiss, { capture: true, signal: done.signal });
    }
    return undefined;
  } finally {
    clearTimeout(slow);
  }
}

export interface OnDemandParts {
  /** The parts, once loaded for this UI. */
  readonly current: OnDemand | undefined;
  /** Whether a load for this UI is under way. */
  readonly loading: boolean;
  /**
   * Loads the parts for something a person asked for (one load at a time per UI; `loadFor` says what became of it
   * in the UI's note): the parts, or `undefined` when they did not load and the next ask tries again.
   */
  load(anchor?: Element, failed?: MessageKey): Promise<OnDemand | undefined>;
}

/** The on-demand parts as one UI holds them: its note, its one load in flight, and the parts once they are in. */
export function onDemandFor(ui: ShadowUi, note: HTMLElement): OnDemandParts {
  let current: OnDemand | undefined;
  let loading: Promise<OnDemand | undefined> | undefined;
  return {
    get current() {
      return current;
    },
    get loading() {
      return loading !== undefined;
    },
    load(anchor, failed) {
      loading ??= loadFor(ui, note, anchor, failed).then((loaded) => {
        current = loaded;
        loading = undefined;
        return loaded;
      });
      return loading;
    },
  };
}
