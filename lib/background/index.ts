import { browser } from 'wxt/browser';
import { apiOrigin } from '../auth/connection';
import { AUTH_ALARM, createAuth } from '../auth/session';
import { listenForMessages } from '../messaging';
import { broadcast } from '../messaging/events';
import { forgetUnownedData } from '../store/account';
import { createAccountServices } from './account-services';
import { createBadge } from './badge';
import { forwardCommands } from './commands';
import { createHandlers } from './handlers';
import { createMenus, listenForMenuClicks } from './menus';
import { createOmnibox, listenToOmnibox } from './omnibox';
import { createReminders, REMINDER_ALARM_PREFIX } from './reminders';
import { exposeForTests } from './test-hooks';
import { ensureSweepAlarm, scheduleWake } from './wake';

/**
 * The worker's whole life. Listeners are registered synchronously, before anything is awaited, so the event
 * that woke the worker (a message, an alarm) finds them. Nothing that matters lives only in memory: the queue
 * and the cache are in IndexedDB, the token in session storage.
 */
export function startBackground(): void {
  const auth = createAuth();
  const accounts = createAccountServices(auth, {
    onProgress: (progress) => {
      void broadcast({ type: 'progress', progress });
      badge.update();
    },
    onChange: (lists) => {
      void broadcast({ type: 'changed', lists });
      badge.update();
      if (lists.includes('folders')) void menus.rebuild();
    },
  });
  const services = () => accounts.services();
  const badge = createBadge({ auth, services });
  const menus = createMenus({ services, kick: () => kick() });
  const omnibox = createOmnibox({ services, cliqOrigin: async () => apiOrigin(await auth.connection()) });

  async function work(priorityChatIds: readonly string[] = []): Promise<void> {
    const open = await services();
    if (!open) {
      await Promise.all([scheduleWake(null), reminders.schedule()]);
      return;
    }
    // The queue first: user actions go out before background reads of the same budget.
    await open.queue.run();
    await open.sync.run({ priorityChatIds });
    await reminders.schedule();
    const wakes = [open.queue.nextWakeAt(), open.sync.nextWakeAt()].filter((at): at is number => at !== null);
    await scheduleWake(wakes.length > 0 ? Math.min(...wakes) : null);
  }

  const kick = (priorityChatIds?: readonly string[]) => {
    work(priorityChatIds).catch((error: unknown) => console.error('Cliq Pins: background work failed', error));
  };
  const reminders = createReminders({ auth, services, kick: () => kick() });
  reminders.listen();
  reminders.followPermission();

  listenForMessages(
    createHandlers({
      auth,
      services,
      kick,
      async restart() {
        await accounts.restart();
        kick();
        void menus.rebuild();
      },
      menus,
    }),
  );
  listenForMenuClicks(menus.clicked);
  listenToOmnibox(omnibox);
  exposeForTests({ menus, omnibox });

  browser.alarms.onAlarm.addListener((alarm) => {
    // Due for renewal: renew now (or tell the user before the token lapses), then carry on.
    if (alarm.name === AUTH_ALARM) void auth.getToken().then(() => kick());
    else if (alarm.name.startsWith(REMINDER_ALARM_PREFIX)) void reminders.fire(alarm.name).catch(console.error);
    else kick();
    // Pins come within 24 hours of expiry as time passes, with no change to announce it.
    badge.update();
  });
  forwardCommands();

  auth.subscribe((state) => {
    badge.update();
    void broadcast({ type: 'authChanged', signedIn: state.signedIn, needsSignIn: state.needsSignIn });
    if (state.signedIn) {
      services()
        .then((open) => open?.queue.resume())
        .then(() => kick(), console.error);
    }
  });

  void ensureSweepAlarm();
  void forgetUnownedData();
  void menus.rebuild();
  badge.update();
  // Every start: settle whatever a stopped worker left in flight, then carry on.
  kick();
}
