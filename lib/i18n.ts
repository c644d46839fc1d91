import { browser } from 'wxt/browser';

/** Keys of `public/_locales/en/messages.json`, typed by WXT: a misspelt key fails the type check. */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/**
 * A message whose wording depends on a count lives as `<base>_<category>` keys, one per plural category of the
 * locale's language (Intl.PluralRules: English has one/other, Japanese only other, Arabic zero/one/two/few/many/other).
 * The count is always the first substitution ($1).
 */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

/**
 * The language dates, times and numbers are written in: the browser's UI language ("en-GB", "es-MX", with its
 * region) when the messages are in that language, else the messages' own language. A relative time is set inside a
 * translated sentence, so it must be in the sentence's language: a "pt-BR" browser gets English messages (there is
 * no Portuguese locale), hence English times, not "em 3 horas" inside an English sentence.
 */
export function formatLocale(): string {
  const ui = browser.i18n.getUILanguage?.() || globalThis.navigator?.language || 'en';
  const shown = messagesLanguage();
  return ui.split('-')[0]?.toLowerCase() === shown ? ui : shown;
}

/**
 * The language of the messages the browser picked. Each locale names itself in `localeCode`, because neither
 * `getUILanguage()` nor `@@bidi_dir` says which locale folder was used (Chromium started with `--lang=ar` picks the
 * Arabic messages yet reports "en-US" and "ltr").
 */
function messagesLanguage(): string {
  return browser.i18n.getMessage('localeCode') || 'en';
}

/** "rtl" when the messages are in a right-to-left language (of ours, Arabic). */
export function textDirection(): 'ltr' | 'rtl' {
  return /^(ar|fa|he|ur)(-|$)/i.test(messagesLanguage()) ? 'rtl' : 'ltr';
}

/** Mirrors a document (or a shadow root's top element) for right-to-left languages and names its language. */
export function applyDocumentDirection(element: HTMLElement): void {
  element.dir = textDirection();
  element.lang = messagesLanguage();
}

/** "10:42" or "10:42 AM", as the browser's language writes a time of day. */
export function clockTime(ms: number): string {
  return new Intl.DateTimeFormat(formatLocale(), { hour: 'numeric', minute: '2-digit' }).format(ms);
}

/** A count as the UI language writes it ("1,234", "1.234", "١٬٢٣٤"). */
export function formatCount(value: number): string {
  return new Intl.NumberFormat(formatLocale()).format(value);
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
