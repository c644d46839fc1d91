import type { ComponentChild } from 'preact';
import { useCallback, useEffect, useLayoutEffect } from 'preact/hooks';
import type { ShownPin } from '../../../lib/board/read-models';
import { MAX_PINS_PER_CHAT } from '../../../lib/cliq/constants';
import { t } from '../../../lib/i18n';
import { useEnqueue } from './hooks';
import { mount } from './mount';
import { PinRows } from './PinRows';
import { Popover } from './Popover';
import type { UiScope } from './shadow';
import { type PageUndo, pinUndo, usePageUndo } from './undo';

export interface BarPanelProps {
  chatId: string;
  pins?: ShownPin[];
  open: boolean;
  notice?: string;
  /** Undo for an action taken in another UI (the pin dialog), told through the bar's channel: offered once per key. */
  offered?: { undo: PageUndo; key: number };
  toggle: HTMLButtonElement;
  /** The bar's own live region, where undo shows while the list is closed. */
  undoSlot: Element;
  scope: UiScope;
  label: (pin: ShownPin) => string;
  onJump(messageId: string): void;
  onClose(): void;
}

const Shown = ({ children }: { children: ComponentChild }) => children;

/**
 * What the pinned bar (pinned-bar.ts) shows on request: the chat's whole list in Cliq's order, where pins can be
 * opened, unpinned (one or many, with undo), made primary and reordered; and the undo of what was done there or in
 * the pin dialog.
 */
export function BarPanel(props: BarPanelProps) {
  const { chatId, pins, open, notice, offered, toggle, undoSlot, scope } = props;
  const sending = useEnqueue();
  const undo = usePageUndo();
  const { offer } = undo;
  useEffect(() => {
    if (offered) offer(offered.undo);
  }, [offered, offer]);
  // A live region announces changes only if it was there before them: the bar's is, from its first paint.
  useLayoutEffect(() => mount(scope, undoSlot, Shown, { children: open ? null : undo.content }));
  const anchor = useCallback(() => toggle.getBoundingClientRect(), [toggle]);

  const unpin = async (event: Event, messageIds: string[]) => {
    const before = pins ?? [];
    const ok = await sending.enqueue(event, [{ kind: 'unpinMessages', chatId, messageIds }]);
    if (ok) offer(pinUndo(chatId, before, messageIds));
    return ok;
  };

  if (!open || !pins) return null;
  return (
    <Popover
      anchor={anchor}
      onClose={props.onClose}
      label={t('pageBarTitle')}
      testId="pinned-bar-panel"
      inside={() => [toggle]}
      returnFocus={() => toggle}
    >
      <h2 class="cp-title">{pins.length >= MAX_PINS_PER_CHAT ? t('pageBarTitleFull') : t('pageBarTitle')}</h2>
      {pins.length === 0 ? (
        <p class="muted">{t('pageBarEmpty')}</p>
      ) : (
        <PinRows
          chatId={chatId}
          pins={pins}
          sending={sending}
          onJump={props.onJump}
          onUnpin={unpin}
          label={props.label}
        />
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
    </Popover>
  );
}
