import { browser } from 'wxt/browser';

/** Keys of `public/_locales/en/messages.json`, typed by WXT: a misspelt key fails the type check. */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}
