import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forwardCommands, PIN_MESSAGE_COMMAND } from '../../../lib/background/commands';
import { subscribeToEvents } from '../../../lib/messaging/events';

type OnCommand = (command: string, tab?: { id?: number }) => void;

describe('the pin-message keyboard shortcut', () => {
  let pressed: OnCommand;
  const sendMessage = vi.fn();
  const query = vi.fn();

  beforeEach(() => {
    sendMessage.mockReset().mockResolvedValue(undefined);
    query.mockReset().mockResolvedValue([{ id: 42 }]);
    // fakeBrowser leaves commands and tabs.sendMessage unimplemented: stand in for the browser here.
    fakeBrowser.commands.onCommand.addListener = vi.fn((listener: OnCommand) => {
      pressed = listener;
    }) as never;
    fakeBrowser.tabs.sendMessage = sendMessage as never;
    fakeBrowser.tabs.query = query as never;
    forwardCommands();
  });

  it('is passed by the background to the tab it was pressed in', async () => {
    pressed(PIN_MESSAGE_COMMAND, { id: 7 });
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledWith(7, { cliqPinsEvent: { type: 'pinShortcut' } }));
    expect(query).not.toHaveBeenCalled();
  });

  it('goes to the active tab when the browser does not say which tab', async () => {
    pressed(PIN_MESSAGE_COMMAND);
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledWith(42, { cliqPinsEvent: { type: 'pinShortcut' } }));
  });

  it('ignores other commands, and a tab with nobody listening (not a Cliq page)', async () => {
    pressed('_execute_action', { id: 7 });
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    pressed(PIN_MESSAGE_COMMAND, { id: 8 });
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledTimes(1));
    expect(sendMessage).toHaveBeenCalledWith(8, expect.anything());
  });

  it('travels as a typed event the page side hears only from the extension itself', () => {
    const heard: unknown[] = [];
    let deliver: ((message: unknown, sender: { id?: string }) => void) | undefined;
    fakeBrowser.runtime.onMessage.addListener = vi.fn((listener) => {
      deliver = listener as typeof deliver;
    }) as never;
    subscribeToEvents((event) => heard.push(event));
    deliver?.({ cliqPinsEvent: { type: 'pinShortcut' } }, { id: fakeBrowser.runtime.id });
    deliver?.({ cliqPinsEvent: { type: 'pinShortcut' } }, { id: 'some-other-extension' });
    deliver?.({ cliqPinsCommand: 'pin-message' }, { id: fakeBrowser.runtime.id });
    expect(heard).toEqual([{ type: 'pinShortcut' }]);
  });
});
