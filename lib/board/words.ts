/**
 * Case, accents and punctuation do not matter when searching: "resume" finds "Résumé", "wifi" finds "Wi-Fi".
 * NFKD also unfolds compatibility forms (ligatures, full-width letters); ß has no decomposition of its own.
 * One rule for every search people type: the popup's filters, its folder search and chat picker, the address bar.
 */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase().replace(/ß/g, 'ss').replace(/\p{P}/gu, '');
}

/** The words of a search, folded: what `holdsWords` looks for. */
export const searchWords = (query: string): string[] => fold(query).split(/\s+/).filter(Boolean);

/** Whether `text` holds every word of a search (no words: every text does), folded alike. */
export function holdsWords(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const folded = fold(text);
  return words.every((word) => folded.includes(word));
}
