/**
 * The pseudo-locale, made from `en` at test time and never shipped: every message accented, about 35% longer and
 * bracketed ("[Ƥíñ ṁéššåĝé ~~~]"), placeholders untouched. A view rendered with it shows at a glance which text
 * escaped translation (no brackets) and whether longer languages still fit.
 */
import type { Messages } from '../scripts/locale-rules';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'åƀçðéƒĝĥíĵķļṁñöƥǫŕšţüṽŵẋýžÅƁÇÐÉƑĜĤÍĴĶĻṀÑÖƤǪŔŠŢÜṼŴẊÝŽ'][i] as string,
  ]),
);

/** One message in the pseudo-locale; `$NAME$` placeholders stay as they are. */
export function pseudo(message: string): string {
  const accented = message
    .split(/(\$[A-Za-z0-9_]+\$)/)
    .map((part, i) => (i % 2 === 1 ? part : [...part].map((c) => ACCENTED[c] ?? c).join('')))
    .join('');
  return `[${accented} ${'~'.repeat(Math.max(3, Math.ceil(message.length * 0.35)))}]`;
}

/** `en` in the pseudo-locale. `localeCode` stays "en": plural forms are English ones. */
export function pseudoMessages(en: Messages): Messages {
  return Object.fromEntries(
    Object.entries(en).map(([key, entry]) => [
      key,
      key === 'localeCode' ? entry : { ...entry, message: pseudo(entry.message) },
    ]),
  );
}

/** Removes every pseudo-translated stretch ("[… ~~~]", with whatever was substituted into it). */
const PSEUDO_STRETCH = /\[[\s\S]*?~+\]/g;

/**
 * The words in `text` that did not come through translation: what is left after removing pseudo-translated
 * stretches and `userTexts` (chat names, message text, folder titles: never translated), with no letters in it
 * (numbers, times, punctuation, emoji) counting as nothing. Empty when everything was translated.
 */
export function untranslated(text: string, userTexts: readonly string[]): string {
  // Addresses (an example host in a field) are never translated either.
  let rest = text.replace(PSEUDO_STRETCH, ' ').replace(/\bhttps?:\/\/\S+/g, ' ');
  for (const user of [...userTexts].sort((a, b) => b.length - a.length)) if (user) rest = rest.split(user).join(' ');
  return /\p{L}/u.test(rest) ? rest.replace(/\s+/g, ' ').trim() : '';
}
