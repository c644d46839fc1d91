// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountPanel } from '../../../components/options/AccountPanel';
import { LockNotice } from '../../../components/popup/LockNotice';
import { ProgressPanel } from '../../../components/popup/ProgressPanel';
import { SyncStatus } from '../../../components/popup/SyncStatus';
import type { AuthState } from '../../../components/useAuthState';
import { connectionSchema } from '../../../lib/auth/connection';
import type { IntentRecord } from '../../../lib/store/records';
import { readLocale } from '../../../scripts/locale-rules';
import { pseudo, pseudoMessages, untranslated } from '../../pseudo-locale';
import { useMessages } from '../messages';
import { boardOf, popupApiFor, renderInPopup, useRoot } from '../popup/fixture';

const root = useRoot();
const NOW = Date.now();

/** Every text node and label of `root` that escaped the pseudo-locale; `user` is what people wrote. */
function escaped(user: string[] = []): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(root(), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('time')) continue;
    if (node.textContent?.trim()) texts.push(node.textContent);
  }
  for (const el of root().querySelectorAll('[aria-label], [title], [placeholder], [aria-valuetext]'))
    for (const name of ['aria-label', 'title', 'placeholder', 'aria-valuetext'])
      if (el.getAttribute(name)) texts.push(el.getAttribute(name) as string);
  expect(texts.some((text) => text.includes('~]'))).toBe(true);
  return texts.map((text) => untranslated(text, user)).filter(Boolean);
}

beforeEach(() => {
  useMessages(pseudoMessages(readLocale('en')));
});

describe('the pseudo-locale', () => {
  it('accents, lengthens by about a third and brackets, keeping placeholders', () => {
    expect(pseudo('Pin message')).toBe('[Ƥíñ ṁéššåĝé ~~~~]');
    expect(pseudo('Moved $COUNT$ chats to $FOLDER$.')).toMatch(/^\[Ṁöṽéð \$COUNT\$ çĥåţš ţö \$FOLDER\$\. ~{12}\]$/);
  });

  it('finds English that escaped, but not numbers, times or what people wrote', () => {
    expect(untranslated(`${pseudo('Chats in $FOLDER$')} Save`, [])).toBe('Save');
    expect(untranslated('12:40 · 3 ✓', [])).toBe('');
    expect(untranslated('Ops team', ['Ops team'])).toBe('');
  });
});

describe('views the end-to-end walk does not reach, in the pseudo-locale', () => {
  it('the lock notice', () => {
    act(() => render(<LockNotice lockedUntil={NOW + 4 * 60_000} />, root()));
    expect(escaped()).toEqual([]);
  });

  it('the sync status while chats are still being read', () => {
    renderInPopup(root(), popupApiFor(boardOf({ chatsToRead: 4, chatsInSweep: 9 }), { now: NOW }), <SyncStatus />);
    expect(escaped()).toEqual([]);
  });

  it('the progress panel, sending and with a failed change', () => {
    const failed = {
      id: 1,
      intent: { kind: 'unpinMessages', chatId: 'CT_1_2', messageIds: ['1_2'] },
      state: 'failed',
      createdAt: NOW,
      updatedAt: NOW,
      attempts: 1,
      conflicts: 0,
      notBefore: 0,
    } as unknown as IntentRecord;
    const progress = {
      done: 1,
      total: 3,
      failed: 0,
      nextSlotAt: NOW + 20_000,
      lockedUntil: null,
      waitingForSignIn: false,
      retrying: [],
    };
    renderInPopup(
      root(),
      popupApiFor(boardOf(), { now: NOW }),
      <ProgressPanel progress={progress} failed={[failed]} />,
    );
    expect(escaped(['CT_1_2'])).toEqual([]);
  });

  it.each([
    ['signed out', { signedIn: false, needsSignIn: false }],
    ['signed in', { signedIn: true, needsSignIn: false }],
    ['asked to sign in again', { signedIn: true, needsSignIn: true }],
  ])('the options page’s account panel, %s', (_, flags) => {
    const state: AuthState = {
      ...flags,
      connection: connectionSchema.parse({ clientId: '1000.SANDBOXCLIENT' }),
      apiOrigin: 'https://cliq.zoho.com',
      account: { key: 'k', apiOrigin: 'https://cliq.zoho.com', email: 'ann@example.com', grantedForSession: false },
      expiresAt: NOW + 30 * 60_000,
      scopes: ['ZohoCliq.Messages.READ'],
      pendingIntents: 2,
    };
    act(() => render(<AccountPanel state={state} busy={false} run={vi.fn(async () => true)} />, root()));
    expect(escaped(['ann@example.com', 'ZohoCliq.Messages.READ'])).toEqual([]);
  });
});
