import { describe, expect, it } from 'vitest';
import type { ChatPins, ShownPin } from '../../../lib/board/read-models';
import { claimReminder, firedReminders, plannedReminders, reminderKey } from '../../../lib/board/reminders';
import { openPinsDb } from '../../../lib/store/db';
import { reminderSettingsSchema, settingsSchema } from '../../../lib/store/settings';

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;
const ME = '61000001';
const A = 'CT_1_1';
const B = 'CT_2_1';

const pin = (messageId: string, change: Partial<ShownPin> = {}): ShownPin => ({
  chatId: A,
  messageId,
  text: `text ${messageId}`,
  expiry: NOW + 3 * HOUR,
  pinnedById: ME,
  pinnedAt: NOW - HOUR,
  isPrimary: false,
  pending: false,
  ...change,
});
const board = (...chats: [string, ShownPin[]][]): ChatPins[] =>
  chats.map(([chatId, pins]) => ({ chatId, chatName: `chat ${chatId}`, pins: pins.map((p) => ({ ...p, chatId })) }));
const on = (change: Partial<ReturnType<typeof reminderSettingsSchema.parse>> = {}) =>
  reminderSettingsSchema.parse({ enabled: true, ...change });
const context = { now: NOW, me: ME, scale: 1 };
const keys = (list: { key: string }[]) => list.map((r) => r.key);

describe('which pins get a reminder, and when', () => {
  it('is off until the user turns it on, and older stored settings read as off', () => {
    expect(settingsSchema.parse({}).reminders).toEqual({ enabled: false, lead: 'hour', scope: 'mine', chatIds: [] });
    expect(plannedReminders(board([A, [pin('1')]]), reminderSettingsSchema.parse({}), context)).toEqual([]);
  });

  it('reminds of my pins with an expiry, the lead before it; not of others’ pins, nor of pins that never expire', () => {
    const pins = board([A, [pin('1'), pin('2', { pinnedById: '61000002' }), pin('3', { expiry: -1 })]]);
    const [reminder, ...rest] = plannedReminders(pins, on(), context);
    expect(rest).toEqual([]);
    expect(reminder).toMatchObject({ chatId: A, chatName: `chat ${A}`, fireAt: NOW + 2 * HOUR });
    expect(reminder?.key).toBe(reminderKey(A, '1', NOW + 3 * HOUR, 'hour'));
    const longAgo = board([A, [pin('1', { pinnedAt: NOW - 48 * HOUR })]]);
    expect(plannedReminders(longAgo, on({ lead: 'day' }), context)).toMatchObject([
      { fireAt: NOW + 3 * HOUR - 24 * HOUR },
    ]);
  });

  it('with an unknown user, no pin counts as mine', () => {
    expect(plannedReminders(board([A, [pin('1')]]), on(), { ...context, me: undefined })).toEqual([]);
  });

  it('in picked chats, reminds of every pin whoever pinned it, and of no pin elsewhere', () => {
    const pins = board([A, [pin('1', { pinnedById: '61000002' })]], [B, [pin('2')]]);
    expect(keys(plannedReminders(pins, on({ scope: 'chats', chatIds: [A] }), context))).toEqual([
      reminderKey(A, '1', NOW + 3 * HOUR, 'hour'),
    ]);
  });

  it('a new expiry is a new reminder; an unpinned or expired pin has none', () => {
    const before = plannedReminders(board([A, [pin('1')]]), on(), context);
    const after = plannedReminders(board([A, [pin('1', { expiry: NOW + 30 * HOUR })]]), on(), context);
    expect(keys(after)).not.toEqual(keys(before));
    expect(plannedReminders(board([A, []]), on(), context)).toEqual([]);
    expect(plannedReminders(board([A, [pin('1', { expiry: NOW - 1 })]]), on(), context)).toEqual([]);
  });

  it('a reminder missed while the browser was closed is due at once; a pin pinned inside its lead gets none', () => {
    const missed = pin('1', { expiry: NOW + 10 * 60_000, pinnedAt: NOW - 2 * HOUR });
    const short = pin('2', { expiry: NOW + 30 * 60_000, pinnedAt: NOW - 60_000 });
    const planned = plannedReminders(board([A, [missed, short]]), on(), context);
    expect(planned.map((r) => [r.pin.messageId, r.fireAt])).toEqual([['1', NOW + 10 * 60_000 - HOUR]]);
  });

  it('sandbox builds scale the lead with the sandbox’s minute', () => {
    const [reminder] = plannedReminders(board([A, [pin('1')]]), on(), { ...context, scale: 0.5 });
    expect(reminder?.fireAt).toBe(NOW + 3 * HOUR - HOUR / 2);
  });
});

describe('a reminder fires once', () => {
  it('is claimed by one caller only, and the record forgets reminders no longer planned', async () => {
    const db = await openPinsDb(`reminders-${Math.random()}`);
    const [first, second] = ['a/1/5/hour', 'a/2/5/hour'];
    expect(await Promise.all([claimReminder(db, first, [first]), claimReminder(db, first, [first])])).toEqual([
      true,
      false,
    ]);
    expect(await claimReminder(db, second, [second])).toBe(true);
    expect(await firedReminders(db)).toEqual(new Set([second]));
    db.close();
  });
});
