import { pinSummary } from '../../../lib/board/pin-summary';
import type { ShownPin, UnsentIntent } from '../../../lib/board/read-models';
import { MAX_PINS_PER_CHAT } from '../../../lib/cliq/constants';
import { clockTime, formatCount, t, tn } from '../../../lib/i18n';
import { ask } from '../../../lib/page/background';
import type { BarPanelProps } from './BarPanel';
import { attrs, el, setChildren, setText, slot } from './dom';
import { loadNote, onDemandFor } from './load-note';
import { barChannel, type ChatPinsState, followChatPins } from './page-state';
import type { ShadowUi } from './shadow';
import type { PageUndo } from './undo';

/** Scrolls the page to a message and highlights it; false when the page does not show that message. */
type JumpToMessage = (messageId: string) => boolean;

const pinLabel = (pin: ShownPin) => {
  const text = pinSummary(pin);
  return pin.senderName ? `${pin.senderName}: ${text}` : text;
};

/** A change asked for here that Cliq has not confirmed after a try: still retried, or given up (and why). */
const unsentText = ({ state, error }: UnsentIntent) =>
  state === 'retrying' ? t('pageUnsentRetrying') : t('pageUnsentFailed', error ?? '');

/** "4 pinned", "5 pinned · 1 saving…" (not yet confirmed by Cliq), or "25/25 pinned" when the chat is full. */
function countText(pins: readonly ShownPin[]): string {
  const saving = pins.filter((pin) => pin.pending).length;
  const done = pins.length - saving;
  if (pins.length >= MAX_PINS_PER_CHAT) {
    return t('pageBarCountFull', formatCount(pins.length), formatCount(MAX_PINS_PER_CHAT));
  }
  return saving > 0 ? t('pageBarCountSaving', formatCount(done), formatCount(saving)) : tn('pageBarCount', done);
}

/**
 * The open chat's pins in the chat header: the primary pin and a count; the count opens the whole list
 * (BarPanel, on demand). Changes asked for here that do not reach Cliq say so here. Its buttons are built once and
 * updated in place, so focus stays on them.
 */
