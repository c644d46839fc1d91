/**
 * For translators: which keys each locale lacks or gets wrong, compared with `en`.
 *   npx tsx scripts/locales.ts          lists missing/extra keys and placeholder mistakes; exits 1 if any
 *   npx tsx scripts/locales.ts --fill   rewrites every locale in en's key order, copying en's placeholders and
 *                                       descriptions into the keys it has (so a translator writes only "message")
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { englishFor, expectedKeys, LOCALES_DIR, locales, type Messages, problems, readLocale } from './locale-rules';

const en = readLocale('en');
const fill = process.argv.includes('--fill');
let failed = false;
for (const locale of locales()) {
  if (locale === 'en') continue;
  let messages = readLocale(locale);
  if (fill) {
    const filled: Messages = {};
    for (const key of expectedKeys(en, locale)) {
      const entry = messages[key];
      const english = englishFor(en, key);
      if (!entry || !english) continue;
      const { description, placeholders } = english;
      filled[key] = {
        message: entry.message,
        ...(description && { description }),
        ...(placeholders && { placeholders }),
      };
    }
    for (const [key, entry] of Object.entries(messages)) if (!(key in filled)) filled[key] = entry;
    writeFileSync(join(LOCALES_DIR, locale, 'messages.json'), `${JSON.stringify(filled, null, 2)}\n`);
    messages = filled;
  }
  const found = problems(en, locale, messages);
  if (found.length > 0) failed = true;
  console.log(`${locale}: ${found.length === 0 ? 'complete' : `${found.length} to fix`}`);
  for (const problem of found) console.log(`  ${problem}`);
}
process.exitCode = failed ? 1 : 0;
