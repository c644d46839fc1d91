import { browser } from 'wxt/browser';

/** Keys of `public/_locales/en/messages.json`, typed by WXT: a misspelt key fails the type check. */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/** "10:42" or "10:42 AM", as the browser's language writes a time of day. */
export function clockTime(ms: number): string {
  return new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(ms);
}

export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}
