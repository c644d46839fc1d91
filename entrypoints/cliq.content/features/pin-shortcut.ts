import { browser } from 'wxt/browser';
import { isPinMessageCommand } from '../../../lib/background/commands';
import { MAX_PINS_PER_CHAT } from '../../../lib/cliq/endpoints/pin-messages';
import { ask } from '../../../lib/page/background';
import type { FeatureEnv, PageFeature } from '../../../lib/page/features';
import { currentMessage, findMessages, messageIdIn, messagePreview } from '../../../lib/page/messages';
import { shownChatId } from '../../../lib/page/selectors';
import { pinDialogFor } from '../ui/pin-dialog-host';

/**
 * The message under focus (else under the pointer) is pinned at once with the defaults (forever, no
 * notification); the dialog then shows it pinned, to change or undo. An already pinned message, or a chat
 * with no room left, opens the dialog instead.
 */
async function pinCurrentMessage(env: FeatureEnv): Promise<void> {
  const reader = findMessages()?.reader;
  const message = reader && currentMessage(reader);
  const messageId = message && messageIdIn(reader, message);
  const chatId = shownChatId(env.location.chatId);
  if (!message || !messageId || !chatId) return;
  const target = { chatId, messageId, preview: messagePreview(reader, message) };
  const { pins } = await ask('getChatPins', { chatId });
  if (!pins.some((pin) => pin.messageId === messageId) && pins.length < MAX_PINS_PER_CHAT) {
    await ask('enqueue', { intents: [{ kind: 'pinMessage', ...target }] });
  }
  (await pinDialogFor(env)).open(target, message);
}

export const pinShortcut: PageFeature = {
  name: 'pin-shortcut',
  scope: 'chat',
  start(env) {
    const run = env.guard(() => pinCurrentMessage(env));
    // Only the extension's own background can send here; the page's scripts cannot reach this channel.
    const listener = (message: unknown, sender: { id?: string }) => {
      if (sender.id === browser.runtime.id && isPinMessageCommand(message)) run();
    };
    browser.runtime.onMessage.addListener(listener);
    env.signal.addEventListener('abort', () => {
      try {
        browser.runtime.onMessage.removeListener(listener);
      } catch {
        // An orphaned script cannot reach the runtime any more; its listener went with it.
      }
    });
  },
};
