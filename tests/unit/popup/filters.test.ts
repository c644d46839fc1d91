import { describe, expect, it } from 'vitest';
import { noFilter, PINNED_BY_ME, pinners, visiblePins } from '../../../components/popup/model/filters';
import type { ChatPins, ShownPin } from '../../../lib/board/read-models';
import { fold } from '../../../lib/board/words';

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;
const pin = (chatId: string, messageId: string, over: Partial<ShownPin> = {}): ShownPin => ({
  chatId,
  messageId,
  text: `message ${messageId}`,
  expiry: -1,
  isPrimary: false,
  pending: false,
  ...over,
});
const board: ChatPins[] = [
  {
    chatId: 'c1',
    chatName: 'Général',
    pins: [
      pin('c1', 'a', { expiry: NOW - 1, text: 'old news' }),
      pin('c1', 'b', { pinnedBy: 'Ann', pinnedAt: 1, text: 'Résumé review' }),
      pin('c1', 'c', { expiry: NOW + 2 * HOUR, pinnedBy: 'Bob', pinnedAt: 3 }),
    ],
  },
  { chatId: 'c2', chatName: 'Ops', pins: [pin('c2', 'd', { pinnedBy: 'Ann', senderName: 'Zoë', pinnedAt: 2 })] },
];
const options = { now: NOW, expiringSoonMs: 24 * HOUR, order: 'chatOrder' as const };
const shown = (chats: ChatPins[]) => chats.map((c) => [c.chatId, c.pins.map((p) => p.messageId)]);

describe('what the pins view shows', () => {
  it('hides expired pins by default; the first live pin is the primary', () => {
    const chats = visiblePins(board, noFilter, options);
    expect(shown(chats)).toEqual([
      ['c1', ['b', 'c']],
      ['c2', ['d']],
    ]);
    expect(chats[0]?.pins.map((p) => p.isPrimary)).toEqual([true, false]);
  });

  it('searches text, sender, pinner and chat name, ignoring case and accents, every word', () => {
    expect(shown(visiblePins(board, { ...noFilter, query: 'RESUME' }, options))).toEqual([['c1', ['b']]]);
    expect(shown(visiblePins(board, { ...noFilter, query: 'zoe' }, options))).toEqual([['c2', ['d']]]);
    expect(shown(visiblePins(board, { ...noFilter, query: 'general message' }, options))).toEqual([['c1', ['c']]]);
    expect(shown(visiblePins(board, { ...noFilter, query: 'general zoe' }, options))).toEqual([]);
    expect(fold('ÉCOLE Straße')).toBe('ecole strasse');
  });

  it('ignores punctuation and compatibility forms: "wifi" finds "Wi-Fi", "cafe" finds "Café"', () => {
    const chats: ChatPins[] = [
      {
        chatId: 'c9',
        chatName: 'Office',
        pins: [
          pin('c9', 'w', { text: 'The Wi-Fi password changed' }),
          pin('c9', 'k', { text: 'Lunch at Café Nord' }),
          pin('c9', 'o', { text: "O'Brien's notes, e.g. ﬁnal" }),
        ],
      },
    ];
    expect(shown(visiblePins(chats, { ...noFilter, query: 'wifi' }, options))).toEqual([['c9', ['w']]]);
    expect(shown(visiblePins(chats, { ...noFilter, query: 'WI-FI password' }, options))).toEqual([['c9', ['w']]]);
    expect(shown(visiblePins(chats, { ...noFilter, query: 'wifi router' }, options))).toEqual([]);
    expect(shown(visiblePins(chats, { ...noFilter, query: 'cafe' }, options))).toEqual([['c9', ['k']]]);
    expect(shown(visiblePins(chats, { ...noFilter, query: 'obriens eg final' }, options))).toEqual([['c9', ['o']]]);
    expect(shown(visiblePins(chats, { ...noFilter, query: '-' }, options))).toEqual([['c9', ['w', 'k', 'o']]]);
  });

  it('"pinned by me" matches the signed-in user by Cliq id, not by a name that others may share', () => {
    const chats: ChatPins[] = [
      {
        chatId: 'c9',
        chatName: 'Office',
        pins: [
          pin('c9', 'mine', { pinnedBy: 'Alex Morgan', pinnedById: '111' }),
          pin('c9', 'namesake', { pinnedBy: 'Alex Morgan', pinnedById: '222' }),
          pin('c9', 'unknown', { pinnedBy: 'Alex Morgan' }),
        ],
      },
    ];
    const mine = { ...noFilter, pinnedBy: PINNED_BY_ME };
    expect(shown(visiblePins(chats, mine, { ...options, me: '111' }))).toEqual([['c9', ['mine']]]);
    // Signed in without Zoho naming the user: nothing is "mine" rather than everything.
    expect(shown(visiblePins(chats, mine, options))).toEqual([]);
  });

  it('filters by chat, expiring soon, expired and pinner', () => {
    expect(shown(visiblePins(board, { ...noFilter, chatId: 'c2' }, options))).toEqual([['c2', ['d']]]);
    expect(shown(visiblePins(board, { ...noFilter, status: 'expiringSoon' }, options))).toEqual([['c1', ['c']]]);
    expect(shown(visiblePins(board, { ...noFilter, status: 'expired' }, options))).toEqual([['c1', ['a']]]);
    expect(shown(visiblePins(board, { ...noFilter, pinnedBy: 'Ann' }, options))).toEqual([
      ['c1', ['b']],
      ['c2', ['d']],
    ]);
  });

  it('orders newest pinned first when asked, and still marks the primary', () => {
    const chats = visiblePins(board, noFilter, { ...options, order: 'newestPinned' });
    expect(shown(chats)[0]).toEqual(['c1', ['c', 'b']]);
    expect(chats[0]?.pins.find((p) => p.isPrimary)?.messageId).toBe('b');
  });

  it('lists pinners by name, the remembered one first', () => {
    expect(pinners(board)).toEqual(['Ann', 'Bob']);
    expect(pinners(board, 'Bob')).toEqual(['Bob', 'Ann']);
    expect(pinners(board, 'Nobody')).toEqual(['Ann', 'Bob']);
  });
});
