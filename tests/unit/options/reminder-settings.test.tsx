// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReminderSettings } from '../../../components/options/ReminderSettings';
import { reminderSettingsSchema } from '../../../lib/store/settings';
import { useRoot } from '../popup/fixture';

const send = vi.hoisted(() => vi.fn());
vi.mock('../../../lib/messaging', () => ({ sendMessage: send }));

/*
 * Headless Chromium cannot answer the browser's permission prompt and test builds hold the permission from install,
 * so the refusal and the later revocation are proved here, against a browser.permissions that says no.
 */

let held: boolean;
let saved: ReturnType<typeof reminderSettingsSchema.parse>;
const root = useRoot();
type Listener = () => void;
const listeners = { added: new Set<Listener>(), removed: new Set<Listener>() };
const event = (set: Set<Listener>) => ({
  addListener: (l: Listener) => set.add(l),
  removeListener: (l: Listener) => set.delete(l),
});

beforeEach(() => {
  held = false;
  saved = reminderSettingsSchema.parse({});
  listeners.added.clear();
  listeners.removed.clear();
  Object.assign(fakeBrowser.permissions, {
    contains: vi.fn(async () => held),
    request: vi.fn(async () => false),
    remove: vi.fn(async () => {
      held = false;
      return true;
    }),
    onAdded: event(listeners.added),
    onRemoved: event(listeners.removed),
  });
  send.mockReset().mockImplementation(async (type: string, data: typeof saved) => {
    if (type === 'setReminders') saved = data;
    return { settings: saved, chats: [] };
  });
});

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
const checkbox = () => root().querySelector('[data-testid=reminders-enabled]') as HTMLInputElement;
const text = (id: string) => root().querySelector(`[data-testid=${id}]`)?.textContent ?? '';
const sets = () => send.mock.calls.filter(([type]) => type === 'setReminders');

async function show() {
  await act(async () => render(<ReminderSettings signedIn />, root()));
  await settle();
}

async function click() {
  await act(async () => checkbox().click());
  await settle();
}

describe('turning reminders on when the browser refuses notifications', () => {
  it('leaves the checkbox off, saves nothing, and says why and how to allow them', async () => {
    await show();
    // The live region is there, empty, before anything is said: a region added with its text is not announced.
    const region = root().querySelector('[role=status]');
    expect(region?.textContent).toBe('');
    await click();
    expect(root().querySelector('[role=status]')).toBe(region);

    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect(checkbox().checked).toBe(false);
    expect(sets()).toEqual([]);
    expect(root().querySelector('[data-testid=reminders-lead-hour]')).toBeNull();
    expect(root().querySelector('[role=status]')?.textContent).toBe(
      'The browser did not allow notifications, so reminders stay off. To get reminders, turn them on again and choose Allow.',
    );
  });

  it('turns them on when asked again and allowed', async () => {
    await show();
    await click();
    vi.mocked(fakeBrowser.permissions.request).mockImplementation(async () => {
      held = true;
      return true;
    });
    await click();

    expect(checkbox().checked).toBe(true);
    expect(sets()).toEqual([['setReminders', { ...saved, enabled: true }]]);
    expect(text('reminders-status')).toBe('Reminder settings saved.');
  });
});

describe('reminders saved on whose permission the browser took back', () => {
  const revokedText =
    'Notifications for Cliq Pins were turned off in the browser, so reminders are off. Turn them on again to allow notifications.';

  it('shows them off with the reason, tied to the checkbox, when the page opens', async () => {
    saved = { ...saved, enabled: true };
    await show();

    expect(checkbox().checked).toBe(false);
    expect(root().querySelector('[data-testid=reminders-lead-hour]')).toBeNull();
    expect(text('reminders-revoked')).toBe(revokedText);
    expect(checkbox().getAttribute('aria-describedby')).toBe('reminders-revoked');
  });

  it('turns them off on the open page the moment the permission is removed, and on again once granted', async () => {
    held = true;
    saved = { ...saved, enabled: true };
    await show();
    expect(checkbox().checked).toBe(true);
    expect(text('reminders-revoked')).toBe('');
    const region = root().querySelector('[data-testid=reminders-revoked-region]');
    expect(region?.getAttribute('aria-live')).toBe('polite');

    held = false;
    await act(async () => {
      for (const listener of listeners.removed) listener();
    });
    await settle();
    expect(checkbox().checked).toBe(false);
    expect(text('reminders-revoked')).toBe(revokedText);
    // Announced: the note appeared inside the region that was already in the page.
    expect(root().querySelector('[data-testid=reminders-revoked-region]')).toBe(region);
    expect(region?.querySelector('[data-testid=reminders-revoked]')).not.toBeNull();

    vi.mocked(fakeBrowser.permissions.request).mockImplementation(async () => {
      held = true;
      for (const listener of listeners.added) listener();
      return true;
    });
    await click();
    expect(checkbox().checked).toBe(true);
    expect(text('reminders-revoked')).toBe('');
    expect(root().querySelector('[data-testid=reminders-lead-hour]')).not.toBeNull();
  });
});
