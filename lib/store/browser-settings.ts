import { browser } from 'wxt/browser';

/**
 * Settings of this browser rather than of the Cliq account: kept in extension storage, whose change event tells
 * the worker at once. Off unless the user turns it on in the options page.
 */
export const BADGE_EXPIRING_KEY = 'cliqPins.badgeExpiringSoon';

export async function readBadgeExpiring(): Promise<boolean> {
  return (await browser.storage.local.get(BADGE_EXPIRING_KEY))[BADGE_EXPIRING_KEY] === true;
}

export async function saveBadgeExpiring(on: boolean): Promise<void> {
  await browser.storage.local.set({ [BADGE_EXPIRING_KEY]: on });
}
