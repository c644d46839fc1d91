import { t } from '../../../lib/i18n';
import type { PageFeature } from '../../../lib/page/features';
import { chatItemOf, chatOfItem, findChatList } from '../../../lib/page/selectors';
import { FolderMenuButton } from '../ui/FolderMenuButton';
import { createShadowUi } from '../ui/shadow';

type Shown = { chatId: string; name: string; item: Element; open: boolean };

const BUTTON_SIZE = 26;

function ChatFolderButton({ shown, setOpen }: { shown: Shown; setOpen: (open: boolean) => void }) {
  const rect = shown.item.getBoundingClientRect();
  return (
    <div class="cp-root cp-floating-root">
      <FolderMenuButton
        chatId={shown.chatId}
        chatName={shown.name}
        open={shown.open}
        setOpen={setOpen}
        testId="chat-folder-button"
        popoverTestId="chat-folder-popover"
        class="cp-floating"
        label={t('pageFolderMenuTitleNamed', shown.name)}
        title={t('pageFolderMenuTitleNamed', shown.name)}
        style={{
          top: `${rect.top + (rect.height - BUTTON_SIZE) / 2}px`,
          left: `${rect.right - BUTTON_SIZE - 6}px`,
        }}
      >
        📁
      </FolderMenuButton>
    </div>
  );
}

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
    let shown: Shown | null = null;
    const show = (next: Shown | null) => {
      shown = next;
      ui.render(shown && <ChatFolderButton shown={shown} setOpen={setOpen} />);
    };
    const setOpen = (open: boolean) => show(shown && { ...shown, open });

    const over = guard((event: Event) => {
      const item = chatItemOf(event.target);
      const chat = item && chatOfItem(item);
      if (!item || !chat || shown?.open || shown?.item === item) return;
      show({ ...chat, item, open: false });
    });
    const leave = guard((event: MouseEvent) => {
      // Onto our own button, which floats over the list but lives outside it.
      if (event.relatedTarget === ui.host || shown?.open) return;
      show(null);
    });

    track(
      'chat list',
      () => findChatList(),
      (list, listSignal) => {
        list.addEventListener('mouseover', over, { signal: listSignal });
        list.addEventListener('focusin', over, { signal: listSignal });
        list.addEventListener('mouseleave', leave as EventListener, { signal: listSignal });
        list.addEventListener('scroll', () => shown?.open || show(null), { signal: listSignal, passive: true });
        listSignal.addEventListener('abort', () => show(null), { once: true });
      },
      // Nobody has seen Cliq's chat list: the open chat's folder menu (header or corner dock) works without it.
      { optional: true },
    );
    ui.host.addEventListener(
      'mouseleave',
      guard((event: MouseEvent) => {
        const into = event.relatedTarget instanceof Node ? event.relatedTarget : null;
        if (!shown?.open && !(into && findChatList()?.contains(into))) show(null);
      }) as EventListener,
      { signal },
    );
  },
};
