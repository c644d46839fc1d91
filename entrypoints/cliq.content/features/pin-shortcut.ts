import { t } from '../../../lib/i18n';
import { subscribeToEvents } from '../../../lib/messaging/events';
import type { FeatureEnv, PageFeature } from '../../../lib/page/features';
import { currentMessage, findMessages, messageIdIn, messagePreview } from '../../../lib/page/messages';
import { shownChatId } from '../../../lib/page/selectors';
import { pinDialogFor } from '../ui/pin-dialog-host';

/**
 * The shortcut opens the pin dialog for the message under focus (else under the pointer); nothing is pinned
 * until the user confirms there, so a page that moves focus cannot make a keypress pin something else.
 */
async function openPinDialog(env: FeatureEnv): Promise<void> {
  const found = findMessages();
  const reader = found?.reader;
  const message = reader && currentMessage(reader);
  const messageId = message && messageIdIn(reader, message);
  const chatId = shownChatId(env.location.chatId);
  const dialog = await pinDialogFor(env);
  // A keypress that finds no message says so, by the chat's messages, rather than doing nothing.
  if (!message || !messageId || !chatId) return dialog.tell(t('pageShortcutNoMessage'), found?.root ?? document.body);
  dialog.open({ chatId, messageId, preview: messagePreview(reader, message) }, message);
}

export const pinShortcut: PageFeature = {
  name: 'pin-shortcut',
  scope: 'chat',
  start(env) {
    const run = env.guard(() => openPinDialog(env));
    // Only the extension's own background can send events; the page's scripts cannot reach this channel.
    const unsubscribe = subscribeToEvents((event) => {
      if (event.type === 'pinShortcut') run();
    });
    env.signal.addEventListener('abort', () => {
      try {
        unsubscribe();
      } catch {
        // An orphaned script cannot reach the runtime any more; its listener went with it.
      }
    });
  },
};
