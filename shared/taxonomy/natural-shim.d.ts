/**
 * Types for the few `natural` modules imported by path from `natural.ts`.
 *
 * The package's own `index.d.ts` describes the package index, which we never import: it loads
 * about 1,300 modules, database drivers and dotenv (see STACK.md). These declarations cover only
 * the CommonJS files we use; each `module.exports` arrives as the default import.
 */

declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  /** The English Porter stemmer (a singleton object); `stem` lower-cases its input. */
  const PorterStemmer: {
    stem(token: string): string;
  };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/tokenizers/aggressive_tokenizer.js' {
  /** Splits on anything that is not `[a-zA-Z0-9'\-/]`; drops empty leading/trailing tokens. */
  class AggressiveTokenizer {
    tokenize(text: string): string[];
  }
  export default AggressiveTokenizer;
}

declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  /** Jaro-Winkler similarity in [0, 1] (1 = identical), despite the module's name. */
  function JaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean; dj?: number }): number;
  export default JaroWinklerDistance;
}

declare module 'natural/lib/natural/util/stopwords.js' {
  /** natural's English stop-word list (170 words, lower case). */
  const stopwords: { words: string[] };
  export default stopwords;
}
