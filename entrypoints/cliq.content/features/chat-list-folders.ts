import { t } from '../../../lib/i18n';
import type { PageFeature } from '../../../lib/page/features';
import { chatItemOf, chatOfItem, findChatList } from '../../../lib/page/selectors';
import { attrs, el } from '../ui/dom';
import { folderMenuButton } from '../ui/folder-button';
import { createShadowUi } from '../ui/shadow';

type Shown = { chatId: string; name: string; item: Element };

const BUTTON_SIZE = 26;

/**
 * Pin any chat of the sidebar to a folder: one small button floats over the chat under the pointer (or with
 * focus), found by delegated listeners on the list; nothing is added inside the page's chat items.
 */
export const chatListFolders: PageFeature = {
  name: 'chat-list-folders',
  scope: 'page',
  async start({ ctx, signal, track, guard }) {
    const ui = await createShadowUi(ctx, 'cliq-pins-chat-menu', signal);
    ui.place({ anchor: document.body, append: 'last' });
    const menu = folderMenuButton(ui, 'chat-folder-button', 'chat-folder-popover');
    attrs(menu.button, { class: 'cp-floating' }).textContent = '📁';
    const root = el('div', { class: 'cp-root cp-floating-root' }, menu.button, menu.popover);
    let shown: Shown | null = null;
    const show = (next: Shown | null) =>
      ui.update(() => {
        shown = next;
        if (!next) {
          if (menu.open) menu.setOpen(false);
          root.remove();
          return;
        }
        const label = t('pageFolderMenuTitleNamed', next.name);
        const rect = next.item.getBoundingClientRect();
        attrs(menu.button, { 'aria-label': label, title: label });
        menu.button.style.top = `${rect.top + (rect.height - BUTTON_SIZE) / 2}px`;
        menu.button.style.left = `${rect.right - BUTTON_SIZE - 6}px`;
        menu.setChat(next.chatId, next.name);
        if (!root.isConnected) ui.root.append(root);
      });

    const over = guard((event: Event) => {
      const item = chatItemOf(event.target);
      const chat = item && chatOfItem(item);
      if (!item || !chat || menu.open || shown?.item === item) return;
      show({ ...chat, item });
    });
    const leave = guard((event: MouseEvent) => {
      // Onto our own button, which floats over the list but lives outside it.
      if (event.relatedTarget === ui.host || menu.open) return;
      show(null);
    });

    track(
      'chat list',
      () => findChatList(),
      (list, listSignal) => {
        list.addEventListener('mouseover', over, { signal: listSignal });
        list.addEventListener('focusin', over, { signal: listSignal });
        list.addEventListener('mouseleave', leave as EventListener, { signal: listSignal });
        list.addEventListener('scroll', () => menu.open || show(null), { signal: listSignal, passive: true });
        listSignal.addEventListener('abort', () => show(null), { once: true });
      },
      // Nobody has seen Cliq's chat list: the open chat's folder menu (header or corner dock) works without it.
      { optional: true },
    );
    ui.host.addEventListener(
      'mouseleave',
      guard((event: MouseEvent) => {
        const into = event.relatedTarget instanceof Node ? event.relatedTarget : null;
        if (!menu.open && !(into && findChatList()?.contains(into))) show(null);
      }) as EventListener,
      { signal },
    );
  },
};
