import { type Browser, browser } from 'wxt/browser';
import { rateMinuteMs } from '../auth/connection';
import type { Auth } from '../auth/session';
import { pinSummary } from '../board/pin-summary';
import { readPinBoard } from '../board/read-models';
import { claimReminder, firedReminders, plannedReminders, type Reminder } from '../board/reminders';
import { formatLocale, t } from '../i18n';
import type { Handlers } from '../messaging';
import type { PinsDb } from '../store/db';
import { readSettings, updateSettings } from '../store/settings';
import type { Services } from './services';

/*
 * Reminders before pins expire: one alarm per reminder (alarms persist across worker and browser restarts), a
 * notification when it fires, and "Keep 1 more day" / "Keep forever" as intents through the queue. The alarms are
 * derived from the board after every run of the queue and the sync, so an unpin or a new expiry cancels or moves
 * them without any bookkeeping of its own.
 */

export const REMINDER_ALARM_PREFIX = 'cliq-pins-reminder:';
const NOTIFICATION_PREFIX = 'cliq-pins-reminder/';
const DAY = 24 * 3_600_000;
const NOTIFICATIONS: Browser.permissions.Permissions = { permissions: ['notifications'] };

/** Firefox shows no buttons on notifications (and refuses the option): there a click opens the board. */
const BUTTONS_SUPPORTED = import.meta.env.BROWSER !== 'firefox';

const notificationId = (chatId: string, messageId: string) => `${NOTIFICATION_PREFIX}${chatId}/${messageId}`;

function pinOfNotification(id: string): { chatId: string; messageId: string } | undefined {
  if (!id.startsWith(NOTIFICATION_PREFIX)) return undefined;
  const [chatId, messageId] = id.slice(NOTIFICATION_PREFIX.length).split('/');
  return chatId && messageId ? { chatId, messageId } : undefined;
}

/** The board at that pin: the popup's page in a tab, which scrolls to and focuses the pin named in its hash. */
const boardUrl = (chatId: string, messageId: string) =>
  browser.runtime.getURL(`/popup.html#pin=${encodeURIComponent(chatId)}/${encodeURIComponent(messageId)}`);

interface Deps {
  auth: Auth;
  services(): Promise<Services | undefined>;
  kick(): void;
}

