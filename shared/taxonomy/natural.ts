/**
 * The one door to `natural`. Every other module gets English tokenising, stemming, string
 * similarity and stop words from here.
 *
 * Why deep imports: `import 'natural'` loads about 1,300 modules (database drivers, WordNet),
 * takes ~600 ms, prints dotenv lines and reads any `.env` (STACK.md). The four files below bundle
 * to a few dozen KB. Their types live in `natural-shim.d.ts`.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import AggressiveTokenizer from 'natural/lib/natural/tokenizers/aggressive_tokenizer.js';
import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import stopwords from 'natural/lib/natural/util/stopwords.js';

/** A token of Latin-script text with its UTF-16 offsets into the source (`end` exclusive). */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const tokenizer = new AggressiveTokenizer();

// natural keeps `'`, `-` and `/` inside tokens ("e-commerce", "CI/CD"); we split them apart so that
// "e-commerce", "e commerce" and the label "E-commerce" all reach the same token sequence.
const INNER_SEPARATORS = /['\-/]+/;

/**
 * Splits text into Latin-script word tokens (letters and digits) with their offsets.
 * Non-Latin characters (Chinese, punctuation) separate tokens and never appear in them.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let cursor = 0;
  for (const raw of tokenizer.tokenize(text)) {
    for (const part of raw.split(INNER_SEPARATORS)) {
      if (part === '') continue;
      // natural returns substrings in order, so a forward search from the cursor finds each one.
      const start = text.indexOf(part, cursor);
      if (start < 0) continue;
      const end = start + part.length;
      tokens.push({ text: part, start, end });
      cursor = end;
    }
  }
  return tokens;
}

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/** Porter stem of one English word, lower-cased ("Piloting" → "pilot"). Memoised per process. */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const result = PorterStemmer.stem(word);
  // A bounded cache: postings repeat the same few thousand words; a flood of unique tokens must
  // not grow memory without limit in a long-lived Lambda container.
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, result);
  return result;
}

/** Jaro-Winkler similarity of two strings, 1 for identical, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  return JaroWinklerDistance(a, b);
}

/** natural's English stop words (lower case). */
export const englishStopWords: ReadonlySet<string> = new Set(stopwords.words);
