import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createAuth } from '../lib/auth/session';
import { listenForMessages } from '../lib/messaging';

export default defineBackground({
  type: 'module',
  main() {
    const auth = createAuth();
    // Every listener is registered synchronously here: a message that wakes the worker must find it.
    listenForMessages({
      ping: async () => ({ pong: true, version: browser.runtime.getManifest().version }),
      getAuthState: () => auth.state(),
      saveConnection: (connection) => auth.saveConnection(connection),
      signIn: () => auth.signIn(),
      signOut: () => auth.signOut(),
    });
  },
});
