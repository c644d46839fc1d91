import { attrs, el, slot } from './dom';
import type { FolderPopoverProps } from './FolderMenu';
import { loadNote, onDemandFor } from './load-note';
import type { ShadowUi } from './shadow';

export interface FolderMenuButton {
  button: HTMLButtonElement;
  /** The popover's place, beside the button. */
  popover: HTMLElement;
  /** The chat the menu is for: the chat list's button moves from chat to chat. */
  setChat(chatId: string, chatName?: string): void;
  readonly open: boolean;
  setOpen(open: boolean): void;
}

/**
 * A button that opens the folder menu for one chat in a popover next to it (FolderPopover, on demand): the chat
 * header's button and the one floating over the chat list differ only in where they sit and what they say.
 */
export function folderMenuButton(ui: ShadowUi, testId: string, popoverTestId: string): FolderMenuButton {
  const button = el('button', { type: 'button', 'data-testid': testId, 'aria-haspopup': 'dialog' });
  const panel = slot();
  const note = loadNote();
  const popover = el('div', { style: 'display:contents' }, panel, note);
  let chat = { chatId: '', chatName: undefined as string | undefined };
  let open = false;
  const parts = onDemandFor(ui, note);

  const paint = () => {
    attrs(button, { 'data-chat-id': chat.chatId, 'aria-expanded': open });
    const loaded = parts.current;
    if (loaded) {
      const props: FolderPopoverProps = {
        ...chat,
        button,
        testId: popoverTestId,
        onClose: () => ui.update(() => menu.setOpen(false)),
      };
      loaded.mount(ui, panel, loaded.FolderPopover, open ? props : undefined);
    } else if (!open) {
      // Closed while it loads: whatever the person did last wins.
      parts.cancel();
    } else if (!parts.loading) {
      void parts.load(button).then((loaded) => {
        // Not loaded, or no longer wanted: the menu is not open, and the next press tries again.
        if (!loaded) open = false;
        ui.update(paint);
      });
    }
  };
  const menu: FolderMenuButton = {
    button,
    popover,
    setChat(chatId, chatName) {
      chat = { chatId, chatName };
      paint();
    },
    get open() {
      return open;
    },
    setOpen(next) {
      open = next;
      paint();
    },
  };
  button.addEventListener('click', () => ui.update(() => menu.setOpen(!open)));
  return menu;
}
