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

/** Escape, or a press anywhere but on `inside`: someone taking back what they asked for, or done with a note. */
function onLeaving(signal: AbortSignal, leave: () => void, inside: readonly Element[] = []): void {
  const listener = (event: Event) => {
    const leaving =
      event instanceof KeyboardEvent
        ? event.key === 'Escape'
        : !inside.some((node) => event.composedPath().includes(node));
    if (leaving) leave();
  };
  for (const type of ['pointerdown', 'keydown']) document.addEventListener(type, listener, { capture: true, signal });
}

export interface OnDemandParts {
  /** The parts, once loaded: kept from then on, even when the person had given up on the load that brought them. */
  readonly current: OnDemand | undefined;
  /** Whether a load someone asked for here is under way. */
  readonly loading: boolean;
  /**
   * Loads the parts for something a person asked for at `control` (one load at a time per UI), saying what becomes
   * of it in the UI's note: "Loading…" when it is slow, and when it cannot load (its file gone or blocked, or stuck
   * past lazy.ts's time limit) that Cliq Pins could not open it and how to fix that, until their next press.
   * Resolves with the parts, or `undefined` when they did not load or the person no longer wants them: Escape, a
   * press anywhere but on `control` or in this UI, `cancel()`, the UI going away. Then nothing should open; the next
   * ask tries again. Nothing is ever thrown into the page. Without `control` (nobody pressed anything) only
   * `cancel()` and the UI's end take it back.
   */
  load(control?: Element, failed?: MessageKey): Promise<OnDemand | undefined>;
  /** The person no longer wants what they asked for: the note goes, and the load under way opens nothing. */
  cancel(): void;
  /** Says what became of something a person asked for at `control` (an alert), until their next press or Escape. */
  tell(text: string, control?: Element): void;
}

/**
 * The on-demand parts as one UI holds them: its note, its one load in flight, and the parts once they are in.
 * `noteBelowControl`: whether the note hangs below the control that asked (else its container places it).
 */
export function onDemandFor(ui: ShadowUi, note: HTMLElement, noteBelowControl = true): OnDemandParts {
  let current: OnDemand | undefined;
  let asked: { result: Promise<OnDemand | undefined>; cancel(): void } | undefined;
  // A failure's note, up until the person's next press or Escape, or the next ask.
  let failureShown = new AbortController();

  const say = (text: string, control?: Element, alert = false) =>
    ui.update(() => {
      attrs(setText(note, text), { role: alert ? 'alert' : 'status' });
      if (noteBelowControl && control && text) placeBelow(note, control);
    });

  // Said as an alert, until the person's next press (which may try again) or Escape.
  function tell(text: string, control?: Element): void {
    failureShown.abort();
    say(text, control, true);
    failureShown = new AbortController();
    onLeaving(failureShown.signal, () => {
      failureShown.abort();
      say('');
    });
  }

  function ask(control: Element | undefined, failed: MessageKey): NonNullable<typeof asked> {
    // Ends when the load does, or when the person or the UI gives up on it: whatever comes first decides.
    const ended = new AbortController();
    let answer: (parts: OnDemand | undefined) => void = () => undefined;
    const result = new Promise<OnDemand | undefined>((resolve) => {
      answer = resolve;
    });
    const end = (parts?: OnDemand) => {
      if (ended.signal.aborted) return;
      ended.abort();
      clearTimeout(slow);
      asked = undefined;
      say('');
      answer(parts);
    };
    // A second try that fails again is announced again: its text goes first.
    failureShown.abort();
    say('');
    const slow = setTimeout(() => say(t('loading'), control), SLOW_LOAD_MS);
    ui.signal.addEventListener('abort', () => end(), { signal: ended.signal });
    // This UI's host stands for what is inside it: the document sees a press in a closed shadow root at the host.
    if (control) onLeaving(ended.signal, () => end(), [control, ui.host]);
    loadOnDemand().then(
      (loaded) => {
        current = loaded;
        end(loaded);
      },
      (error: unknown) => {
        if (ended.signal.aborted) return;
        end();
        // The extension updated or turned off: the note stays blank, as every UI of an orphaned script.
        if (isExtensionGone(error)) return;
        console.warn('Cliq Pins: could not load cliq-on-demand.js', error);
        tell(t(failed), control);
      },
    );
    return { result, cancel: () => end() };
  }

  return {
    get current() {
      return current;
    },
    get loading() {
      return asked !== undefined;
    },
    load(control, failed = 'pageOnDemandFailed') {
      asked ??= ask(control, failed);
      return asked.result;
    },
    cancel() {
      asked?.cancel();
    },
    tell,
  };
}
