import type { ComponentChildren } from 'preact';
import { useCallback, useRef } from 'preact/hooks';
import { t } from '../../../lib/i18n';
import { useOnDemand } from './lazy';

/**
 * A button that opens the folder menu for one chat in a popover next to it: the chat header's button and the
 * one floating over the chat list differ only in where they sit and what they say.
 */
export function FolderMenuButton(props: {
  chatId: string;
  chatName?: string;
  open: boolean;
  setOpen(open: boolean): void;
  testId: string;
  popoverTestId: string;
  title: string;
  label?: string;
  class?: string;
  style?: { top: string; left: string };
  children: ComponentChildren;
}) {
  const { setOpen } = props;
  const button = useRef<HTMLButtonElement>(null);
  const anchor = useCallback(() => button.current?.getBoundingClientRect() ?? null, []);
  const close = useCallback(() => setOpen(false), [setOpen]);
  const ui = useOnDemand(props.open);
  return (
    <>
      <button
        ref={button}
        type="button"
        class={props.class}
        style={props.style}
        data-testid={props.testId}
        data-chat-id={props.chatId}
        aria-haspopup="dialog"
        aria-expanded={props.open}
        aria-label={props.label}
        title={props.title}
        onClick={() => setOpen(!props.open)}
      >
        {props.children}
      </button>
      {props.open && ui && (
        <ui.Popover
          key={props.chatId}
          anchor={anchor}
          onClose={close}
          label={t('pageFolderMenuTitle')}
          testId={props.popoverTestId}
          inside={() => (button.current ? [button.current] : [])}
          returnFocus={() => button.current}
        >
          <ui.FolderMenu chatId={props.chatId} chatName={props.chatName} />
        </ui.Popover>
      )}
    </>
  );
}
