import { useState } from 'preact/hooks';
import { NEUTRAL_FOLDER } from '../../../components/folder-symbol';
import { t } from '../../../lib/i18n';
import type { PageFeature } from '../../../lib/page/features';
import { headerChat } from '../../../lib/page/selectors';
import { folderName } from '../ui/FolderMenu';
import { FolderMenuButton } from '../ui/FolderMenuButton';
import { keepInHeader } from '../ui/header-slot';
import { useFolders } from '../ui/hooks';
import { createShadowUi } from '../ui/shadow';

function FolderButton({ chatId, chatName }: { chatId: string; chatName?: string }) {
  const { folders } = useFolders(false);
  const [open, setOpen] = useState(false);
  const holding = folders?.filter((f) => f.chatIds.includes(chatId)).map(folderName) ?? [];
  const name = chatName ?? folders?.flatMap((f) => f.chats).find((c) => c.chatId === chatId)?.name;
  return (
    <div class="cp-root cp-inline" data-testid="folder-button-root" data-chat-id={chatId}>
      <FolderMenuButton
        chatId={chatId}
        chatName={name}
        open={open}
        setOpen={setOpen}
        testId="folder-button"
        popoverTestId="folder-menu-popover"
        title={holding.length > 0 ? t('pagePinnedIn', holding.join(', ')) : t('pageChatNotPinned')}
      >
        {/* Each folder name brings its own symbol; the plain folder icon only stands in when there is none. */}
        {holding.length > 0 ? (
          <bdi>{holding.join(', ')}</bdi>
        ) : (
          <>
            <span aria-hidden="true">{NEUTRAL_FOLDER}</span> {t('pagePinChat')}
          </>
        )}
      </FolderMenuButton>
    </div>
  );
}

/** Pin the open chat to a folder from its header (or the corner dock): works from the URL alone. */
export const folderMenu: PageFeature = {
  name: 'folder-menu',
  scope: 'chat',
  async start(env) {
    const { chatId } = env.location;
    if (!chatId) return;
    const ui = await createShadowUi(env.ctx, 'cliq-pins-folders', env.signal);
    ui.render(<FolderButton chatId={chatId} />);
    keepInHeader(env, ui, chatId, (header) =>
      ui.render(<FolderButton chatId={chatId} chatName={headerChat(header)?.name || undefined} />),
    );
  },
};
