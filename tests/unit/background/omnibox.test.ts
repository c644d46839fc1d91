import { describe, expect, it } from 'vitest';
import { describe as describeSuggestion } from '../../../lib/background/omnibox';
import { searchPins } from '../../../lib/board/pin-search';
import type { ChatPins, ShownPin } from '../../../lib/board/read-models';

const pin = (messageId: string, text: string, senderName?: string): ShownPin => ({
  messageId,
  text,
  senderName,
  expiry: -1,
  chatId: '',
  isPrimary: false,
  pending: false,
});

const BOARD: ChatPins[] = [
  { chatId: 'CT_1', chatName: 'Finance', pins: [pin('1_1', 'Résumé of the Q3 budget', 'Hannah'), pin('1_2', 'Lunch')] },
  { chatId: 'CT_2', chatName: 'Budget talk', pins: [pin('2_1', 'Invoices', 'Omar')] },
  {
    chatId: 'CT_3',
    chatName: 'Ops',
    pins: [{ ...pin('3_1', ''), attachment: { name: 'budget.xlsx' } }, pin('3_2', 'Wi-Fi at Hauptstraße')],
  },
];

describe('searching pins from the address bar', () => {
  it('matches every word in the text, the sender or the chat name, ignoring case and accents', () => {
    const ids = (query: string) => searchPins(BOARD, query, 10).map((m) => m.pin.messageId);
    expect(ids('budget')).toEqual(['1_1', '2_1', '3_1']);
    expect(ids('resume hannah')).toEqual(['1_1']);
    expect(ids('omar invoices')).toEqual(['2_1']);
    expect(ids('nothing-like-this')).toEqual([]);
  });

  it('folds a search as the popup does: punctuation and ß too', () => {
    expect(searchPins(BOARD, 'wifi hauptstrasse', 10).map((m) => m.pin.messageId)).toEqual(['3_2']);
  });

  it('suggests nothing before a word is typed, and at most the limit', () => {
    expect(searchPins(BOARD, '  ', 10)).toEqual([]);
    expect(searchPins(BOARD, 'budget', 2)).toHaveLength(2);
  });

  it('escapes text for Chrome, whose suggestion descriptions are XML, and leaves it alone for Firefox', () => {
    const text = `<b>"Q3" & 'Q4'</b>`;
    expect(describeSuggestion(text, false)).toBe('&lt;b&gt;&quot;Q3&quot; &amp; &apos;Q4&apos;&lt;/b&gt;');
    expect(describeSuggestion(text, true)).toBe(text);
  });
});
