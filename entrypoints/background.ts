import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { listenForMessages } from '../lib/messaging';

export default defineBackground({
  type: 'module',
  main() {
    // Every listener is registered synchronously here: a message that wakes the worker must find it.
    listenForMessages({
      ping: async () => ({ pong: true, version: browser.runtime.getManifest().version }),
    });
  },
});
