import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Messages, readLocale } from '../../scripts/locale-rules';

/**
 * fakeBrowser has no i18n: this one serves a locale's real messages (English unless a test picks another, or the
 * pseudo-locale) and fills placeholders as browsers do.
 */
export function useMessages(messages: Messages | string, uiLanguage = 'en-US'): void {
  const entries = typeof messages === 'string' ? readLocale(messages) : messages;
  const getMessage = (key: string, substitutions?: string | string[]): string => {
    const entry = entries[key];
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_m, n: string) => subs[Number(n) - 1] ?? '');
    });
  };
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => uiLanguage;
}
