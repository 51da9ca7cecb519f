/**
 * Word-prefix search over title and description. Each resource stores every prefix of every word
 * (lower case, NFKC) in `searchPrefixes`, so one `array-contains` finds the resources having a word
 * that starts with a query word. Further query words are checked on the fetched documents.
 */
const WORD = /[\p{L}\p{N}]+/gu;
/** prefixes longer than this are not stored: a longer query word is looked up by its first 20 characters */
export const MAX_PREFIX_LENGTH = 20;
/** at most this many prefixes per resource, title words first (Firestore caps index entries per document) */
export const MAX_PREFIXES = 1500;

export function wordsOf(text: string | undefined): string[] {
  return text ? (text.normalize('NFKC').toLowerCase().match(WORD) ?? []) : [];
}

export function searchPrefixesOf(title: string | undefined, description: string | undefined): string[] {
  const prefixes = new Set<string>();
  for (const word of [...wordsOf(title), ...wordsOf(description)]) {
    const chars = Array.from(word);
    for (let n = 1; n <= Math.min(chars.length, MAX_PREFIX_LENGTH); n++) {
      if (prefixes.size >= MAX_PREFIXES) return [...prefixes];
      prefixes.add(chars.slice(0, n).join(''));
    }
  }
  return [...prefixes];
}

/** The distinct words of a query. */
export const queryWords = (query: string | undefined): string[] => [...new Set(wordsOf(query))];

/** The word looked up in the index: the longest one (most selective), cut to the stored prefix length. */
export function indexedPrefix(words: string[]): string | undefined {
  if (words.length === 0) return undefined;
  const longest = words.reduce((a, b) => (Array.from(b).length > Array.from(a).length ? b : a));
  return Array.from(longest).slice(0, MAX_PREFIX_LENGTH).join('');
}

/** True when every query word starts some word of the title or the description. */
export function matchesWords(doc: { title?: string; description?: string }, words: string[]): boolean {
  if (words.length === 0) return true;
  const own = [...wordsOf(doc.title), ...wordsOf(doc.description)];
  return words.every((q) => own.some((w) => w.startsWith(q)));
}
