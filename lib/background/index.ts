import { browser } from 'wxt/browser';
import { createAuth } from '../auth/session';
import { listenForMessages } from '../messaging';
import { broadcast } from '../messaging/events';
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
  const db = openPinsDb();
  let current: Promise<Services> | undefined;

  const services = (): Promise<Services> => {
    current ??= db.then((opened) =>
      createServices(opened, auth, {
        onProgress: (progress) => void broadcast({ type: 'progress', progress }),
        onChange: (lists) => void broadcast({ type: 'changed', lists }),
      }),
    );
    return current;
  };

  async function work(priorityChatIds: readonly string[] = []): Promise<void> {
    const { queue, sync } = await services();
    // The queue first: user actions go out before background reads of the same budget.
    await queue.run();
    await sync.run({ priorityChatIds });
    const wakes = [queue.nextWakeAt(), sync.nextWakeAt()].filter((at): at is number => at !== null);
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
        (await previous)?.stop();
        kick();
      },
    }),
  );

  browser.alarms.onAlarm.addListener(() => kick());
  forwardCommands();

  auth.subscribe((state) => {
    void broadcast({ type: 'authChanged', signedIn: state.signedIn, needsSignIn: state.needsSignIn });
    if (state.signedIn) {
      services()
        .then(({ queue }) => queue.resume())
        .then(() => kick(), console.error);
    }
  });

  void ensureSweepAlarm();
  // Every start: settle whatever a stopped worker left in flight, then carry on.
  kick();
}
