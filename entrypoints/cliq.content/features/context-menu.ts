import { browser } from 'wxt/browser';
import type { ExtensionEvent } from '../../../lib/messaging/events';
import { ask } from '../../../lib/page/background';
import type { FeatureEnv, PageFeature } from '../../../lib/page/features';
import { findMessages, messageIdIn, messageOf, messagePreview } from '../../../lib/page/messages';
import { chatItemOf, chatOfItem, findChatHeader, headerChat, shownChatId } from '../../../lib/page/selectors';
import { pinDialogFor } from '../ui/pin-dialog-host';

/** What the user right-clicked last: a message of the open chat, or a chat (list item or header), and its element. */
interface Target {
  chatId?: string;
  messageId?: string;
  element?: Element;
}

function targetOf(env: FeatureEnv, event: Event): Target {
  const reader = findMessages()?.reader;
  const message = reader ? messageOf(reader, event.target) : null;
  const messageId = reader && message ? messageIdIn(reader, message) : undefined;
  if (message && messageId) return { chatId: shownChatId(env.location.chatId), messageId, element: message };
  const item = chatItemOf(event.target);
  const header = findChatHeader();
  const onHeader = header && event.target instanceof Node && header.contains(event.target);
  const element = item ?? (onHeader ? header : undefined);
  return { chatId: (item ? chatOfItem(item) : onHeader ? headerChat(header) : null)?.chatId, element };
}

/**
 * The browser's context menu (entries made by the background, lib/background/menus.ts) acts on what was
 * right-clicked: the page records it, tells the background (which then shows "Pin" or "Unpin"), and answers the
 * background's question when an entry is chosen. The background checks the answer against the tab's address.
 */
export const contextMenu: PageFeature = {
  name: 'context-menu',
  scope: 'chat',
  start(env) {
    let target: Target = {};
    const recorded = env.guard((event: Event) => {
      target = targetOf(env, event);
      const { chatId, messageId } = target;
      void ask('menuContext', { chatId, messageId }).catch(() => undefined);
    });
    document.addEventListener('contextmenu', recorded, { capture: true, signal: env.signal });

    const answer = (message: unknown, sender: { id?: string }) => {
      const event = (message as { cliqPinsEvent?: ExtensionEvent } | null)?.cliqPinsEvent;
      if (sender.id !== browser.runtime.id) return undefined;
      const { chatId, messageId, element } = target;
      // The chosen entry did not happen (signed out, refused): said by what was right-clicked, not only logged.
      if (event?.type === 'menuFailed') {
        const { error } = event;
        env.guard(async () => (await pinDialogFor(env)).tell(error, element ?? document.body))();
      }
      if (event?.type !== 'contextTarget') return undefined;
      const reader = findMessages()?.reader;
      if (event.openPinDialog && chatId && messageId && element?.isConnected && reader) {
        const preview = messagePreview(reader, element);
        env.guard(async () => (await pinDialogFor(env)).open({ chatId, messageId, preview }, element))();
      }
      return Promise.resolve({ chatId, messageId });
    };
    browser.runtime.onMessage.addListener(answer);
    env.signal.addEventListener('abort', () => {
      try {
        browser.runtime.onMessage.removeListener(answer);
      } catch {
        // An orphaned script cannot reach the runtime any more; its listener went with it.
      }
    });
  },
};
