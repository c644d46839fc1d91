import { browser } from 'wxt/browser';

/** The `commands` entry in the manifest (wxt.config.ts): pin the message under focus or the mouse pointer. */
export const PIN_MESSAGE_COMMAND = 'pin-message';

/** What the background sends the tab a shortcut was pressed in; only the extension can send on this channel. */
export interface CommandMessage {
  cliqPinsCommand: typeof PIN_MESSAGE_COMMAND;
}

export function isPinMessageCommand(message: unknown): message is CommandMessage {
  return (message as Partial<CommandMessage> | null)?.cliqPinsCommand === PIN_MESSAGE_COMMAND;
}

/**
 * Keyboard shortcuts reach the background, not the page: pass each on to the tab it was pressed in. A tab
 * without Cliq Pins' content script (not a Cliq page) has no receiver, which is fine.
 */
export function forwardCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== PIN_MESSAGE_COMMAND) return;
    void sendToTab(tab?.id).catch(() => undefined);
  });
}

async function sendToTab(tabId: number | undefined): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return;
  const message: CommandMessage = { cliqPinsCommand: PIN_MESSAGE_COMMAND };
  await browser.tabs.sendMessage(id, message);
}
