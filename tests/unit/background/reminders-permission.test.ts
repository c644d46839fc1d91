import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { connectionSchema } from '../../../lib/auth/connection';
import type { Auth } from '../../../lib/auth/session';
import { createReminders, REMINDER_ALARM_PREFIX } from '../../../lib/background/reminders';
import type { Services } from '../../../lib/background/services';
import { putPinList } from '../../../lib/store/cache';
import { updateSettings } from '../../../lib/store/settings';
import { freshDb } from '../queue/harness';

/*
 * The notifications permission taken back in the browser's extension settings while reminders are on: the worker
 * hears it (permissions.onRemoved) and drops every reminder alarm at once, not at its next unrelated run.
 */

const HOUR = 3_600_000;
type Listener = () => void;

describe('reminder alarms and the notifications permission', () => {
  let held: boolean;
  const listeners = { added: new Set<Listener>(), removed: new Set<Listener>() };
  const event = (set: Set<Listener>) => ({ addListener: (l: Listener) => set.add(l) });
  const fireAll = (set: Set<Listener>) => {
    for (const listener of set) listener();
  };

  beforeEach(() => {
    held = true;
    listeners.added.clear();
    listeners.removed.clear();
    Object.assign(fakeBrowser.permissions, {
      contains: vi.fn(async () => held),
      onAdded: event(listeners.added),
      onRemoved: event(listeners.removed),
    });
  });

  async function remindersOnOnePin() {
    const db = await freshDb();
    const now = Date.now();
    await putPinList(db, {
      chatId: 'CT_1',
      fetchedAt: now,
      changedSinceRead: false,
      lastSyncTime: now,
      fullSyncAt: now,
      pins: [{ messageId: '1_1', text: 'expires in two hours', expiry: now + 2 * HOUR }],
    });
    await updateSettings(db, { reminders: { enabled: true, lead: 'hour', scope: 'chats', chatIds: ['CT_1'] } });
    const auth = { state: async () => ({ connection: connectionSchema.parse({}) }) } as unknown as Auth;
    let work = Promise.resolve();
    const reminders = createReminders({
      auth,
      services: async () => ({ db }) as Services,
      kick: () => {
        work = reminders.schedule();
      },
    });
    reminders.followPermission();
    const alarms = async () => {
      await work;
      return (await fakeBrowser.alarms.getAll()).map((a) => a.name).filter((n) => n.startsWith(REMINDER_ALARM_PREFIX));
    };
    return { reminders, alarms };
  }

  it('drops the alarms when the permission is removed, and sets them again when it is granted', async () => {
    const { reminders, alarms } = await remindersOnOnePin();
    await reminders.schedule();
    expect(await alarms()).toHaveLength(1);

    held = false;
    fireAll(listeners.removed);
    expect(await alarms()).toEqual([]);

    held = true;
    fireAll(listeners.added);
    expect(await alarms()).toHaveLength(1);
  });

  it('does not notify from an alarm that was set before the permission went', async () => {
    const { reminders, alarms } = await remindersOnOnePin();
    await reminders.schedule();
    const [name] = await alarms();
    held = false;
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await expect(reminders.fire(name as string)).resolves.toBeUndefined();
    expect(create).not.toHaveBeenCalled();
  });
});
