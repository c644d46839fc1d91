import { NEUTRAL_FOLDER } from '../../../components/folder-symbol';
import { t } from '../../../lib/i18n';
import type { PageFeature } from '../../../lib/page/features';
import { headerChat } from '../../../lib/page/selectors';
import { el, setChildren } from '../ui/dom';
import { folderMenuButton } from '../ui/folder-button';
import { folderName } from '../ui/folder-name';
import { keepInHeader } from '../ui/header-slot';
import { type FoldersState, followFolders } from '../ui/page-state';
import { createShadowUi } from '../ui/shadow';

/** Pin the open chat to a folder from its header (or the corner dock): works from the URL alone. */
export const folderMenu: PageFeature = {
  name: 'folder-menu',
  scope: 'chat',
  async start(env) {
    const { chatId } = env.location;
    if (!chatId) return;
    const ui = await createShadowUi(env.ctx, 'cliq-pins-folders', env.signal);
    const menu = folderMenuButton(ui, 'folder-button', 'folder-menu-popover');
    ui.root.append(
      el(
        'div',
        { class: 'cp-root cp-inline', 'data-testid': 'folder-button-root', 'data-chat-id': chatId },
        menu.button,
        menu.popover,
      ),
    );
    let state: FoldersState = {};
    let headerName: string | undefined;
    const paint = () => {
      const { folders } = state;
      const holding = folders?.filter((f) => f.chatIds.includes(chatId)).map(folderName) ?? [];
      menu.setChat(chatId, headerName ?? folders?.flatMap((f) => f.chats).find((c) => c.chatId === chatId)?.name);
      menu.button.title = holding.length > 0 ? t('pagePinnedIn', holding.join(', ')) : t('pageChatNotPinned');
      // Each folder name brings its own symbol; the plain folder icon only stands in when there is none.
      setChildren(
        menu.button,
        holding.length > 0
          ? [el('bdi', {}, holding.join(', '))]
          : [el('span', { 'aria-hidden': 'true' }, NEUTRAL_FOLDER), ` ${t('pagePinChat')}`],
      );
    };
    ui.whenPlaced(() =>
      followFolders(ui.signal, (change) =>
        ui.update(() => {
          state = change(state);
          paint();
        }),
      ),
    );
    ui.update(paint);
    keepInHeader(env, ui, chatId, (header) =>
      ui.update(() => {
        headerName = headerChat(header)?.name || undefined;
        paint();
      }),
    );
  },
};
