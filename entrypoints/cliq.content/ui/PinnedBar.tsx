import { useCallback, useRef, useState } from 'preact/hooks';
import { pinSummary } from '../../../lib/board/pin-summary';
import type { ShownPin } from '../../../lib/board/read-models';
import { clockTime, t, tn } from '../../../lib/i18n';
import { useChatPins, useEnqueue } from './hooks';
import { PinRows } from './PinRows';
import { Popover } from './Popover';

/** Scrolls the page to a message and highlights it; false when the page does not show that message. */
export type JumpToMessage = (messageId: string) => boolean;

const pinLabel = (pin: ShownPin) => {
  const text = pinSummary(pin);
  return pin.senderName ? `${pin.senderName}: ${text}` : text;
};

/**
 * The open chat's pins in the chat header: the primary pin and a count; the count opens the whole list in
 * Cliq's order, where pins can be opened, unpinned (one or many), made primary and reordered.
 */
export function PinnedBar({ chatId, jump }: { chatId: string; jump: JumpToMessage }) {
  const { pins, error, lockedUntil } = useChatPins(chatId);
  const locked = lockedUntil && lockedUntil > Date.now() ? lockedUntil : undefined;
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string>();
  const toggle = useRef<HTMLButtonElement>(null);
  const sending = useEnqueue();
  const anchor = useCallback(() => toggle.current?.getBoundingClientRect() ?? null, []);
  const close = useCallback(() => setOpen(false), []);

  const goTo = (messageId: string) => {
    const found = jump(messageId);
    setNotice(found ? undefined : t('pageJumpNotLoaded'));
    if (found) setOpen(false);
  };

  const primary = pins?.[0];
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
        title={t('pageBarShowAll')}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">📌</span> {pins ? tn('pageBarCount', pins.length) : t('loading')}
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
      {notice && !open && (
        <span class="muted" role="status">
          {notice}
        </span>
      )}
      {open && pins && (
        <Popover
          anchor={anchor}
          onClose={close}
          label={t('pageBarTitle')}
          testId="pinned-bar-panel"
          inside={() => (toggle.current ? [toggle.current] : [])}
          returnFocus={() => toggle.current}
        >
          <h2 class="cp-title">{t('pageBarTitle')}</h2>
          {pins.length === 0 ? (
            <p class="muted">{t('pageBarEmpty')}</p>
          ) : (
            <PinRows chatId={chatId} pins={pins} sending={sending} onJump={goTo} label={pinLabel} />
          )}
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
        </Popover>
      )}
    </div>
  );
}
