import { browser } from 'wxt/browser';
import type { Auth } from '../auth/session';
import { readChatPins, readFolders, readUnsentIntents } from '../board/read-models';
import { formatCount, t } from '../i18n';
import { classifySender, type Handlers, type Sender } from '../messaging';
import type { AuthView } from '../messaging/protocol';
import { clearAccountData, countPendingIntents } from '../store/account';
import { readLockedUntil } from '../store/journal';
import { checkContentChat, checkContentIntents } from './content-policy';
import type { Menus } from './menus';
import { reminderHandlers } from './reminders';
import type { Services } from './services';

export interface HandlerDeps {
  auth: Auth;
  /** The signed-in account's queue, sync and database; undefined while signed out. */
  services(): Promise<Services | undefined>;
  /** Run the queue and the sync now (new intents, a chat opened, a sign-in), without holding up the reply. */
  kick(priorityChatIds?: readonly string[]): void;
  /** The connection or the account changed: queue and sync start again on the new settings. */
  restart(): Promise<void>;
  /** The browser's context menu on Cliq pages, fitted to each right-click. */
  menus: Pick<Menus, 'fit'>;
}

/** How long "send them first" may wait for Cliq's rate limit before the user is asked again. */
const SEND_BEFORE_SIGN_OUT_MS = 90_000;

const EMPTY_PROGRESS = {
  done: 0,
  total: 0,
  failed: 0,
  nextSlotAt: null,
  lockedUntil: null,
  waitingForSignIn: false,
  retrying: [],
};

export function createHandlers({ auth, services, kick, restart, menus }: HandlerDeps): Handlers {
  const fromContent = (sender: Sender) => classifySender(sender) === 'content';

  async function view(): Promise<AuthView> {
    const [state, current] = await Promise.all([auth.state(), services()]);
    return { ...state, pendingIntents: current ? await countPendingIntents(current.db) : 0 };
  }

  /** Sends what is queued before a sign-out, within the rate limits; refuses if that cannot finish soon. */
  async function sendPending(current: Services): Promise<void> {
    if (!(await auth.state()).signedIn) throw new Error(t('signOutCannotSend'));
    const deadline = Date.now() + SEND_BEFORE_SIGN_OUT_MS;
    for (;;) {
      await current.queue.run();
      const left = await countPendingIntents(current.db);
      if (left === 0) return;
      const wake = current.queue.nextWakeAt();
      if (wake === null || wake > deadline) throw new Error(t('signOutStillSending', formatCount(left)));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, wake - Date.now())));
    }
  }

  return {
    ping: async () => ({ pong: true, version: browser.runtime.getManifest().version }),
    getAuthState: () => view(),
    async saveConnection(connection) {
      const current = await services();
      if (current && (await auth.connectionChangeSignsOut(connection))) {
        const pending = await countPendingIntents(current.db);
        if (pending > 0) throw new Error(t('hostChangePending', formatCount(pending)));
        current.stop();
        await clearAccountData(current.db);
      }
      await auth.saveConnection(connection);
      await restart();
      return view();
    },
    async signIn() {
      await auth.signIn();
      await restart();
      return view();
    },
    async signOut({ pending }) {
      const current = await services();
      if (current) {
        const count = await countPendingIntents(current.db);
        if (count > 0 && !pending) throw new Error(t('signOutPendingError', formatCount(count)));
        if (count > 0 && pending === 'send') await sendPending(current);
        current.stop();
        await clearAccountData(current.db);
      }
      await auth.signOut();
      await restart();
      return view();
    },

    async enqueue({ intents }, sender) {
      if (fromContent(sender)) checkContentIntents(intents, sender);
      const current = await services();
      // Signed out, an intent would have no account to belong to (and would go out with the next one's token).
      if (!current) return { ok: false, error: t('enqueueSignedOut') };
      const result = await current.queue.enqueue(intents);
      if (result.ok) kick();
      return result;
    },
    async getChatPins({ chatId }, sender) {
      if (fromContent(sender)) checkContentChat([chatId], sender);
      const current = await services();
      if (!current) return { chatId, pins: [], syncedAt: null, lockedUntil: null, unsent: [] };
      const [{ pins, fetchedAt }, lockedUntil, unsent] = await Promise.all([
        readChatPins(current.db, chatId, { now: Date.now() }),
        readLockedUntil(current.db),
        readUnsentIntents(current.db, chatId),
      ]);
      return { chatId, pins, syncedAt: fetchedAt, lockedUntil, unsent };
    },
    async getFolders() {
      const current = await services();
      return current ? readFolders(current.db) : [];
    },
    getProgress: async () => (await services())?.queue.progress() ?? EMPTY_PROGRESS,
    async refresh({ chatIds, folders }, sender) {
      if (fromContent(sender)) checkContentChat(chatIds, sender);
      const current = await services();
      if (!current) return { queued: false };
      // The open chat and the folder menu are what the user looks at now: read them as user actions.
      await Promise.all([
        ...chatIds.map((chatId) => current.sync.refreshChat(chatId)),
        folders ? current.sync.refreshFolders() : null,
      ]);
      kick(chatIds);
      return { queued: true };
    },
    async refreshBoard() {
      const current = await services();
      if (!current) return { queued: false };
      await current.sync.refreshAll();
      kick();
      return { queued: true };
    },
    // Only a page's right-click fits the menu; the policy judges its chat by the tab's address.
    menuContext: async (target, sender) => (fromContent(sender) ? menus.fit(target, sender) : { pinned: null }),
    async retryIntent({ id }) {
      const current = await services();
      const retried = current ? await current.queue.retry(id) : false;
      if (retried) kick();
      return { retried };
    },
    async dismissIntent({ id }) {
      const current = await services();
      return { dismissed: current ? await current.queue.dismiss(id) : false };
    },
    ...reminderHandlers(services, () => kick()),
  };
}
