import { browser } from 'wxt/browser';
import type { Auth } from '../auth/session';
import { readChatPins, readFolders } from '../board/read-models';
import type { Handlers } from '../messaging';
import type { Services } from './services';

export interface HandlerDeps {
  auth: Auth;
  services(): Promise<Services>;
  /** Run the queue and the sync now (new intents, a chat opened, a sign-in), without holding up the reply. */
  kick(priorityChatIds?: readonly string[]): void;
  /** The connection changed: queue and sync start again on the new settings. */
  restart(): Promise<void>;
}

export function createHandlers({ auth, services, kick, restart }: HandlerDeps): Handlers {
  return {
    ping: async () => ({ pong: true, version: browser.runtime.getManifest().version }),
    getAuthState: () => auth.state(),
    async saveConnection(connection) {
      const state = await auth.saveConnection(connection);
      await restart();
      return state;
    },
    signIn: () => auth.signIn(),
    signOut: () => auth.signOut(),

    async enqueue({ intents }) {
      const { queue } = await services();
      const result = await queue.enqueue(intents);
      if (result.ok) kick();
      return result;
    },
    async getChatPins({ chatId }) {
      const { pins, fetchedAt } = await readChatPins((await services()).db, chatId, { now: Date.now() });
      return { chatId, pins, syncedAt: fetchedAt };
    },
    async getFolders() {
      return readFolders((await services()).db);
    },
    getProgress: async () => (await services()).queue.progress(),
    async refresh({ chatIds, folders }) {
      const { sync } = await services();
      // The open chat and the folder menu are what the user looks at now: read them as user actions.
      await Promise.all([...chatIds.map((chatId) => sync.refreshChat(chatId)), folders ? sync.refreshFolders() : null]);
      kick(chatIds);
      return { queued: true };
    },
    async retryIntent({ id }) {
      const retried = await (await services()).queue.retry(id);
      if (retried) kick();
      return { retried };
    },
    async dismissIntent({ id }) {
      return { dismissed: await (await services()).queue.dismiss(id) };
    },
  };
}
