import { browser } from 'wxt/browser';
import { sendToTab } from '../messaging/events';

/** The `commands` entry in the manifest (wxt.config.ts): open the pin dialog for the message in focus. */
export const PIN_MESSAGE_COMMAND = 'pin-message';

/**
 * Keyboard shortcuts reach the background, not the page: pass each on, as a typed event, to the tab it was
 * pressed in. A tab without Cliq Pins' content script (not a Cliq page) has no receiver, which is fine.
 */
export function forwardCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== PIN_MESSAGE_COMMAND) return;
    void forward(tab?.id).catch(() => undefined);
  });
}

async function forward(tabId: number | undefined): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id !== undefined) await sendToTab(id, { type: 'pinShortcut' });
}
