import { browser } from 'wxt/browser';
import { t } from '../i18n';

/** The toolbar button says "sign in again" with a red "!" while the user must act, and nothing otherwise. */
export async function showBadge(needsSignIn: boolean): Promise<void> {
  await browser.action.setBadgeText({ text: needsSignIn ? '!' : '' });
  if (needsSignIn) await browser.action.setBadgeBackgroundColor({ color: '#d93025' });
  await browser.action.setTitle({ title: t(needsSignIn ? 'badgeSignInAgain' : 'extName') });
}
