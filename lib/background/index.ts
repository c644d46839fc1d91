import { browser } from 'wxt/browser';
import { AUTH_ALARM, createAuth } from '../auth/session';
import { listenForMessages } from '../messaging';
import { broadcast } from '../messaging/events';
import { accountDbName } from '../store/account';
import { openPinsDb } from '../store/db';
import { forwardCommands } from './commands';
import { createHandlers } from './handlers';
import { createServices, type Services } from './services';
import { ensureSweepAlarm, scheduleWake } from './wake';

/**
 * The worker's whole life. Listeners are registered synchronously, before anything is awaited, so the event
 * that woke the worker (a message, an alarm) finds them. Nothing that matters lives only in memory: the queue
 * and the cache are in IndexedDB, the token in session storage.
 */
export function startBackground(): void {
  const auth = createAuth();
  /** The signed-in account's services, opened on its own database; none while signed out. */
  let current: { key: string; services: Promise<Services> } | undefined;

  const services = async (): Promise<Services | undefined> => {
    const account = await auth.account();
    if (!account) return undefined;
    if (current?.key !== account.key) {
      const previous = current;
      current = {
        key: account.key,
        services: openPinsDb(accountDbName(account.key)).then((db) =>
          createServices(db, auth, {
            onProgress: (progress) => void broadcast({ type: 'progress', progress }),
            onChange: (lists) => void broadcast({ type: 'changed', lists }),
          }),
        ),
      };
      void previous?.services.then((old) => old.stop());
    }
    return current.services;
  };

  async function work(priorityChatIds: readonly string[] = []): Promise<void> {
    const open = await services();
    if (!open) {
      await scheduleWake(null);
      return;
    }
    // The queue first: user actions go out before background reads of the same budget.
    await open.queue.run();
    await open.sync.run({ priorityChatIds });
    const wakes = [open.queue.nextWakeAt(), open.sync.nextWakeAt()].filter((at): at is number => at !== null);
    await scheduleWake(wakes.length > 0 ? Math.min(...wakes) : null);
  }

  const kick = (priorityChatIds?: readonly string[]) => {
    work(priorityChatIds).catch((error: unknown) => console.error('Cliq Pins: background work failed', error));
  };

  listenForMessages(
    createHandlers({
      auth,
      services,
      kick,
      async restart() {
        const previous = current;
        current = undefined;
        (await previous?.services)?.stop();
        kick();
      },
    }),
  );

  browser.alarms.onAlarm.addListener((alarm) => {
    // Due for renewal: renew now (or tell the user before the token lapses), then carry on.
    if (alarm.name === AUTH_ALARM) void auth.getToken().then(() => kick());
    else kick();
  });
  forwardCommands();

  auth.subscribe((state) => {
    void broadcast({ type: 'authChanged', signedIn: state.signedIn, needsSignIn: state.needsSignIn });
    if (state.signedIn) {
      services()
        .then((open) => open?.queue.resume())
        .then(() => kick(), console.error);
    }
  });

  void ensureSweepAlarm();
  // Every start: settle whatever a stopped worker left in flight, then carry on.
  kick();
}