const expiryLabel = (expiry: number) =>
  new Intl.DateTimeFormat(formatLocale(), { weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(expiry);

export function createReminders({ auth, services, kick }: Deps) {
  async function planned(db: PinsDb, now: number): Promise<Reminder[]> {
    const [board, settings, state] = await Promise.all([readPinBoard(db, { now }), readSettings(db), auth.state()]);
    const scale = rateMinuteMs(state.connection) / 60_000;
    return plannedReminders(board, settings.reminders, { now, me: state.account?.user, scale });
  }

  const allowed = () => browser.permissions.contains(NOTIFICATIONS);

  /** One alarm for each reminder still to fire, and none for anything else. */
  async function schedule(): Promise<void> {
    const existing = (await browser.alarms.getAll()).filter((a) => a.name.startsWith(REMINDER_ALARM_PREFIX));
    const open = await services();
    const now = Date.now();
    const due = open && (await allowed()) ? await planned(open.db, now) : [];
    const fired = open ? await firedReminders(open.db) : new Set<string>();
    const wanted = new Map(due.filter((r) => !fired.has(r.key)).map((r) => [REMINDER_ALARM_PREFIX + r.key, r]));
    const have = new Set(existing.map((a) => a.name));
    await Promise.all([
      ...existing.filter((a) => !wanted.has(a.name)).map((a) => browser.alarms.clear(a.name)),
      // A reminder whose time passed while the browser was closed fires now.
      ...[...wanted]
        .filter(([name]) => !have.has(name))
        .map(([name, r]) => browser.alarms.create(name, { when: Math.max(r.fireAt, now + 500) })),
    ]);
  }

  async function fire(alarmName: string): Promise<void> {
    const open = await services();
    if (!open || !(await allowed())) return;
    const key = alarmName.slice(REMINDER_ALARM_PREFIX.length);
    const all = await planned(open.db, Date.now());
    const reminder = all.find((r) => r.key === key);
    // Unpinned or given another expiry since the alarm was set: nothing to remind of.
    const keys = all.map((r) => r.key);
    const claimed = reminder !== undefined && (await claimReminder(open.db, key, keys));
    if (!reminder || !claimed) return;
    const { chatId, pin } = reminder;
    await browser.notifications.create(notificationId(chatId, pin.messageId), {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('reminderTitle', reminder.chatName ?? chatId, expiryLabel(pin.expiry)),
      // Without buttons the click is the only action: say so under the message.
      message: BUTTONS_SUPPORTED
        ? pinSummary(pin).slice(0, 300)
        : `${pinSummary(pin).slice(0, 300)}\n${t('reminderClickToOpen')}`,
      ...(BUTTONS_SUPPORTED && {
        buttons: [{ title: t('reminderKeepDay') }, { title: t('reminderKeepForever') }],
        requireInteraction: true,
      }),
    });
  }

  /** "Keep 1 more day" (a day past the current expiry) or "Keep forever": an expiry change through the queue. */
  async function keep(id: string, button: number): Promise<void> {
    const target = pinOfNotification(id);
    const open = await services();
    if (!target || !open) return;
    await browser.notifications.clear(id);
    const board = await readPinBoard(open.db, { now: Date.now() });
    const pin = board.find((chat) => chat.chatId === target.chatId)?.pins.find((p) => p.messageId === target.messageId);
    if (!pin || pin.expiry === -1) return;
    const expiry = button === 0 ? Math.max(pin.expiry, Date.now()) + DAY : -1;
    const result = await open.queue.enqueue([{ kind: 'changePinExpiry', ...target, expiry }]);
    if (result.ok) kick();
  }

  async function open(id: string): Promise<void> {
    const target = pinOfNotification(id);
    if (!target) return;
    await browser.notifications.clear(id);
    await browser.tabs.create({ url: boardUrl(target.chatId, target.messageId) });
  }

  let listening = false;
  /** `browser.notifications` exists only once the optional permission is granted; listen from then on. */
  function listen(): void {
    if (listening || !browser.notifications) return;
    listening = true;
    browser.notifications.onButtonClicked.addListener((id, button) => void keep(id, button).catch(console.error));
    browser.notifications.onClicked.addListener((id) => void open(id).catch(console.error));
    // Headless Chromium cannot click a notification: e2e tests call the same handlers through the worker.
    if (import.meta.env.MODE === 'test') Object.assign(globalThis, { cliqPinsReminderHandlers: { keep, open } });
  }

  /**
   * The permission can be granted or taken back (in the browser's extension settings) at any time: a grant starts
   * listening to notification clicks, and either change re-derives the alarms, so none outlive the permission.
   */
  function followPermission(): void {
    browser.permissions.onAdded.addListener(() => {
      listen();
      kick();
    });
    browser.permissions.onRemoved.addListener(() => kick());
  }

  return { schedule, fire, listen, followPermission };
}

/** The options page's reminder settings; saving kicks the background, whose run re-derives the alarms. */
export function reminderHandlers(
  services: () => Promise<Services | undefined>,
  kick: () => void,
): Pick<Handlers, 'getReminders' | 'setReminders'> {
  return {
    async getReminders() {
      const current = await services();
      if (!current) return { settings: undefined, chats: [] };
      const [settings, chats] = await Promise.all([readSettings(current.db), current.db.getAll('chats')]);
      return {
        settings: settings.reminders,
        chats: chats.map((c) => ({ chatId: c.chatId, name: c.name })).sort(byName),
      };
    },
    async setReminders(reminders) {
      const current = await services();
      if (!current) throw new Error(t('enqueueSignedOut'));
      const settings = await updateSettings(current.db, { reminders });
      kick();
      return { settings: settings.reminders };
    },
  };
}

const byName = (a: { name?: string; chatId: string }, b: { name?: string; chatId: string }) =>
  (a.name ?? a.chatId).localeCompare(b.name ?? b.chatId);
