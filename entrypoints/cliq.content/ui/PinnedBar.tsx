import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { pinSummary } from '../../../lib/board/pin-summary';
import type { ShownPin, UnsentIntent } from '../../../lib/board/read-models';
import { MAX_PINS_PER_CHAT } from '../../../lib/cliq/constants';
import { clockTime, formatCount, t, tn } from '../../../lib/i18n';
import { ask } from '../../../lib/page/background';
import { barChannel, useChatPins, useEnqueue } from './hooks';
import { useOnDemand } from './lazy';
import { type PageUndo, pinUndo, usePageUndo } from './undo';

/** Scrolls the page to a message and highlights it; false when the page does not show that message. */
export type JumpToMessage = (messageId: string) => boolean;

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
 * The open chat's pins in the chat header: the primary pin and a count; the count opens the whole list in
 * Cliq's order, where pins can be opened, unpinned (one or many, with undo), made primary and reordered.
 * Changes asked for here that do not reach Cliq say so here.
 */
export function PinnedBar({ chatId, jump }: { chatId: string; jump: JumpToMessage }) {
  const { pins, error, lockedUntil, unsent = [] } = useChatPins(chatId);
  const locked = lockedUntil && lockedUntil > Date.now() ? lockedUntil : undefined;
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string>();
  const toggle = useRef<HTMLButtonElement>(null);
  const sending = useEnqueue();
  const undo = usePageUndo();
  const anchor = useCallback(() => toggle.current?.getBoundingClientRect() ?? null, []);
  const close = useCallback(() => setOpen(false), []);
  const ui = useOnDemand(open);

  const { offer } = undo;
  useEffect(() => {
    const show = (event: Event) => {
      if ((event as CustomEvent<string>).detail === chatId) setOpen(true);
    };
    const offered = (event: Event) => {
      const { detail } = event as CustomEvent<{ chatId: string; undo: PageUndo }>;
      if (detail.chatId === chatId) offer(detail.undo);
    };
    barChannel.addEventListener('show', show);
    barChannel.addEventListener('undo', offered);
    return () => {
      barChannel.removeEventListener('show', show);
      barChannel.removeEventListener('undo', offered);
    };
  }, [chatId, offer]);

  // Cliq refusing a change often means the list changed under us (someone pinned the 25th): read it again.
  const failed = unsent.filter((intent) => intent.state === 'failed').length;
  useEffect(() => {
    if (failed > 0) ask('refresh', { chatIds: [chatId], folders: false }).catch(() => undefined);
  }, [chatId, failed]);

  const goTo = (messageId: string) => {
    const found = jump(messageId);
    setNotice(found ? undefined : t('pageJumpNotLoaded'));
    if (found) setOpen(false);
  };

  const unpin = async (event: Event, messageIds: string[]) => {
    const before = pins ?? [];
    const ok = await sending.enqueue(event, [{ kind: 'unpinMessages', chatId, messageIds }]);
    if (ok) offer(pinUndo(chatId, before, messageIds));
    return ok;
  };

  const primary = pins?.[0];
  const full = (pins?.length ?? 0) >= MAX_PINS_PER_CHAT;
  const state = error ? 'error' : pins ? 'ready' : 'loading';
  return (
    <div class="cp-root cp-bar" data-testid="pinned-bar" data-state={state} data-chat-id={chatId}>
      <button
        ref={toggle}
        type="button"
        class="cp-bar-toggle"
        aria-expanded={open}
        aria-haspopup="dialog"
        data-testid="pinned-bar-toggle"
        data-full={full}
        title={full ? tn('pagePinLimit', MAX_PINS_PER_CHAT) : t('pageBarShowAll')}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">📌</span> {pins ? countText(pins) : t('loading')}
      </button>
      {primary && (
        <button
          type="button"
          class="cp-bar-primary"
          // The pin's own text decides its direction, and so which end the ellipsis cuts.
          dir="auto"
          data-testid="pinned-bar-primary"
          data-message-id={primary.messageId}
          title={t('pageJumpTo')}
          onClick={() => goTo(primary.messageId)}
        >
          {pinLabel(primary)}
        </button>
      )}
      {locked && (
        <span class="cp-chip" role="status" data-testid="pinned-bar-locked" title={t('pageLockedHint')}>
          {t('pageLocked', clockTime(locked))}
        </span>
      )}
      {error && (
        <span class="error" role="alert" data-testid="pinned-bar-error">
          {error}
        </span>
      )}
      <div class="cp-bar-notes">
        {!open && undo.view}
        {notice && !open && (
          <p class="muted" role="status">
            {notice}
          </p>
        )}
        {unsent.map((intent) => (
          <p
            key={intent.id}
            class={intent.state === 'failed' ? 'error' : 'muted'}
            role={intent.state === 'failed' ? 'alert' : 'status'}
            data-testid="pinned-bar-unsent"
            data-state={intent.state}
          >
            ⚠ {unsentText(intent)}
            {/* Cliq refused a pin because the chat is full: the way forward is its list, to unpin one. */}
            {intent.state === 'failed' && intent.kind === 'pinMessage' && full && (
              <>
                {' '}
                <button type="button" data-testid="pinned-bar-show-full" onClick={() => setOpen(true)}>
                  {t('pageShowChatPins')}
                </button>
              </>
            )}
          </p>
        ))}
      </div>
      {open && pins && ui && (
        <ui.Popover
          anchor={anchor}
          onClose={close}
          label={t('pageBarTitle')}
          testId="pinned-bar-panel"
          inside={() => (toggle.current ? [toggle.current] : [])}
          returnFocus={() => toggle.current}
        >
          <h2 class="cp-title">{pins.length >= MAX_PINS_PER_CHAT ? t('pageBarTitleFull') : t('pageBarTitle')}</h2>
          {pins.length === 0 ? (
            <p class="muted">{t('pageBarEmpty')}</p>
          ) : (
            <ui.PinRows chatId={chatId} pins={pins} sending={sending} onJump={goTo} onUnpin={unpin} label={pinLabel} />
          )}
          {undo.view}
          {notice && (
            <p class="muted" role="status">
              {notice}
            </p>
          )}
          {sending.error && (
            <p class="error" role="alert">
              {sending.error}
            </p>
          )}
        </ui.Popover>
      )}
    </div>
  );
}
