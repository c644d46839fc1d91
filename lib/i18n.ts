import { browser } from 'wxt/browser';

/** Keys of `public/_locales/en/messages.json`, typed by WXT: a misspelt key fails the type check. */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/**
 * A message whose wording depends on a count lives as `<base>_<category>` keys, one per plural category of the
 * locale's language (Intl.PluralRules: English has one/other, Japanese only other, Arabic zero/one/two/few/many/other).
 * The count is always the first substitution ($1).
 */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

/** The browser's UI language ("de", "ar", "en-US"): dates, times and numbers follow it. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage?.() || globalThis.navigator?.language || 'en';
}

/**
 * The language of the messages the browser actually picked: a "pt-BR" browser gets the default (English) messages,
 * so plural categories must be English ones. Each locale names itself in `localeCode`.
 */
function messagesLanguage(): string {
  return browser.i18n.getMessage('localeCode') || 'en';
}

/** "rtl" for Arabic (Chrome's and Firefox's `@@bidi_dir`), "ltr" otherwise. */
export function textDirection(): 'ltr' | 'rtl' {
  const bidi = browser.i18n.getMessage('@@bidi_dir' as MessageKey);
  if (bidi === 'rtl' || bidi === 'ltr') return bidi;
  return /^(ar|fa|he|ur)(-|$)/i.test(messagesLanguage()) ? 'rtl' : 'ltr';
}

/** Mirrors a document (or a shadow root's top element) for right-to-left languages and names its language. */
export function applyDocumentDirection(element: HTMLElement): void {
  element.dir = textDirection();
  element.lang = messagesLanguage();
}

/** "10:42" or "10:42 AM", as the browser's language writes a time of day. */
export function clockTime(ms: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { hour: 'numeric', minute: '2-digit' }).format(ms);
}

/** A count as the UI language writes it ("1,234", "1.234", "١٬٢٣٤"). */
export function formatCount(value: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(value);
}

export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}

/** The plural form of `base` for `count` (formatted as $1), falling back to `_other` when a form is missing. */
export function tn(base: PluralKey, count: number, ...substitutions: string[]): string {
  const category = new Intl.PluralRules(messagesLanguage()).select(count);
  const values = [formatCount(count), ...substitutions];
  return t(`${base}_${category}` as MessageKey, ...values) || t(`${base}_other` as MessageKey, ...values);
}
