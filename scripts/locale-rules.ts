/**
 * What a complete locale is, shared by `scripts/locales.ts` (for translators) and the key-parity test:
 * - every key of `en`, except plural keys (`<base>_<category>`), which follow the locale's own plural categories
 *   (Intl.PluralRules: Japanese has only `_other`, Arabic `_zero`…`_other`);
 * - each message uses the same placeholders as `en`'s (a plural form may leave out the count, `$1`, as in
 *   "Unpinned the message"), and declares them with the same contents.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCALES_DIR = 'public/_locales';

export interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, Entry>;

const PLURAL = /^(.+)_(zero|one|two|few|many|other)$/;

export function readLocale(locale: string): Messages {
  return JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;
}

export function locales(): string[] {
  return readdirSync(LOCALES_DIR).sort();
}

/** The plural bases of `en` (keys ending in `_other`). */
function pluralBases(en: Messages): Set<string> {
  return new Set(Object.keys(en).flatMap((key) => (key.endsWith('_other') ? [key.slice(0, -'_other'.length)] : [])));
}

/** The keys `locale` must have, in `en`'s order. */
export function expectedKeys(en: Messages, locale: string): string[] {
  const bases = pluralBases(en);
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const keys: string[] = [];
  for (const key of Object.keys(en)) {
    const base = PLURAL.exec(key)?.[1];
    if (base === undefined || !bases.has(base)) keys.push(key);
    else if (key === `${base}_other`) for (const category of categories) keys.push(`${base}_${category}`);
  }
  return [...new Set(keys)];
}

/** The `en` entry a locale's key is checked against (plural forms against `en`'s `_other`). */
export function englishFor(en: Messages, key: string): Entry | undefined {
  const base = PLURAL.exec(key)?.[1];
  return base !== undefined && pluralBases(en).has(base) ? en[`${base}_other`] : en[key];
}

const used = (message: string) =>
  new Set([...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]?.toLowerCase()));
const declared = (entry: Entry) =>
  Object.entries(entry.placeholders ?? {})
    .map(([name, { content }]) => `${name.toLowerCase()}=${content}`)
    .sort()
    .join(',');

/** Every way `locale` differs from `en`: missing and extra keys, placeholders that differ. Empty when complete. */
export function problems(en: Messages, locale: string, messages: Messages): string[] {
  const expected = expectedKeys(en, locale);
  const out: string[] = [];
  for (const key of expected) if (!(key in messages)) out.push(`missing: ${key}`);
  for (const key of Object.keys(messages)) if (!expected.includes(key)) out.push(`extra: ${key}`);
  for (const key of expected) {
    const entry = messages[key];
    const english = englishFor(en, key);
    if (!entry || !english) continue;
    if (declared(entry) !== declared(english)) out.push(`placeholders differ: ${key}`);
    const want = used(english.message);
    const have = used(entry.message);
    // "Unpinned the message", "رسالتان": a form other than `_other` may say its count in words.
    const plural = englishFor(en, key) !== en[key] || (PLURAL.test(key) && !key.endsWith('_other'));
    const countName = Object.entries(english.placeholders ?? {}).find(([, p]) => p.content === '$1')?.[0];
    for (const name of want)
      if (!have.has(name) && !(plural && name === countName)) out.push(`placeholder $${name}$ unused: ${key}`);
    for (const name of have) if (!want.has(name)) out.push(`placeholder $${name}$ unknown: ${key}`);
  }
  return out;
}
