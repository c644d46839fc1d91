import { describe, expect, it } from 'vitest';
import { expectedKeys, locales, problems, readLocale } from '../../../scripts/locale-rules';

const en = readLocale('en');
const SHIPPED = ['ar', 'de', 'en', 'es', 'fr', 'hi', 'ja'];

describe('the locales', () => {
  it('are the seven the extension ships', () => {
    expect(locales()).toEqual(SHIPPED);
  });

  it.each(SHIPPED.filter((l) => l !== 'en'))('%s has exactly the keys of en, with the same placeholders', (locale) => {
    expect(problems(en, locale, readLocale(locale))).toEqual([]);
  });

  it.each(SHIPPED)('%s names its own language in localeCode, which plural rules and direction read', (locale) => {
    expect(readLocale(locale).localeCode?.message).toBe(locale.replace('_', '-'));
  });

  it('gives every plural message in en the one and other forms', () => {
    const bases = Object.keys(en).flatMap((key) => (key.endsWith('_other') ? [key.slice(0, -6)] : []));
    expect(bases.length).toBeGreaterThan(10);
    for (const base of bases) expect(Object.keys(en)).toContain(`${base}_one`);
  });

  it('asks Arabic for all six plural forms and Japanese for one', () => {
    expect(expectedKeys(en, 'ar').filter((k) => k.startsWith('popupChatCount_'))).toHaveLength(6);
    expect(expectedKeys(en, 'ja').filter((k) => k.startsWith('popupChatCount_'))).toEqual(['popupChatCount_other']);
  });

  it('catches a missing key, an extra key and a lost placeholder', () => {
    const de = readLocale('de');
    const broken = {
      ...de,
      stray: { message: 'x' },
      popupChatsIn: { ...de.popupChatsIn, message: 'Chats' },
    } as typeof de;
    delete broken.popupClose;
    expect(problems(en, 'de', broken)).toEqual([
      'missing: popupClose',
      'extra: stray',
      'placeholder $folder$ unused: popupChatsIn',
    ]);
  });
});
