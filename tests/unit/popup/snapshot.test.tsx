// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PinsView } from '../../../components/popup/PinsView';
import { keepSnapshot, keptSnapshot, paintSnapshot, snapshotOf } from '../../../components/popup/snapshot';
import { accountEpoch, startAccountEpoch } from '../../../lib/auth/page-snapshot';
import type { ShownPin } from '../../../lib/board/read-models';
import { sendMessage } from '../../../lib/messaging';
import { boardOf, popupApiFor, renderInPopup, useRoot } from './fixture';

const HOSTILE = '<img src=x onerror="window.hacked=1">**bold**';
const pin = (chatId: string, messageId: string, text: string): ShownPin => ({
  chatId,
  messageId,
  text,
  senderName: '<b>Ann</b>',
  expiry: -1,
  isPrimary: false,
  pending: false,
});
const root = useRoot();
const WORDS = { title: 'Cliq Pins', note: 'As you last saw them · updating…' };

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  localStorage.clear();
});

function renderedPins() {
  const board = boardOf({
    pins: [
      { chatId: 'c1', chatName: '<i>Ops</i>', pins: [pin('c1', 'a', HOSTILE), pin('c1', 'b', 'second')] },
      { chatId: 'c2', chatName: 'Team', pins: Array.from({ length: 12 }, (_, i) => pin('c2', `m${i}`, `t${i}`)) },
    ],
  });
  const panel = document.createElement('section');
  panel.id = 'panel-pins';
  root().append(panel);
  renderInPopup(panel, popupApiFor(board), <PinsView onOrderChanged={() => undefined} />);
}

describe('the popup’s early snapshot of its first screen', () => {
  it('keeps the first screen’s rows as text and paints them back as text, never as HTML', () => {
    renderedPins();
    const snapshot = snapshotOf(document, 'acct-1', WORDS);
    expect(snapshot?.account).toBe('acct-1');
    expect(snapshot?.groups.map((g) => g.chat)).toEqual(['<i>Ops</i>', 'Team']);
    // The first screen only: ten rows.
    expect(snapshot?.groups.flatMap((g) => g.pins)).toHaveLength(10);
    expect(snapshot?.groups[0]?.pins[0]).toMatchObject({ sender: '<b>Ann</b>', text: HOSTILE });

    keepSnapshot(localStorage, accountEpoch(localStorage), snapshot);
    const kept = keptSnapshot(localStorage);
    expect(kept?.groups).toEqual(snapshot?.groups);
    const painted = paintSnapshot(kept as NonNullable<typeof kept>);
    expect(painted.querySelector('img, b, i')).toBeNull();
    expect(painted.querySelector('[data-snapshot-pin] .pin-text')?.textContent).toBe(HOSTILE);
    expect(painted.querySelectorAll('[data-snapshot-pin]')).toHaveLength(10);
    // Marked as not yet fresh.
    expect(painted.getAttribute('aria-busy')).toBe('true');
    expect(painted.textContent).toContain(WORDS.note);
  });

  it('is painted only in the account epoch it was taken in: a sign-in, sign-out or new connection voids it', () => {
    renderedPins();
    keepSnapshot(localStorage, accountEpoch(localStorage), snapshotOf(document, 'acct-1', WORDS));
    expect(keptSnapshot(localStorage)?.account).toBe('acct-1');
    startAccountEpoch();
    expect(keptSnapshot(localStorage)).toBeUndefined();
    // Gone, not only void: no copy of the pins outlives the account it belongs to.
    expect(localStorage.getItem('popupSnapshot')).toBeNull();
    // A copy stamped with the old epoch (another page's write, or storage edited by hand) is not painted either.
    localStorage.setItem('popupSnapshot', JSON.stringify({ ...snapshotOf(document, 'acct-1', WORDS), epoch: '' }));
    expect(keptSnapshot(localStorage)).toBeUndefined();
    localStorage.setItem('popupSnapshot', '{not json');
    expect(keptSnapshot(localStorage)).toBeUndefined();
  });

  it('is not kept from a board whose account was read before a sign-in, sign-out or new connection began', () => {
    renderedPins();
    // The page read the account in this epoch; then another page asked the worker to sign out.
    const readIn = accountEpoch(localStorage);
    startAccountEpoch();
    keepSnapshot(localStorage, readIn, snapshotOf(document, 'acct-1', WORDS));
    expect(localStorage.getItem('popupSnapshot')).toBeNull();
    // Read in the new epoch, it is kept.
    keepSnapshot(localStorage, accountEpoch(localStorage), snapshotOf(document, 'acct-2', WORDS));
    expect(keptSnapshot(localStorage)?.account).toBe('acct-2');
    // A board that shows no row (signed out, nothing pinned) forgets it.
    keepSnapshot(localStorage, accountEpoch(localStorage), undefined);
    expect(localStorage.getItem('popupSnapshot')).toBeNull();
  });

  it.each([
    ['signIn', {}],
    ['signOut', {}],
    ['saveConnection', { dataCentre: 'com' }],
  ] as const)(
    'is voided before a page’s %s request leaves for the worker, which cannot reach it',
    async (type, data) => {
      renderedPins();
      keepSnapshot(localStorage, accountEpoch(localStorage), snapshotOf(document, 'acct-1', WORDS));
      let keptWhenSent: unknown = 'not sent';
      const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => {
        keptWhenSent = keptSnapshot(localStorage);
        return { ok: true, data: {} };
      });
      await sendMessage(type, data as never);
      expect(send).toHaveBeenCalledExactlyOnceWith({ type, data });
      expect(keptWhenSent).toBeUndefined();
    },
  );

  it('survives requests that cannot change the account', async () => {
    renderedPins();
    keepSnapshot(localStorage, accountEpoch(localStorage), snapshotOf(document, 'acct-1', WORDS));
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: {} } as never);
    await sendMessage('refresh', { chatIds: [], folders: false });
    await sendMessage('getAuthState', {});
    expect(keptSnapshot(localStorage)?.account).toBe('acct-1');
  });

  it('keeps nothing when the pins tab shows no row', () => {
    expect(snapshotOf(document, 'acct-1', WORDS)).toBeUndefined();
  });
});