export function showPinnedBar(ui: ShadowUi, chatId: string, jump: JumpToMessage): void {
  let state: ChatPinsState = {};
  let open = false;
  let notice: string | undefined;
  let offered: BarPanelProps['offered'];
  let failedBefore = 0;

  const bar = el('div', { class: 'cp-root cp-bar', 'data-testid': 'pinned-bar', 'data-chat-id': chatId });
  const count = document.createTextNode('');
  const toggle = el(
    'button',
    { type: 'button', class: 'cp-bar-toggle', 'aria-haspopup': 'dialog', 'data-testid': 'pinned-bar-toggle' },
    el('span', { 'aria-hidden': 'true' }, '📌'),
    count,
  );
  // The pin's own text decides its direction, and so which end the ellipsis cuts.
  const primary = el('button', {
    type: 'button',
    class: 'cp-bar-primary',
    dir: 'auto',
    'data-testid': 'pinned-bar-primary',
  });
  // Undo's live region, there from the start so that what appears in it is announced (BarPanel fills it).
  const undoSlot = el('div', { role: 'status', class: 'cp-undo', 'data-testid': 'page-undo' });
  const notes = el('div', { class: 'cp-bar-notes' });
  // Live regions are kept and only their text changes: one made anew each time would be announced each time.
  const lockedChip = el('span', {
    class: 'cp-chip',
    role: 'status',
    'data-testid': 'pinned-bar-locked',
  });
  const errorNote = el('span', { class: 'error', role: 'alert', 'data-testid': 'pinned-bar-error' });
  const noticeNote = el('p', { class: 'muted', role: 'status' });
  const panel = slot();
  // What became of the list (or an undo) asked for while the on-demand script loads or could not.
  const asked = loadNote();
  // Its place in the bar's notes is the note's own: it does not hang below the button.
  const parts = onDemandFor(ui, asked, false);
  /** Each unsent intent's note, kept while it reads the same: a focused button in it keeps its focus. */
  let unsentNotes = new Map<string, HTMLElement>();
  ui.root.append(bar);

  const setOpen = (next: boolean) => {
    open = next;
    paint();
  };
  const goTo = (messageId: string) => {
    const found = jump(messageId);
    notice = found ? undefined : t('pageJumpNotLoaded');
    if (found) open = false;
    paint();
  };
  const act = (change: () => void) => () => ui.update(change);
  toggle.addEventListener(
    'click',
    act(() => setOpen(!open)),
  );
  primary.addEventListener(
    'click',
    act(() => goTo(primary.getAttribute('data-message-id') ?? '')),
  );

  function unsentNote(intent: UnsentIntent, full: boolean, kept: Map<string, HTMLElement>): HTMLElement {
    const failed = intent.state === 'failed';
    // Cliq refused a pin because the chat is full: the way forward is its list, to unpin one.
    const showFull = failed && intent.kind === 'pinMessage' && full;
    const text = `⚠ ${unsentText(intent)}`;
    const key = `${intent.id} ${showFull} ${text}`;
    const note = kept.get(key) ?? newNote(intent, text, showFull);
    unsentNotes.set(key, note);
    return note;
  }

  function newNote(intent: UnsentIntent, text: string, showFull: boolean): HTMLElement {
    const failed = intent.state === 'failed';
    const button =
      showFull && el('button', { type: 'button', 'data-testid': 'pinned-bar-show-full' }, t('pageShowChatPins'));
    if (button)
      button.addEventListener(
        'click',
        act(() => setOpen(true)),
      );
    return el(
      'p',
      {
        class: failed ? 'error' : 'muted',
        role: failed ? 'alert' : 'status',
        'data-testid': 'pinned-bar-unsent',
        'data-state': intent.state,
      },
      text,
      button && ' ',
      button,
    );
  }

  function paint(): void {
    const { pins, error, lockedUntil, unsent = [] } = state;
    const locked = lockedUntil && lockedUntil > Date.now() ? lockedUntil : undefined;
    const first = pins?.[0];
    const full = (pins?.length ?? 0) >= MAX_PINS_PER_CHAT;
    attrs(bar, { 'data-state': error ? 'error' : pins ? 'ready' : 'loading' });
    attrs(toggle, {
      'aria-expanded': open,
      'data-full': full,
      title: full ? tn('pagePinLimit', MAX_PINS_PER_CHAT) : t('pageBarShowAll'),
    });
    setText(count, ` ${pins ? countText(pins) : t('loading')}`);
    if (first) {
      attrs(primary, { 'data-message-id': first.messageId, title: t('pageJumpTo') });
      setText(primary, pinLabel(first));
    }
    const kept = unsentNotes;
    unsentNotes = new Map();
    setChildren(notes, [
      asked,
      undoSlot,
      notice && !open && setText(noticeNote, notice),
      ...unsent.map((intent) => unsentNote(intent, full, kept)),
    ]);
    setChildren(bar, [
      toggle,
      first && primary,
      locked !== undefined &&
        setText(attrs(lockedChip, { title: t('pageLockedHint') }), t('pageLocked', clockTime(locked))),
      error && setText(errorNote, error),
      notes,
      panel,
    ]);
    // The list and undo are the on-demand script's: loaded once the list is opened or something offers undo.
    const loaded = parts.current;
    if (loaded) {
      const props: BarPanelProps = {
        chatId,
        pins,
        open,
        notice,
        offered,
        toggle,
        undoSlot,
        scope: ui,
        label: pinLabel,
        onJump: (messageId) => ui.update(() => goTo(messageId)),
        onClose: () => ui.update(() => setOpen(false)),
      };
      loaded.mount(ui, panel, loaded.BarPanel, props);
    } else if (!open && !offered) {
      // The list closed while it loads: whatever the person did last wins.
      parts.cancel();
    } else if (!parts.loading) {
      // An undo that cannot be offered says so, rather than a list nobody asked for failing. Only a press on the
      // list's button is taken back by Escape or a press elsewhere; an undo nobody asked for is not.
      void parts.load(open ? toggle : undefined, open ? 'pageOnDemandFailed' : 'pageUndoUnavailable').then((loaded) => {
        // Not loaded, or no longer wanted: the list is not open nor the undo offered; the next press tries again.
        if (!loaded) {
          open = false;
          offered = undefined;
        }
        ui.update(paint);
      });
    }
  }

  ui.whenPlaced(() =>
    followChatPins(chatId, ui.signal, (change) =>
      ui.update(() => {
        state = change(state);
        // Cliq refusing a change often means the list changed under us (someone pinned the 25th): read it again.
        const failed = (state.unsent ?? []).filter((intent) => intent.state === 'failed').length;
        if (failed > 0 && failed !== failedBefore) {
          ask('refresh', { chatIds: [chatId], folders: false }).catch(() => undefined);
        }
        failedBefore = failed;
        paint();
      }),
    ),
  );
  barChannel.addEventListener(
    'show',
    (event) => {
      if ((event as CustomEvent<string>).detail === chatId) ui.update(() => setOpen(true));
    },
    { signal: ui.signal },
  );
  let offers = 0;
  barChannel.addEventListener(
    'undo',
    (event) => {
      const { detail } = event as CustomEvent<{ chatId: string; undo: PageUndo }>;
      if (detail.chatId !== chatId) return;
      offered = { undo: detail.undo, key: ++offers };
      ui.update(paint);
    },
    { signal: ui.signal },
  );
  ui.update(paint);
}
