import { describe, expect, it } from 'vitest';
import { relativeTime, shortDateTime } from '../../../components/popup/model/time';
import { formatCount, formatLocale, textDirection, tn } from '../../../lib/i18n';
import { useMessages } from '../messages';

const NOV_30 = new Date(2026, 10, 30, 8, 55).getTime();

describe('plural messages', () => {
  it('pick the English form for one and for many', () => {
    expect(tn('popupSelectedCount', 1)).toBe('1 pin selected');
    expect(tn('popupSelectedCount', 3)).toBe('3 pins selected');
    expect(tn('popupChatsMoved', 1, 'Work')).toBe('Moved the chat to Work.');
  });

  it('pick all six Arabic forms', () => {
    useMessages('ar');
    expect([0, 1, 2, 3, 11, 100].map((n) => tn('popupChatCount', n))).toEqual([
      'لا محادثات',
      'محادثة واحدة',
      'محادثتان',
      '3 محادثات',
      '11 محادثة',
      '100 محادثة',
    ]);
  });

  it('write the count as the language does', () => {
    useMessages('de', 'de-DE');
    expect(tn('popupSelectedCount', 1234)).toBe('1.234 Pins ausgewählt');
    expect(formatCount(1234)).toBe('1.234');
  });

  it('fall back to the other form when a locale lacks one', () => {
    useMessages('ja', 'ja');
    expect(tn('popupSelectedCount', 1)).toBe('1 件のピンを選択中');
  });
});

describe('dates, times and direction', () => {
  it('follow the language of the messages, with the browser’s region when it is that language', () => {
    useMessages('de', 'de-AT');
    expect(formatLocale()).toBe('de-AT');
    useMessages('en', 'pt-BR');
    // Portuguese times inside English sentences would read "expires em 3 horas".
    expect(formatLocale()).toBe('en');
  });

  it('are German in German and Japanese in Japanese', () => {
    useMessages('de', 'de');
    expect(shortDateTime(NOV_30, NOV_30)).toBe('30. Nov., 08:55');
    expect(relativeTime(NOV_30 + 5 * 3_600_000, NOV_30)).toBe('in 5 Stunden');
    useMessages('ja', 'ja');
    expect(shortDateTime(NOV_30, NOV_30)).toBe('11月30日 08:55');
    expect(relativeTime(NOV_30 + 5 * 3_600_000, NOV_30)).toBe('5 時間後');
  });

  it('are right to left in Arabic only', () => {
    expect(textDirection()).toBe('ltr');
    useMessages('ar', 'ar');
    expect(textDirection()).toBe('rtl');
  });
});
