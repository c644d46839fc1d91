// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PinsView } from '../../../components/popup/PinsView';
import { paintSnapshot, snapshotFor, snapshotOf } from '../../../components/popup/snapshot';
import type { ShownPin } from '../../../lib/board/read-models';
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

beforeEach(() => fakeBrowser.reset());

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
    const snapshot = snapshotOf(document, 'acct-1');
    expect(snapshot?.account).toBe('acct-1');
    expect(snapshot?.groups.map((g) => g.chat)).toEqual(['<i>Ops</i>', 'Team']);
    // The first screen only: ten rows.
    expect(snapshot?.groups.flatMap((g) => g.pins)).toHaveLength(10);
    expect(snapshot?.groups[0]?.pins[0]).toMatchObject({ sender: '<b>Ann</b>', text: HOSTILE });

    const painted = paintSnapshot(snapshot as NonNullable<typeof snapshot>, WORDS);
    expect(painted.querySelector('img, b, i')).toBeNull();
    expect(painted.querySelector('[data-snapshot-pin] .pin-text')?.textContent).toBe(HOSTILE);
    expect(painted.querySelectorAll('[data-snapshot-pin]')).toHaveLength(10);
    // Marked as not yet fresh.
    expect(painted.getAttribute('aria-busy')).toBe('true');
    expect(painted.textContent).toContain(WORDS.note);
  });

  it('is painted only for the account it was taken from', () => {
    renderedPins();
    const stored = JSON.parse(JSON.stringify(snapshotOf(document, 'acct-1')));
    expect(snapshotFor(stored, { key: 'acct-1' })).toEqual(stored);
    expect(snapshotFor(stored, { key: 'acct-2' })).toBeUndefined();
    expect(snapshotFor(stored, undefined)).toBeUndefined();
    expect(snapshotFor(undefined, { key: 'acct-1' })).toBeUndefined();
  });

  it('keeps nothing when the pins tab shows no row', () => {
    expect(snapshotOf(document, 'acct-1')).toBeUndefined();
  });
});
