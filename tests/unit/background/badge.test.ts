import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AuthState } from '../../../lib/auth/session';
import { badgeFor, createBadge } from '../../../lib/background/badge';
import type { Services } from '../../../lib/background/services';
import { saveBadgeExpiring } from '../../../lib/store/browser-settings';
import { putPinList } from '../../../lib/store/cache';
import type { PinsDb } from '../../../lib/store/db';
import { freshDb } from '../queue/harness';

const HOUR = 3_600_000;

describe('the one badge policy', () => {
  it('puts "sign in again" above failed actions, and failed actions above the expiring count', () => {
    expect(badgeFor({ needsSignIn: true, failed: 3, expiringSoon: 5 })).toMatchObject({ text: '!' });
    expect(badgeFor({ needsSignIn: false, failed: 3, expiringSoon: 5 })).toMatchObject({
      text: '3',
      title: { plural: 'badgeFailed', count: 3 },
    });
    expect(badgeFor({ needsSignIn: false, failed: 0, expiringSoon: 5 })).toMatchObject({
      text: '5',
      title: { plural: 'badgeExpiring', count: 5 },
    });
  });

  it('shows failed actions even when the expiring count is off, and nothing when all is well', () => {
    expect(badgeFor({ needsSignIn: false, failed: 1, expiringSoon: null }).text).toBe('1');
    expect(badgeFor({ needsSignIn: false, failed: 0, expiringSoon: null }).text).toBe('');
    expect(badgeFor({ needsSignIn: false, failed: 0, expiringSoon: 0 }).text).toBe('');
  });

  it('uses a different colour for the opt-in count than for what needs the user', () => {
    const failed = badgeFor({ needsSignIn: false, failed: 1, expiringSoon: null });
    const expiring = badgeFor({ needsSignIn: false, failed: 0, expiringSoon: 1 });
    expect(failed.color).not.toBe(expiring.color);
  });
});

describe('the painted badge', () => {
  let db: PinsDb;
  const now = Date.now();
  const signedIn = { state: async () => ({ needsSignIn: false }) as AuthState };

  beforeEach(async () => {
    fakeBrowser.reset();
    db = await freshDb();
    const list = { fetchedAt: now, changedSinceRead: false, lastSyncTime: now, fullSyncAt: now };
    await putPinList(db, {
      ...list,
      chatId: 'CT_1',
      pins: [
        { messageId: '1_1', text: 'in an hour', expiry: now + HOUR },
        { messageId: '1_2', text: 'in 23 hours', expiry: now + 23 * HOUR },
        { messageId: '1_3', text: 'in two days', expiry: now + 48 * HOUR },
        { messageId: '1_4', text: 'never', expiry: -1 },
      ],
    });
  });

  const paint = async () => {
    const badge = createBadge({ auth: signedIn, services: async () => ({ db }) as Services });
    badge.update();
    return badge;
  };

  it('counts pins expiring within 24 hours only once the user turned the count on, and follows the setting', async () => {
    await paint();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getTitle({})).toBe('Cliq Pins'));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');

    await saveBadgeExpiring(true);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('2'));
    expect(await fakeBrowser.action.getTitle({})).toContain('2 pins expire within 24 hours');

    await saveBadgeExpiring(false);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(''));
  });

  it('says "sign in again" whatever else there is to count', async () => {
    await saveBadgeExpiring(true);
    const badge = createBadge({
      auth: { state: async () => ({ needsSignIn: true }) as AuthState },
      services: async () => ({ db }) as Services,
    });
    badge.update();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('!'));
  });
});
