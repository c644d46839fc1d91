// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PinsView } from '../../../components/popup/PinsView';
import type { ShownPin } from '../../../lib/board/read-models';
import { boardOf, popupApiFor, renderInPopup, useRoot } from './fixture';

const pin = (chatId: string, messageId: string): ShownPin => ({
  chatId,
  messageId,
  text: `text ${messageId}`,
  expiry: -1,
  isPrimary: false,
  pending: false,
});

const BOARD = boardOf({
  pins: [
    { chatId: 'c1', chatName: 'Ops', pins: [pin('c1', 'a')] },
    { chatId: 'c2', chatName: 'Team', pins: [pin('c2', 'b')] },
    { chatId: 'c3', chatName: 'Lunch', pins: [pin('c3', 'c')] },
  ],
});

describe('the side panel’s pin list', () => {
  const root = useRoot();
  const groups = () =>
    [...root().querySelectorAll('[data-testid=chat-pins]')].map((g) => [
      g.getAttribute('data-chat-id'),
      g.hasAttribute('data-here'),
    ]);

  it('puts the chat open beside it first and marks it "This chat"; the others keep their order', () => {
    renderInPopup(root(), popupApiFor(BOARD, { activeChatId: 'c3' }), <PinsView onOrderChanged={() => undefined} />);
    expect(groups()).toEqual([
      ['c3', true],
      ['c1', false],
      ['c2', false],
    ]);
    expect(root().querySelector('[data-here] .here-tag')?.textContent).toBe('This chat');
  });

  it('keeps the board’s order and marks nothing when the tab shows no chat with pins (and in the popup)', () => {
    renderInPopup(
      root(),
      popupApiFor(BOARD, { activeChatId: 'elsewhere' }),
      <PinsView onOrderChanged={() => undefined} />,
    );
    expect(groups()).toEqual([
      ['c1', false],
      ['c2', false],
      ['c3', false],
    ]);
  });
});
