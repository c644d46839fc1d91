import { type Messages, readLocale } from '../scripts/locale-rules';

/**
 * `i18n.getMessage` over a locale's real messages (a locale name, or a table such as the pseudo-locale), filling
 * placeholders as browsers do; an unknown key gives '' as in browsers. For hosts without the browser's own:
 * fakeBrowser in unit tests (tests/unit/messages.ts) and Node in the bench (tests/bench/node-i18n.ts).
 */
export function messageGetter(messages: Messages | string): (key: string, substitutions?: string | string[]) => string {
  const entries = typeof messages === 'string' ? readLocale(messages) : messages;
  return (key, substitutions) => {
    const entry = entries[key];
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_m, n: string) => subs[Number(n) - 1] ?? '');
    });
  };
}
