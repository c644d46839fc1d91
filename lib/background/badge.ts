import { browser } from 'wxt/browser';
import type { Auth } from '../auth/session';
import { readExpiringPins, readProgress } from '../board/read-models';
import { type MessageKey, type PluralKey, t, tn } from '../i18n';
import { BADGE_EXPIRING_KEY, readBadgeExpiring } from '../store/browser-settings';
import type { Services } from './services';

const DAY_MS = 24 * 3_600_000;
const RED = '#d93025';
const AMBER = '#a05a00';

export interface BadgeInput {
  needsSignIn: boolean;
  /** Actions Cliq refused or that ran out of retries, waiting for the user (retry or dismiss in the popup). */
  failed: number;
  /** Pins expiring within 24 hours; null while the user has not asked for this count. */
  expiringSoon: number | null;
}

export interface BadgeView {
  text: string;
  color: string;
  title: { key: MessageKey } | { plural: PluralKey; count: number };
}

/**
 * The one badge policy: what needs the user first. Signing in again ("!") blocks everything, failed actions
 * always show (red, their count), and only then the opt-in count of pins about to expire (amber).
 */
export function badgeFor({ needsSignIn, failed, expiringSoon }: BadgeInput): BadgeView {
  if (needsSignIn) return { text: '!', color: RED, title: { key: 'badgeSignInAgain' } };
  if (failed > 0) return { text: String(failed), color: RED, title: { plural: 'badgeFailed', count: failed } };
  if (expiringSoon) {
    return { text: String(expiringSoon), color: AMBER, title: { plural: 'badgeExpiring', count: expiringSoon } };
  }
  return { text: '', color: RED, title: { key: 'extName' } };
}

export interface BadgeDeps {
  auth: Pick<Auth, 'state'>;
  services(): Promise<Services | undefined>;
}

/**
 * Shows the badge from stored state, read again on every update (a stopped worker keeps nothing in memory).
 * Updates are serialised and coalesced: a burst of changes paints once more after the one in progress.
 */
export function createBadge({ auth, services }: BadgeDeps): { update(): void } {
  let running: Promise<void> | undefined;
  let again = false;

  async function paint(): Promise<void> {
    const [state, open, wantsExpiring] = await Promise.all([auth.state(), services(), readBadgeExpiring()]);
    const now = Date.now();
    const failed = open ? (await readProgress(open.db)).failed : 0;
    const expiringSoon =
      open && wantsExpiring ? (await readExpiringPins(open.db, { now, withinMs: DAY_MS })).expiringSoon.length : null;
    const view = badgeFor({ needsSignIn: state.needsSignIn, failed, expiringSoon });
    await browser.action.setBadgeText({ text: view.text });
    if (view.text) await browser.action.setBadgeBackgroundColor({ color: view.color });
    await browser.action.setTitle({
      title: 'plural' in view.title ? tn(view.title.plural, view.title.count) : t(view.title.key),
    });
  }

  function update(): void {
    if (running) {
      again = true;
      return;
    }
    running = paint()
      .catch((error: unknown) => console.error('Cliq Pins: badge', error))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          update();
        }
      });
  }

  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && BADGE_EXPIRING_KEY in changes) update();
  });
  return { update };
}
