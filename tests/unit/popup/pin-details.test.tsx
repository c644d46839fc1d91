// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, expect, it } from 'vitest';
import { PinDetails } from '../../../components/popup/PinDetails';
import type { ShownPin } from '../../../lib/board/read-models';
import { useMessages } from '../messages';
import { boardOf, popupApiFor, renderInPopup, useRoot } from './fixture';

const root = useRoot();
afterEach(() => useMessages('en'));

it('sets who pinned a message apart in Arabic, so the Latin name cannot pull the date’s day out of the date', () => {
  useMessages('ar');
  const pin: ShownPin = {
    chatId: 'c1',
    messageId: 'm1',
    text: 'Escalation contact',
    senderName: 'Omar Haddad',
    pinnedBy: 'Omar Haddad',
    pinnedAt: Date.now() - 3_600_000,
    expiry: -1,
    isPrimary: true,
    pending: false,
  };
  const board = boardOf({ pins: [{ chatId: 'c1', chatName: 'announcements', pins: [pin] }] });
  renderInPopup(root(), popupApiFor(board), <PinDetails chatId="c1" messageId="m1" onClose={() => undefined} />);
  const phrase = [...root().querySelectorAll('span')].find((el) => el.textContent === 'ثبّتها Omar Haddad');
  // An element with `dir` is a bidi isolate: the text after it ("30 نوفمبر") keeps its own order.
  expect(phrase?.getAttribute('dir')).toBe('rtl');
  render(null, root());
});
