/**
 * Skill extraction: finds taxonomy skills in free text (postings, CVs, what a learner types), in
 * Chinese, English or both mixed, with the level words written around them.
 *
 * How, and why:
 * - Chinese: longest dictionary match over characters, through a trie of the labels and synonyms.
 *   `Intl.Segmenter` splits domain words badly (无人机驾驶员 → 无人|机|驾驶|员), so it only splits
 *   the text no skill covers, to report it in `unmapped`. A term named object first with a common
 *   verb (无人机维修) is also found verb first (维修无人机), unless another term is written so.
 * - Full-width Latin letters and digits (Ｐｙｔｈｏｎ) are read as ASCII, offsets unchanged.
 * - English: natural's tokeniser and Porter stemmer, and an index of stemmed 1–N token sequences
 *   of the labels and synonyms ("piloting drones" would not match, "drone piloting" does). A
 *   one-word term must also agree on the inflection base, since Porter strips derivations too
 *   ("solid" is not Solidity). The last word of a phrase may be the agent noun of its activity
 *   ("truck driver" is truck driving, "data analyst" data analysis), and a version number glued
 *   to a name is not part of it ("Python3", "CentOS7").
 * - Abbreviations (PLC, CNC, CAAC执照) and one-word Latin terms of ≤ 3 letters (SQL, Go) match
 *   case-sensitively and as whole words only: "go" and "MySQL" must not be read as skills.
 * - Typos: an unknown English word of ≥ 5 letters is read as a vocabulary word with the same first
 *   letter and Jaro-Winkler ≥ 0.93 (0.92 from 10 letters), at a lower confidence.
 * - Overlaps: the longest span wins, then a label over a synonym, then the more specific skill. A
 *   match inside a taken span is dropped; one that only overlaps it is kept when half of it is its
 *   own text (Java后端|后端开发). Equal candidates for unrelated skills are ambiguous and dropped.
 * - Word boundaries: a two-character trade name ending in 工 inside another word (车工 in
 *   汽车工程师 or 挡车工, 电工 in 机电工程) is not read as the trade.
 * - Context: a skill negated just before ("不会Python", "no data analysis experience") is dropped,
 *   and so are 招聘 where it announces the ad rather than names the HR skill, and a two-letter
 *   abbreviation after a possessive ("your CV" is a résumé, not computer vision).
 *
 * Text that maps to nothing is never forced onto a near skill: it is reported in `unmapped`.
 * The indexes are built once per taxonomy, on first use (or `prepareExtraction`), and cached.
 */
import { isNegatedAt, isRefusedAt, isWantedAt } from '../domain/text/cues.js';
import { englishStopWords, similarity, stem, tokenize } from './natural.js';
import type { Token } from './natural.js';
import { findLevelMentions, levelsNearSpans } from './levels.js';
import type { Level, Span } from './levels.js';
import { prebuiltIndexes } from './prebuilt.js';
import { isBundledTaxonomy, loadTaxonomy } from './taxonomy.js';
import type { Label, Skill, Taxonomy } from './taxonomy.js';

/** A skill found in the text. */
export interface ExtractedSkill {
  readonly skillId: string;
  readonly label: Label;
  /** 0–1: about 0.95 for a label, 0.9 for a synonym or abbreviation, about 0.7 through a typo. */
  readonly confidence: number;
  /** The level written near the skill ("熟练使用Python" → 3), when there is one. */
  readonly level?: Level;
  /** UTF-16 offsets of the matched text, `end` exclusive: `text.slice(...span)` is what matched. */
  readonly span: [number, number];
}

/** A skill the text says the person wants (to learn, to work in), not one they hold. */
export interface WantedSkill {
  readonly skillId: string;
  readonly label: Label;
  /** The words that named the skill. */
  readonly text: string;
  readonly span: [number, number];
  /** The level written near it ("想考三级电工" → 3), when there is one. */
  readonly level?: Level;
}

/** A skill the text says the person does not have ("不会CAD", "没碰过PLC"). */
export interface NegatedSkill {
  readonly skillId: string;
  readonly span: [number, number];
}

/** What `extractSkills` found. */
export interface Extraction {
  /** One item per skill (the best occurrence), in text order. */
  readonly items: ExtractedSkill[];
  /**
   * Skills named after a wish ("想学AI数据标注", "希望从事…", "also keen to learn forklifts"): what
   * the person wants, never what they hold. A skill both held and wanted elsewhere stays in `items`.
   */
  readonly wants: WantedSkill[];
  /**
   * Skills named under a negation ("不会CAD", "没做过标注"): neither held nor wanted, but lacking,
   * in text order. A skill turned down ("不想学焊接") is in none of these lists.
   */
  readonly negated: NegatedSkill[];
  /**
   * Meaningful pieces of text that no skill covers (not stop words, level words or punctuation),
   * in order. Computed on first read, then kept.
   */
  readonly unmapped: string[];
}

type MatchKind = 'label' | 'synonym' | 'abbreviation';

interface Term {
  readonly skill: Skill;
  readonly kind: MatchKind;
  readonly depth: number;
}

/** What the scans read of a character trie: one built here ({@link Trie}) or one read in place from its packed strings ({@link PackedTrieReader}). */
interface TrieView {
  /** The child of `node` along the UTF-16 `code`, or -1. The root is node 0. */
  child(node: number, code: number): number;
  /** The terms ending at `node`, if any. */
  termsAt(node: number): readonly Term[] | undefined;
  /** The children of `node` as [code, child] in ascending code order (for packing). */
  children(node: number): Array<[code: number, child: number]>;
}

/**
 * A character trie stored flat: one map from (node, UTF-16 code) to child node, and the terms
 * ending at each node. Thousands of per-node `Map`s made the first extraction spend most of its
 * time in the garbage collector; one map of numbers does not. Used where an index is built at run
 * time (any taxonomy but the bundled one); the bundled one is read by {@link PackedTrieReader}.
 */
class Trie implements TrieView {
  private readonly edges = new Map<number, number>();
  private readonly terms: Array<Term[] | undefined> = [undefined];
  private byParent: Map<number, Array<[code: number, child: number]>> | undefined;

  child(node: number, code: number): number {
    return this.edges.get(node * 0x10000 + code) ?? -1;
  }

  termsAt(node: number): readonly Term[] | undefined {
    return this.terms[node];
  }

  children(node: number): Array<[code: number, child: number]> {
    if (this.byParent === undefined) {
      const byParent = new Map<number, Array<[code: number, child: number]>>();
      for (const [key, child] of this.edges) {
        const parent = Math.floor(key / 0x10000);
        const list = byParent.get(parent) ?? [];
        list.push([key % 0x10000, child]);
        byParent.set(parent, list);
      }
      for (const list of byParent.values()) list.sort((a, b) => a[0] - b[0]);
      this.byParent = byParent;
    }
    return this.byParent.get(node) ?? [];
  }

  add(text: string, term: Term, caseFold: boolean): void {
    this.byParent = undefined;
    let node = 0;
    for (let i = 0; i < text.length; i += 1) {
      const key = node * 0x10000 + fold(text.charCodeAt(i), caseFold);
      let next = this.edges.get(key);
      if (next === undefined) {
        next = this.terms.length;
        this.terms.push(undefined);
        this.edges.set(key, next);
      }
      node = next;
    }
    this.terms[node] = addTerm(this.terms[node] ?? [], term);
  }

  /** Whether some term ends exactly at `text`. */
  has(text: string, caseFold: boolean): boolean {
    let node = 0;
    for (let i = 0; i < text.length && node >= 0; i += 1) node = this.child(node, fold(text.charCodeAt(i), caseFold));
    return node >= 0 && this.terms[node] !== undefined;
  }
}

/**
 * A trie as strings, nodes numbered breadth first: for each node its number of children and of
 * terms (one character each, offset by {@link CHAR_OFFSET}), the children's codes in order, and
 * each term as one character (its code, see {@link termCode}, offset the same way).
 */
function packTrie(trie: TrieView, code: (term: Term) => number): PackedTrie {
  const counts: string[] = [];
  const codes: string[] = [];
  const termCounts: string[] = [];
  const terms: string[] = [];
  const queue = [0];
  for (let at = 0; at < queue.length; at += 1) {
    const node = queue[at]!;
    const list = trie.children(node);
    counts.push(toChar(list.length));
    for (const [char, child] of list) {
      codes.push(String.fromCharCode(char));
      queue.push(child);
    }
    const nodeTerms = trie.termsAt(node) ?? [];
    termCounts.push(toChar(nodeTerms.length));
    for (const term of nodeTerms) terms.push(toChar(code(term)));
  }
  return { counts: counts.join(''), codes: codes.join(''), termCounts: termCounts.join(''), terms: terms.join('') };
}

/**
 * A packed trie read where it lies: child look-ups binary-search the codes of a node's children
 * (breadth-first numbering puts them side by side, in code order), and a node's term objects are
 * made when first asked for. Opening one costs one pass over the node counts (prefix sums into
 * two typed arrays), no map insertions and no objects, so the prebuilt index adds next to
 * nothing to a cold start.
 */
class PackedTrieReader implements TrieView {
  /** For each node, the position in `codes` of its first child's code; node `i`'s child at position `p` is node `p + 1`. */
  private readonly firstChild: Int32Array;
  /** For each node, the position in `terms` of its first term; one entry more, so that `node + 1` bounds the last. */
  private readonly firstTerm: Int32Array;
  private readonly lists: Array<readonly Term[] | undefined>;
  /**
   * The root's children by code (0 for none), where the root has many: every position of every
   * text starts there, and the folded trie's root has hundreds of children.
   */
  private readonly rootChildren: Uint16Array | undefined;

  constructor(
    private readonly packed: PackedTrie,
    private readonly termOf: (code: number) => Term,
  ) {
    const { counts, termCounts } = packed;
    const nodes = counts.length;
    this.firstChild = new Int32Array(nodes + 1);
    this.firstTerm = new Int32Array(nodes + 1);
    let child = 0;
    let term = 0;
    for (let node = 0; node < nodes; node += 1) {
      this.firstChild[node] = child;
      this.firstTerm[node] = term;
      child += counts.charCodeAt(node) - CHAR_OFFSET;
      term += termCounts.charCodeAt(node) - CHAR_OFFSET;
    }
    this.firstChild[nodes] = child;
    this.firstTerm[nodes] = term;
    this.lists = new Array(nodes);
    const rootCount = nodes > 1 ? this.firstChild[1]! : 0;
    if (rootCount >= DENSE_ROOT && rootCount < 0xffff) {
      // Root children are nodes 1 … rootCount: they fit 16 bits.
      this.rootChildren = new Uint16Array(0x10000);
      for (let at = 0; at < rootCount; at += 1) this.rootChildren[packed.codes.charCodeAt(at)] = at + 1;
    }
  }

  child(node: number, code: number): number {
    if (node === 0 && this.rootChildren !== undefined) {
      // Children are nodes 1 and up, so 0 marks none.
      const child = this.rootChildren[code]!;
      return child === 0 ? -1 : child;
    }
    const codes = this.packed.codes;
    let low = this.firstChild[node]!;
    let high = this.firstChild[node + 1]! - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = codes.charCodeAt(middle);
      if (at === code) return middle + 1;
      if (at < code) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  termsAt(node: number): readonly Term[] | undefined {
    const from = this.firstTerm[node]!;
    const to = this.firstTerm[node + 1]!;
    if (from === to) return undefined;
    let list = this.lists[node];
    if (list === undefined) {
      const made: Term[] = new Array(to - from);
      for (let i = from; i < to; i += 1) made[i - from] = this.termOf(this.packed.terms.charCodeAt(i) - CHAR_OFFSET);
      this.lists[node] = made;
      list = made;
    }
    return list;
  }

  children(node: number): Array<[code: number, child: number]> {
    const out: Array<[code: number, child: number]> = [];
    for (let at = this.firstChild[node]!; at < this.firstChild[node + 1]!; at += 1) out.push([this.packed.codes.charCodeAt(at), at + 1]);
    return out;
  }
}

/**
 * Offset of the numbers a packed index writes as characters (counts, term codes): keeps them
 * printable, so the generated module writes them as they are.
 */
const CHAR_OFFSET = 0x30;
/** From this many children of the root, a packed trie looks them up in a table rather than by binary search. */
const DENSE_ROOT = 64;
const KINDS: readonly MatchKind[] = ['label', 'synonym', 'abbreviation'];

/** A small number as one character of a packed string; refuses what would reach the surrogates. */
function toChar(value: number): string {
  const code = CHAR_OFFSET + value;
  if (code >= 0xd800) throw new Error(`packExtractionIndex: ${value} does not fit one character`);
  return String.fromCharCode(code);
}

/** A {@link Trie} as {@link packTrie} writes it: four strings. */
interface PackedTrie {
  readonly counts: string;
  readonly codes: string;
  readonly termCounts: string;
  /** One character a term: its code (skill position × 3 + kind), offset by {@link CHAR_OFFSET}. */
  readonly terms: string;
}

/**
 * Sequences and their terms as strings: the keys joined by new lines, then for each key the number
 * of its terms and the terms, one character each (as in a {@link PackedTrie}).
 */
interface PackedTermTable {
  /** In ascending UTF-16 order, for the binary search of {@link PackedTermTableReader}. */
  readonly keys: string;
  readonly termCounts: string;
  readonly terms: string;
}

/** Sequences → terms: a `Map` where the index is built here, a {@link PackedTermTableReader} where it was prebuilt. */
interface TermTable {
  get(key: string): readonly Term[] | undefined;
  entries(): Iterable<[string, readonly Term[]]>;
}

/** The index in `sorted` of `key`, or -1: a binary search in UTF-16 order (the order of `<` and of a plain sort). */
function searchSorted(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = sorted[middle]!;
    if (at === key) return middle;
    if (at < key) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * A {@link PackedTermTable} read in place, as {@link PackedTrieReader} reads a trie: the keys
 * split once (one native call), look-ups binary-search them, term lists are made when first
 * asked for.
 */
class PackedTermTableReader implements TermTable {
  private readonly keys: readonly string[];
  private readonly firstTerm: Int32Array;
  private readonly lists: Array<readonly Term[] | undefined>;

  constructor(
    private readonly packed: PackedTermTable,
    private readonly termOf: (code: number) => Term,
  ) {
    this.keys = splitLines(packed.keys);
    this.firstTerm = new Int32Array(this.keys.length + 1);
    let term = 0;
    for (let k = 0; k < this.keys.length; k += 1) {
      this.firstTerm[k] = term;
      term += packed.termCounts.charCodeAt(k) - CHAR_OFFSET;
    }
    this.firstTerm[this.keys.length] = term;
    this.lists = new Array(this.keys.length);
  }

  get(key: string): readonly Term[] | undefined {
    const at = searchSorted(this.keys, key);
    return at < 0 ? undefined : this.termsOf(at);
  }

  *entries(): Iterable<[string, readonly Term[]]> {
    for (let at = 0; at < this.keys.length; at += 1) yield [this.keys[at]!, this.termsOf(at)];
  }

  private termsOf(at: number): readonly Term[] {
    let list = this.lists[at];
    if (list === undefined) {
      const from = this.firstTerm[at]!;
      const made: Term[] = new Array(this.firstTerm[at + 1]! - from);
      for (let i = 0; i < made.length; i += 1) made[i] = this.termOf(this.packed.terms.charCodeAt(from + i) - CHAR_OFFSET);
      this.lists[at] = made;
      list = made;
    }
    return list;
  }
}

/** Adds a term to a list, one entry per skill: the best kind (a label also listed as a synonym stays a label). */
function addTerm(terms: Term[], term: Term): Term[] {
  const existing = terms.findIndex((other) => other.skill === term.skill);
  if (existing < 0) terms.push(term);
  else if (KIND_RANK[term.kind] < KIND_RANK[terms[existing]!.kind]) terms[existing] = term;
  return terms;
}

/** What extraction looks terms up in; built from a taxonomy or unpacked from a packed copy. */
export interface ExtractionIndex {
  /** Case-insensitive: terms with Chinese characters, and Latin terms with symbols (C++, Node.js). */
  readonly folded: TrieView;
  /** Case-sensitive: abbreviations and very short Latin words. */
  readonly exact: TrieView;
  /** Stemmed token sequences ("drone pilot") → terms. */
  readonly grams: TermTable;
  /** Verb-first sequences of activity phrases ("repair batteri pack") → terms. */
  readonly invertedGrams: TermTable;
  /** For one-word terms: the inflection bases of the words each skill lists under a stem. */
  readonly singleWords: Map<string, Map<Skill, Set<string>>>;
  /** First stems of the sequences, to skip most tokens without building keys. */
  readonly gramStarts: ReadonlySet<string>;
  readonly maxGram: number;
  /** Lower-case words of ≥ 5 letters in the English terms, by first letter, for typo matching. */
  readonly vocabulary: Map<string, string[]>;
  readonly knownWords: Set<string>;
  readonly knownStems: Set<string>;
  /** Typo look-ups already answered (word → vocabulary word, or null for none). */
  readonly typoCache: Map<string, string | null>;
}

const CONFIDENCE: Readonly<Record<MatchKind, number>> = { label: 0.95, synonym: 0.9, abbreviation: 0.9 };
const KIND_RANK: Readonly<Record<MatchKind, number>> = { label: 0, synonym: 1, abbreviation: 2 };
/** Confidence factor for a match that needed a typo correction. */
const TYPO_FACTOR = 0.75;
/**
 * Jaro-Winkler similarity a typo must reach; high, because a wrong skill is worse than none.
 * Long words get a little slack: one slip costs them as much similarity as a short word, and a
 * long near-miss is rarely another real word ("maintainance" 0.928, but "wedding"/"welding" 0.924).
 */
const TYPO_THRESHOLD = 0.93;
const TYPO_THRESHOLD_LONG = 0.92;
const TYPO_LONG_WORD = 10;
const TYPO_MIN_LENGTH = 5;
const TYPO_CACHE_LIMIT = 20_000;
/** Characters a partly overlapping match must add of its own to be kept too. */
const MIN_FREE_OVERLAP = 2;
/** Latin one-word terms this short are matched as written (SQL, Go, R), not stemmed. */
const SHORT_WORD = 3;

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const LOWER_LETTERS = /^[a-z]+$/;
// The words `tokenize` (natural's tokeniser, then split on ' - /) yields, as one regex: the index
// build splits ~2,000 terms at cold start, where the faster form saves ~20 ms. A unit test checks
// both agree on every term of the bundled taxonomy.
const LATIN_WORD = /[A-Za-z0-9]+/g;
// Latin terms made only of letters, digits and separators go through the stemmed index; any
// other symbol (C++, C#, Node.js, R&D) would be lost by the tokeniser, so those match literally.
const PLAIN_LATIN = /^[A-Za-z0-9\s'\-/]+$/;
// Between two tokens of one phrase only spaces and joiners may stand ("data-entry", "data entry"),
// not Chinese or punctuation ("数据和entry", "data, entry").
const PHRASE_GAP = /^[\s'’\-/]*$/;

/** Full-width ASCII and the ideographic space to ASCII; A–Z to a–z when `caseFold`. Keeps offsets. */
function fold(code: number, caseFold: boolean): number {
  let folded = code;
  if (folded >= 0xff01 && folded <= 0xff5e) folded -= 0xfee0;
  else if (folded === 0x3000) folded = 0x20;
  if (caseFold && folded >= 65 && folded <= 90) folded += 32;
  return folded;
}

// Full-width letters, digits, ＋ and ＃, and the ideographic space. Not full-width punctuation:
// "，" and "；" end a clause for the level and negation rules, "," and ";" would not in Chinese text.
const FULL_WIDTH = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0b\uff03\u3000]/g;

/**
 * The text with full-width Latin letters and digits as ASCII ("Ｐｙｔｈｏｎ" → "Python"). One code
 * unit for one, so offsets into the result are offsets into the original: Chinese input methods
 * type full-width Latin, and natural's tokeniser sees only ASCII letters.
 */
function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (char) => String.fromCharCode(fold(char.charCodeAt(0), false)));
}

/** ASCII letters and digits: what may not touch the start of a Latin term ("SQL" in "MySQL"). */
function isAlnumCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Also `+` and `#` after the end of one: "C" must not match the start of "C++" or "C#". */
function isWordCode(code: number): boolean {
  return isAlnumCode(code) || code === 43 || code === 35;
}

/** An index while {@link buildIndex} fills it. */
type IndexInProgress = Omit<ExtractionIndex, 'grams' | 'invertedGrams' | 'gramStarts'> & {
  readonly grams: Map<string, Term[]>;
  readonly invertedGrams: Map<string, Term[]>;
  readonly gramStarts: Set<string>;
};

function addToGrams(index: IndexInProgress, words: readonly string[], term: Term): void {
  const stems = words.map((word) => stem(word.toLowerCase()));
  const key = stems.join(' ');
  index.grams.set(key, addTerm(index.grams.get(key) ?? [], term));
  index.gramStarts.add(stems[0]!);
  if (words.length === 1) {
    const bySkill = index.singleWords.get(key) ?? new Map<Skill, Set<string>>();
    const bases = bySkill.get(term.skill) ?? new Set<string>();
    bases.add(inflectionBase(words[0]!.toLowerCase()));
    bySkill.set(term.skill, bases);
    index.singleWords.set(key, bySkill);
  }
  words.forEach((word, i) => {
    const lower = word.toLowerCase();
    index.knownWords.add(lower);
    index.knownStems.add(stems[i]!);
    if (lower.length >= TYPO_MIN_LENGTH && LOWER_LETTERS.test(lower)) {
      const bucket = index.vocabulary.get(lower[0]!);
      if (bucket === undefined) index.vocabulary.set(lower[0]!, [lower]);
      else if (!bucket.includes(lower)) bucket.push(lower);
    }
  });
}

/**
 * A word without its inflection (welding → weld~ing, nurses → nurs, tools → tool). One-word terms
 * must agree with the text on this, not only on the Porter stem: Porter also strips derivations,
 * so "solid" would match Solidity, "Calibre" calibration and "documents" documentation. An -ing
 * form keeps a mark, because the activity and the thing differ: "tooling" is not "tools",
 * "monitoring" not "monitor", "sourcing" not "source".
 */
function inflectionBase(word: string): string {
  let base = word.endsWith("'s") ? word.slice(0, -2) : word;
  let gerund = '';
  if (base.length > 4 && base.endsWith('ies')) base = `${base.slice(0, -3)}y`;
  else if (base.length > 5 && /ings?$/.test(base)) {
    base = base.slice(0, base.endsWith('s') ? -4 : -3);
    gerund = '~ing';
  } else if (base.length > 4 && base.endsWith('ed')) base = base.slice(0, -2);
  else if (base.length > 4 && base.endsWith('es')) base = base.slice(0, -2);
  else if (base.length > 3 && base.endsWith('s') && !base.endsWith('ss')) base = base.slice(0, -1);
  if (base.length > 3 && base.endsWith('e')) base = base.slice(0, -1);
  // planning → plann → plan; but keep "install", "cross".
  const last = base.charAt(base.length - 1);
  if (base.length > 3 && last === base.charAt(base.length - 2) && !'aeiouls'.includes(last)) base = base.slice(0, -1);
  return base + gerund;
}

// Chinese names a skill object first (无人机维修, 数据标注), but a posting as often says the deed
// verb first (维修无人机, 标注数据). For these verbs the verb-first form is indexed too. Not 管理,
// 测试 or 巡检: 管理系统 is a thing, not 系统管理, and 巡检无人机 inspects the drone rather than
// flies it.
const OBJECT_VERBS = ['驾驶', '操作', '维修', '维护', '保养', '检修', '调试', '安装', '编程', '标注', '分析', '录入', '剪辑', '评测', '规划', '焊接'];
const HAN_ONLY = /^[\u3400-\u9fffA-Za-z0-9]+$/;
// Modifiers, not objects: 虚拟调试 is virtual commissioning, but 调试虚拟(机) debugs a VM.
const NOT_OBJECTS = new Set(['自动', '手工', '离线', '虚拟', '智能', '辅助', '后期', '预防性', '超视距']);

/** "无人机维修" → "维修无人机", when the term is an object of two or more characters and one of `OBJECT_VERBS`. */
function invertChinese(text: string): string | undefined {
  if (!HAN_ONLY.test(text) || !HAN.test(text)) return undefined;
  const verb = OBJECT_VERBS.find((candidate) => text.endsWith(candidate));
  if (verb === undefined) return undefined;
  const object = text.slice(0, -verb.length);
  return object.length >= 2 && HAN.test(object) && !NOT_OBJECTS.has(object) ? verb + object : undefined;
}

// English names a skill activity last (battery pack repair, forklift operation), a posting as
// often verb first (repair battery packs, operate forklifts). For these activities the verb-first
// sequence is indexed too: activity stem → the stems of its verb, where Porter keeps them apart.
// Made on first use: only an index built at run time needs it, not the prebuilt one.
let activityVerbs: ReadonlyMap<string, readonly string[]> | undefined;
const activityVerbsOf = (): ReadonlyMap<string, readonly string[]> =>
  (activityVerbs ??= new Map(
    [
      ...['repair', 'inspection', 'operation', 'programming', 'annotation', 'labelling', 'testing', 'installation'],
      ...['welding', 'driving', 'piloting', 'editing', 'planning', 'management', 'development', 'design', 'assembly'],
      ...['configuration', 'calibration', 'monitoring', 'troubleshooting', 'servicing', 'commissioning', 'processing'],
      ...['collection', 'cleaning', 'translation', 'scheduling', 'writing'],
    ]
      .map((activity): [string, readonly string[]] => [stem(activity), [stem(activity)]])
      .concat([
        [stem('maintenance'), [stem('maintain')]],
        [stem('analysis'), [stem('analyse'), stem('analyze')]],
        [stem('diagnostics'), [stem('diagnose')]],
        [stem('visualization'), [stem('visualize'), stem('visualise')]],
      ]),
  ));

/** "battery pack repair" → ["repair batteri pack"]: the verb-first stem keys of an activity phrase. */
function invertEnglish(words: readonly string[]): string[] {
  if (words.length < 2) return [];
  const stems = words.map((word) => stem(word.toLowerCase()));
  const verbs = activityVerbsOf().get(stems[stems.length - 1]!) ?? [];
  const rest = stems.slice(0, -1).join(' ');
  return verbs.map((verb) => `${verb} ${rest}`);
}

function buildIndex(taxonomy: Taxonomy): ExtractionIndex {
  const folded = new Trie();
  const exact = new Trie();
  const grams = new Map<string, Term[]>();
  const invertedGrams = new Map<string, Term[]>();
  const gramStarts = new Set<string>();
  const index: IndexInProgress = {
    folded,
    exact,
    grams,
    invertedGrams,
    singleWords: new Map(),
    gramStarts,
    maxGram: 1,
    vocabulary: new Map(),
    knownWords: new Set(),
    knownStems: new Set(),
    typoCache: new Map(),
  };
  let maxGram = 1;
  const inversions: Array<[string, Term]> = [];
  const gramInversions: Array<[string, Term]> = [];
  for (const skill of taxonomy.skills.values()) {
    if (skill.deprecated !== undefined) continue;
    const depth = taxonomy.depthOf(skill.id);
    for (const abbreviation of skill.abbreviations) {
      exact.add(abbreviation.trim(), { skill, kind: 'abbreviation', depth }, false);
    }
    const addText = (raw: string, kind: MatchKind): void => {
      const text = raw.trim();
      const term: Term = { skill, kind, depth };
      // Chinese terms go to the folded trie, except single characters: 焊 or 车 alone would
      // match inside too many unrelated words.
      if (HAN.test(text)) {
        if (text.length >= 2) folded.add(text, term, true);
        return;
      }
      if (!PLAIN_LATIN.test(text)) {
        folded.add(text, term, true);
        return;
      }
      const words = termWords(text);
      if (words.length === 0) return;
      if (words.length === 1 && words[0]!.length <= SHORT_WORD) {
        exact.add(text, term, false);
        return;
      }
      addToGrams(index, words, term);
      maxGram = Math.max(maxGram, words.length);
      for (const key of invertEnglish(words)) gramInversions.push([key, { skill, kind: 'synonym', depth }]);
    };
    addText(skill.zh, 'label');
    addText(skill.en, 'label');
    for (const synonym of skill.synonyms.zh) addText(synonym, 'synonym');
    for (const synonym of skill.synonyms.en) addText(synonym, 'synonym');
    for (const text of [skill.zh, ...skill.synonyms.zh]) {
      const inverted = invertChinese(text.trim());
      if (inverted !== undefined) inversions.push([inverted, { skill, kind: 'synonym', depth }]);
    }
  }
  // After every written term, so that a term as written always wins over another's inversion.
  for (const [text, term] of inversions) {
    if (!folded.has(text, true)) folded.add(text, term, true);
  }
  for (const [key, term] of gramInversions) {
    if (grams.has(key)) continue;
    invertedGrams.set(key, addTerm(invertedGrams.get(key) ?? [], term));
    gramStarts.add(key.slice(0, key.indexOf(' ')));
  }
  return { ...index, maxGram };
}

/**
 * The extraction index as a few strings: what {@link buildIndex} computes (stems, inflection
 * bases, inversions, tries), in a form {@link unpackExtractionIndex} reads without parsing it
 * (tries are read in place; the sequence tables fill a few maps from split strings). Skills are
 * numbers: positions in `skillIds`. `npm run gen:taxonomy` writes it for the bundled taxonomy as
 * one JSON text, base64 Brotli (./data/indexes.generated.ts, read by ./prebuilt.ts).
 */
export interface PackedExtractionIndex {
  readonly taxonomyVersion: string;
  /** The taxonomy's skill ids in order, joined by spaces: skills are numbered by position in it. */
  readonly skillIds: string;
  readonly folded: PackedTrie;
  readonly exact: PackedTrie;
  readonly grams: PackedTermTable;
  readonly invertedGrams: PackedTermTable;
  /** The first stems of the sequences (written and inverted), sorted, joined by spaces. */
  readonly gramStarts: string;
  /**
   * One-word sequences and the inflection bases each of their skills lists: the keys by new
   * lines; for each key its number of skills and the skills (one character each); for each
   * (key, skill) in that order its bases joined by spaces, the lists joined by new lines.
   */
  readonly singleWords: { readonly keys: string; readonly skills: string; readonly bases: string };
  readonly maxGram: number;
  /** In the order first seen: the typo vocabulary is drawn from them in that order. */
  readonly knownWords: string;
  readonly knownStems: string;
}

// Words, stems and bases are runs of ASCII letters and digits (LATIN_WORD), so a space joins
// them, and a new line joins sequences of them.
const joinWords = (words: Iterable<string>): string => [...words].join(' ');
const splitWords = (text: string): string[] => (text === '' ? [] : text.split(' '));
const splitLines = (text: string): string[] => (text === '' ? [] : text.split('\n'));

/** Packs an extraction index of `taxonomy` (by default one built from it now). */
export function packExtractionIndex(taxonomy: Taxonomy = loadTaxonomy(), index: ExtractionIndex = buildIndex(taxonomy)): PackedExtractionIndex {
  const skills = [...taxonomy.skills.values()];
  const skillNumber = new Map(skills.map((skill, i) => [skill, i]));
  const code = (term: Term): number => skillNumber.get(term.skill)! * KINDS.length + KINDS.indexOf(term.kind);
  const packTerms = (table: TermTable): PackedTermTable => {
    const entries = [...table.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      keys: entries.map(([key]) => key).join('\n'),
      termCounts: entries.map(([, terms]) => toChar(terms.length)).join(''),
      terms: entries.flatMap(([, terms]) => terms.map((term) => toChar(code(term)))).join(''),
    };
  };
  // As buildIndex adds them: the first stem of every sequence, written or inverted.
  const starts = new Set([...index.grams.entries(), ...index.invertedGrams.entries()].map(([key]) => key.split(' ')[0]!));
  const singles = [...index.singleWords];
  return {
    taxonomyVersion: taxonomy.version,
    skillIds: joinWords(skills.map((skill) => skill.id)),
    folded: packTrie(index.folded, code),
    exact: packTrie(index.exact, code),
    grams: packTerms(index.grams),
    invertedGrams: packTerms(index.invertedGrams),
    gramStarts: joinWords([...starts].sort()),
    singleWords: {
      keys: singles.map(([key]) => key).join('\n'),
      skills: singles.map(([, bySkill]) => toChar(bySkill.size) + [...bySkill.keys()].map((skill) => toChar(skillNumber.get(skill)!)).join('')).join(''),
      bases: singles.flatMap(([, bySkill]) => [...bySkill.values()].map(joinWords)).join('\n'),
    },
    maxGram: index.maxGram,
    knownWords: joinWords(index.knownWords),
    knownStems: joinWords(index.knownStems),
  };
}

/**
 * The index {@link packExtractionIndex} packed, over the skills of `taxonomy`; undefined when the
 * packed index names a skill the taxonomy lacks (packed from other data: build instead).
 */
export function unpackExtractionIndex(packed: PackedExtractionIndex, taxonomy: Taxonomy): ExtractionIndex | undefined {
  const ids = splitWords(packed.skillIds);
  if (ids.length !== taxonomy.skills.size) return undefined;
  const skills: Skill[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i += 1) {
    const skill = taxonomy.getSkill(ids[i]!);
    if (skill === undefined) return undefined;
    skills[i] = skill;
  }
  // One object per skill and kind, made on first use and shared by every node and sequence naming it (terms are read-only).
  const terms: Array<Term | undefined> = new Array(ids.length * KINDS.length);
  const termOf = (code: number): Term => {
    let term = terms[code];
    if (term === undefined) {
      const skill = skills[Math.floor(code / KINDS.length)]!;
      term = { skill, kind: KINDS[code % KINDS.length]!, depth: taxonomy.depthOf(skill.id) };
      terms[code] = term;
    }
    return term;
  };
  const singleWords = new Map<string, Map<Skill, Set<string>>>();
  {
    const { skills: skillCodes } = packed.singleWords;
    const keys = splitLines(packed.singleWords.keys);
    const bases = splitLines(packed.singleWords.bases);
    let at = 0;
    let base = 0;
    for (const key of keys) {
      const count = skillCodes.charCodeAt(at) - CHAR_OFFSET;
      const bySkill = new Map<Skill, Set<string>>();
      for (let i = 1; i <= count; i += 1) bySkill.set(skills[skillCodes.charCodeAt(at + i) - CHAR_OFFSET]!, new Set(splitWords(bases[base++]!)));
      at += count + 1;
      singleWords.set(key, bySkill);
    }
  }
  const knownWords = splitWords(packed.knownWords);
  // The typo vocabulary: known words of ≥ 5 letters by first letter, in the order first seen (as addToGrams fills it).
  const vocabulary = new Map<string, string[]>();
  for (const word of knownWords) {
    if (word.length < TYPO_MIN_LENGTH || !LOWER_LETTERS.test(word)) continue;
    const bucket = vocabulary.get(word[0]!);
    if (bucket === undefined) vocabulary.set(word[0]!, [word]);
    else bucket.push(word);
  }
  return {
    folded: new PackedTrieReader(packed.folded, termOf),
    exact: new PackedTrieReader(packed.exact, termOf),
    grams: new PackedTermTableReader(packed.grams, termOf),
    invertedGrams: new PackedTermTableReader(packed.invertedGrams, termOf),
    singleWords,
    gramStarts: new Set(splitWords(packed.gramStarts)),
    maxGram: packed.maxGram,
    vocabulary,
    knownWords: new Set(knownWords),
    knownStems: new Set(splitWords(packed.knownStems)),
    typoCache: new Map(),
  };
}

const indexes = new WeakMap<Taxonomy, ExtractionIndex>();

/**
 * The bundled taxonomy's index comes unpacked from the generated module (built at build time);
 * any other taxonomy's (tests, tools) is built here. Either is made once and cached.
 */
function indexOf(taxonomy: Taxonomy): ExtractionIndex {
  let index = indexes.get(taxonomy);
  if (index === undefined) {
    const packed = isBundledTaxonomy(taxonomy) ? (prebuiltIndexes() ?? undefined) : undefined;
    index = (packed === undefined ? undefined : unpackExtractionIndex(packed, taxonomy)) ?? buildIndex(taxonomy);
    indexes.set(taxonomy, index);
  }
  return index;
}

interface Candidate {
  readonly term: Term;
  readonly start: number;
  readonly end: number;
  readonly typo: boolean;
}

// A version number glued to a name: "Python3", "Java8", "CentOS7", "Vue3.2". Only after three or
// more letters, so that "C1" (a driving licence) is never read as C, nor "R2" as R. Tokens are
// split at the dot already, so the token form needs no dotted part.
const VERSIONED = /^([A-Za-z]{3,})\d+$/;
const VERSION_AFTER = /^\d+(?:\.\d+)*(?![A-Za-z0-9+#])/;
const LETTERS_BEFORE = /[A-Za-z]{3}$/;

/** Whether the term matched at `[start, end)` is followed by a bare version number ("Python|3"). */
function isVersionAfter(text: string, start: number, end: number): boolean {
  return LETTERS_BEFORE.test(text.slice(Math.max(start, end - 3), end)) && VERSION_AFTER.test(text.slice(end, end + 12));
}

/** Every dictionary match starting anywhere in the text (overlaps resolved later). */
function scanTrie(text: string, trie: TrieView, caseFold: boolean, out: Candidate[]): void {
  const length = text.length;
  for (let start = 0; start < length; start += 1) {
    let node = trie.child(0, fold(text.charCodeAt(start), caseFold));
    if (node < 0) continue;
    // A Latin term must not start inside a word ("SQL" in "MySQL").
    if (isAlnumCode(fold(text.charCodeAt(start), false)) && start > 0 && isAlnumCode(fold(text.charCodeAt(start - 1), false))) continue;
    let end = start + 1;
    while (true) {
      const terms = trie.termsAt(node);
      if (terms !== undefined) {
        const endsWord = isAlnumCode(fold(text.charCodeAt(end - 1), false));
        const touches = end < length && isWordCode(fold(text.charCodeAt(end), false)) && !isVersionAfter(text, start, end);
        if (!(endsWord && touches)) {
          for (const term of terms) out.push({ term, start, end, typo: false });
        }
      }
      if (end >= length) break;
      node = trie.child(node, fold(text.charCodeAt(end), caseFold));
      if (node < 0) break;
      end += 1;
    }
  }
}

// Chinese shares one object between coordinated verbs: 传感器选型与安装 is 传感器选型 and
// 传感器安装, 设备安装、调试和维护 names 设备调试 and 设备维护 too.
const COORDINATED_VERBS = new Set(
  (
    '安装 调试 维护 维修 保养 检修 采集 整理 分析 处理 设计 开发 测试 运维 管理 操作 编程 标注 清洗 选型 ' +
    '部署 配置 监控 巡检 制作 剪辑 拍摄 策划 运营 检测 校准 装配 组装 加工 编写 审核 录入 评估 优化'
  ).split(' '),
);
const CONJUNCTION = /^(?:与|和|及|以及|、|\/)/;
/** How far back the shared object may start, in characters. */
const OBJECT_REACH = 10;

/**
 * The skills a coordinated verb names with the object before the first verb: in 语料采集与整理,
 * the term 语料整理 over the span of 整理. Only the longest object for each later verb.
 */
function scanCoordination(text: string, trie: TrieView, out: Candidate[]): void {
  for (let at = 2; at + 2 < text.length; at += 1) {
    if (!COORDINATED_VERBS.has(text.slice(at, at + 2))) continue;
    // The chain of verbs joined to the one at `at`: 安装、调试和维护.
    let cursor = at + 2;
    const verbs: number[] = [];
    for (let joiner = CONJUNCTION.exec(text.slice(cursor, cursor + 2)); joiner !== null; joiner = CONJUNCTION.exec(text.slice(cursor, cursor + 2))) {
      const verbAt = cursor + joiner[0].length;
      if (!COORDINATED_VERBS.has(text.slice(verbAt, verbAt + 2))) break;
      verbs.push(verbAt);
      cursor = verbAt + 2;
    }
    for (const verbAt of verbs) {
      for (let start = Math.max(0, at - OBJECT_REACH); start <= at - 2; start += 1) {
        const terms = walk(trie, text, start, at, verbAt);
        if (terms === undefined) continue;
        for (const term of terms) out.push({ term, start: verbAt, end: verbAt + 2, typo: false });
        break;
      }
    }
    if (verbs.length > 0) at = cursor - 1;
  }
}

/** The terms spelled by `text[start, objectEnd)` followed by the two characters at `verbAt`, if any. */
function walk(trie: TrieView, text: string, start: number, objectEnd: number, verbAt: number): readonly Term[] | undefined {
  if (start > 0 && isAlnumCode(fold(text.charCodeAt(start), false)) && isAlnumCode(fold(text.charCodeAt(start - 1), false))) return undefined;
  let node = 0;
  for (let i = start; i < objectEnd && node >= 0; i += 1) node = trie.child(node, fold(text.charCodeAt(i), true));
  for (let i = verbAt; i < verbAt + 2 && node >= 0; i += 1) node = trie.child(node, fold(text.charCodeAt(i), true));
  return node >= 0 ? trie.termsAt(node) : undefined;
}

/** The vocabulary word an unknown word is probably a typo of, if one is close enough. */
function correctTypo(word: string, index: ExtractionIndex): string | undefined {
  const cached = index.typoCache.get(word);
  if (cached !== undefined) return cached ?? undefined;
  let best = 0;
  let bestWord: string | null = null;
  // Same first letter only: typos rarely hit it, and it cuts the comparisons ~20-fold.
  for (const candidate of index.vocabulary.get(word[0]!) ?? []) {
    if (Math.abs(candidate.length - word.length) > 2) continue;
    const score = similarity(word, candidate);
    if (score > best) {
      best = score;
      bestWord = candidate;
    }
  }
  const result = best >= (word.length >= TYPO_LONG_WORD ? TYPO_THRESHOLD_LONG : TYPO_THRESHOLD) ? bestWord : null;
  // Bounded: every unknown word of every posting lands here.
  if (index.typoCache.size >= TYPO_CACHE_LIMIT) index.typoCache.clear();
  index.typoCache.set(word, result);
  return result ?? undefined;
}

interface StemmedToken extends Token {
  /** Lower case; for a typo, the vocabulary word it was read as. */
  readonly lower: string;
  readonly stem: string;
  readonly typo: boolean;
}

function stemTokens(text: string, index: ExtractionIndex): StemmedToken[] {
  const tokens = tokenize(text);
  const stemmed: StemmedToken[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i += 1) {
    let { text: word, end } = tokens[i]!;
    const { start } = tokens[i]!;
    let lower = word.toLowerCase();
    let stemOf = stem(lower);
    // "Python3" is Python, unless the vocabulary knows the whole token (HTML5, S7-1200).
    const versioned = index.knownStems.has(stemOf) ? null : VERSIONED.exec(word);
    if (versioned !== null) {
      word = versioned[1]!;
      end = start + word.length;
      lower = word.toLowerCase();
      stemOf = stem(lower);
    }
    let read = lower;
    let typo = false;
    if (
      lower.length >= TYPO_MIN_LENGTH &&
      !index.knownStems.has(stemOf) &&
      !index.knownWords.has(lower) &&
      !englishStopWords.has(lower) &&
      LOWER_LETTERS.test(lower)
    ) {
      const corrected = correctTypo(lower, index);
      if (corrected !== undefined) {
        stemOf = stem(corrected);
        read = corrected;
        typo = true;
      }
    }
    // Plain object literals of one shape (no spread): this runs for every word of every posting.
    stemmed[i] = { text: word, start, end, lower: read, stem: stemOf, typo };
  }
  return stemmed;
}

// Agent nouns the stemmer keeps apart from their activity: a "truck driver" drives trucks, a
// "data analyst" does data analysis, a "solutions architect" does solution architecture. Read as the
// activity only as the last word of a phrase of two or more words, and only when the phrase as
// written is no term: one word alone stays itself ("driver" is not driving, "tester" a device).
// Stemmed on first use (or by prepareExtraction), not at import: most functions that bundle this
// module never extract, and the stemmer's first calls cost about a millisecond.
let agentActivity: ReadonlyMap<string, string> | undefined;
const agentActivityOf = (): ReadonlyMap<string, string> =>
  (agentActivity ??= new Map(
    [
      ['driver', 'driving'],
      ['analyst', 'analysis'],
      ['programmer', 'programming'],
      ['welder', 'welding'],
      ['tester', 'testing'],
      ['planner', 'planning'],
      ['inspector', 'inspection'],
      ['editor', 'editing'],
      ['writer', 'writing'],
      ['photographer', 'photography'],
      ['maintainer', 'maintenance'],
      ['architect', 'architecture'],
    ].map(([agent, activity]) => [stem(agent!), stem(activity!)] as const),
  ));

/**
 * Whether a verb-first phrase ending before `tokens[next]` ends its noun phrase there too: in
 * "operate production workloads" the object is the workloads, not production, and in "pilot drone
 * program" pilot is no verb. A stop word, punctuation or the end of the text ends it.
 */
function endsNounPhrase(text: string, tokens: readonly StemmedToken[], next: number): boolean {
  const after = tokens[next];
  if (after === undefined) return true;
  const gap = text.slice(tokens[next - 1]!.end, after.start);
  return !PHRASE_GAP.test(gap) || englishStopWords.has(after.lower);
}

function scanGrams(text: string, tokens: readonly StemmedToken[], index: ExtractionIndex, out: Candidate[]): void {
  for (let i = 0; i < tokens.length; i += 1) {
    const first = tokens[i]!;
    if (!index.gramStarts.has(first.stem)) continue;
    let key = first.stem;
    let typo = first.typo;
    for (let n = 1; n <= index.maxGram && i + n - 1 < tokens.length; n += 1) {
      const last = tokens[i + n - 1]!;
      let terms: readonly Term[] | undefined;
      if (n > 1) {
        const previous = tokens[i + n - 2]!;
        if (!PHRASE_GAP.test(text.slice(previous.end, last.start))) break;
        const prefix = key;
        key = `${prefix} ${last.stem}`;
        typo ||= last.typo;
        terms = index.grams.get(key);
        const activity = terms === undefined ? agentActivityOf().get(last.stem) : undefined;
        if (activity !== undefined) terms = index.grams.get(`${prefix} ${activity}`);
        if (terms === undefined && endsNounPhrase(text, tokens, i + n)) terms = index.invertedGrams.get(key);
      } else {
        terms = index.grams.get(key);
      }
      if (terms === undefined) continue;
      const singles = n === 1 ? index.singleWords.get(key) : undefined;
      const base = singles === undefined ? '' : inflectionBase(first.lower);
      for (const term of terms) {
        if (singles !== undefined && !singles.get(term.skill)?.has(base)) continue;
        out.push({ term, start: first.start, end: last.end, typo });
      }
    }
  }
}

const SLASH_OR_AMPERSAND = /^\s*[/&]\s*$/;
const SPACES = /^\s+$/;

/** The index of the first token after a conjunction that follows `tokens[at]` ("A and B", "A/B"), or -1. */
function afterConjunction(text: string, tokens: readonly StemmedToken[], at: number): number {
  const next = tokens[at + 1];
  if (next === undefined) return -1;
  if (SLASH_OR_AMPERSAND.test(text.slice(tokens[at]!.end, next.start))) return at + 1;
  if ((next.lower === 'and' || next.lower === 'or') && at + 2 < tokens.length) {
    return SPACES.test(text.slice(tokens[at]!.end, next.start)) && SPACES.test(text.slice(next.end, tokens[at + 2]!.start)) ? at + 2 : -1;
  }
  return -1;
}

/** Whether `tokens[from, to)` is one phrase: only spaces and joiners between its words. */
function isPhrase(text: string, tokens: readonly StemmedToken[], from: number, to: number): boolean {
  if (from < 0 || to > tokens.length || from >= to) return false;
  for (let i = from + 1; i < to; i += 1) if (!PHRASE_GAP.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) return false;
  return true;
}

const stemsOf = (tokens: readonly StemmedToken[], from: number, to: number): string =>
  tokens
    .slice(from, to)
    .map((token) => token.stem)
    .join(' ');

/**
 * Phrases that share words across a conjunction, over the span of what they add: "image and video
 * annotation" also names image annotation (over "image"), "drone repair and maintenance" drone
 * maintenance (over "maintenance"), "data labelling/annotation" data annotation. Written
 * multi-word terms only.
 */
function scanEnglishCoordination(text: string, tokens: readonly StemmedToken[], index: ExtractionIndex, out: Candidate[]): void {
  const push = (key: string, start: number, end: number): void => {
    for (const term of index.grams.get(key) ?? []) out.push({ term, start, end, typo: false });
  };
  for (let a = 0; a < tokens.length - 1; a += 1) {
    const b = afterConjunction(text, tokens, a);
    if (b < 0) continue;
    for (let x = 1; x <= 2; x += 1) {
      if (!isPhrase(text, tokens, b, b + x)) break;
      const second = stemsOf(tokens, b, b + x);
      // Shared words before: "drone repair and maintenance" → drone maintenance.
      for (let k = 1; k <= 3 && isPhrase(text, tokens, a - k, a + 1); k += 1) {
        push(`${stemsOf(tokens, a - k, a)} ${second}`, tokens[b]!.start, tokens[b + x - 1]!.end);
      }
      // Shared words after: "image and video annotation" → image annotation.
      for (let h = 1; h <= 3 && isPhrase(text, tokens, b, b + x + h); h += 1) {
        const shared = stemsOf(tokens, b + x, b + x + h);
        for (let m = 1; m <= 3 && isPhrase(text, tokens, a - m + 1, a + 1); m += 1) {
          push(`${stemsOf(tokens, a - m + 1, a + 1)} ${shared}`, tokens[a - m + 1]!.start, tokens[a]!.end);
        }
      }
    }
  }
}

/** Orders candidates best first: longer, exact before typo, label before synonym, more specific. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    b.end - b.start - (a.end - a.start) ||
    Number(a.typo) - Number(b.typo) ||
    KIND_RANK[a.term.kind] - KIND_RANK[b.term.kind] ||
    b.term.depth - a.term.depth ||
    a.start - b.start
  );
}

const sameRank = (a: Candidate, b: Candidate): boolean =>
  a.start === b.start && a.end === b.end && a.typo === b.typo && a.term.kind === b.term.kind && a.term.depth === b.term.depth;

/** Code units of `[start, end)` not covered by any taken candidate. */
function uncovered(candidate: Candidate, taken: readonly Candidate[]): number {
  let free = 0;
  for (let at = candidate.start; at < candidate.end; at += 1) {
    if (!taken.some((other) => at >= other.start && at < other.end)) free += 1;
  }
  return free;
}

/**
 * Picks candidates best first. A candidate inside a taken span is dropped (the longest match
 * wins); one that only overlaps a taken span is kept when at least half of it, and two or more
 * characters, is text no taken span covers: in "Java后端开发" both Java后端 and 后端开发 are meant.
 * Equal candidates for different skills at one span are ambiguous and dropped.
 */
function resolve(candidates: Candidate[]): Candidate[] {
  candidates.sort(compareCandidates);
  const accepted: Candidate[] = [];
  for (let i = 0; i < candidates.length; i += 1) {
    const candidate = candidates[i]!;
    // Ties sort next to each other; two skills equally named by one span is a guess we won't make.
    let ambiguous = false;
    let j = i + 1;
    while (j < candidates.length && sameRank(candidate, candidates[j]!)) {
      if (candidates[j]!.term.skill !== candidate.term.skill) ambiguous = true;
      j += 1;
    }
    i = j - 1;
    if (ambiguous) continue;
    if (accepted.some((other) => candidate.start < other.end && candidate.end > other.start)) {
      const free = uncovered(candidate, accepted);
      if (free < MIN_FREE_OVERLAP || free * 2 < candidate.end - candidate.start) continue;
    }
    accepted.push(candidate);
  }
  return accepted;
}

// A two-letter abbreviation after a possessive is an everyday noun, not a skill: "send your CV"
// (not computer vision), "contact our HR" (not the recruitment skill).
const POSSESSED_ABBREVIATION = /\b(?:your|my|our|his|her|their)\s+$/i;

function isPossessedAbbreviation(candidate: Candidate, text: string): boolean {
  return (
    candidate.term.kind === 'abbreviation' &&
    candidate.end - candidate.start <= 2 &&
    POSSESSED_ABBREVIATION.test(text.slice(Math.max(0, candidate.start - 8), candidate.start))
  );
}

// Words that announce a job ad rather than ask for a skill: "【招聘】", "招聘数控车工3名",
// "康复护理员招聘（社区）". As a skill they appear mid-sentence ("负责员工招聘") or make an HR
// job title ("招聘专员").
const ANNOUNCEMENTS = new Set(['招聘', '诚聘', '急聘', '招募', 'hiring', 'Hiring', 'HIRING']);
const HR_TITLE = /^(?:专员|主管|经理|助理|顾问|工作|管理|流程|渠道|与|和|及|、)/;

function isAnnouncement(text: string, start: number, end: number): boolean {
  if (!ANNOUNCEMENTS.has(text.slice(start, end))) return false;
  const after = text.slice(end, end + 2);
  if (HR_TITLE.test(after)) return false;
  return /(?:^|[\n【[])\s*$/.test(text.slice(Math.max(0, start - 4), start)) || /^[（(【[：:]/.test(after);
}

// Two-character trade names ending in 工 are also the tail of other words, where they mean no
// trade: 车工 (lathe turner) in 汽车工程师, 开车工作, 挡车工 (a textile machine tender), 洗车工;
// 电工 (electrician) in 光电工程, 机电工程. Such a match is dropped before overlaps are resolved,
// so the text is reported as unmapped rather than read as the trade.
/** Characters that, before 车工, make 车 the end of a vehicle word (汽车, 开车, 挡车 …). */
const VEHICLE_WORD_BEFORE = /[汽开洗修挡停火电机卸装驾货客卡吊列轿赛摩拖动班马乘轨]$/;
/** After an `X工` trade name inside a longer word: 工程 (engineering), 工厂 (factory). */
const COMPOUND_AFTER = /^[程厂]/;
const HAN_BEFORE = /\p{Script=Han}$/u;

function isInsideAnotherWord(text: string, start: number, end: number): boolean {
  if (end - start !== 2 || text[start + 1] !== '工') return false;
  const before = text.slice(Math.max(0, start - 1), start);
  const after = text.slice(end, end + 1);
  if (text[start] === '车' && VEHICLE_WORD_BEFORE.test(before)) return true;
  return COMPOUND_AFTER.test(after) && HAN_BEFORE.test(before);
}

// Created on first use: loading ICU's word-break data takes ~13 ms, which the taxonomy load and
// callers that never need `unmapped` text should not pay.
let segmenter: Intl.Segmenter | undefined;

// Words that carry no skill on their own, for `unmapped`: function words, level words, and the
// boilerplate of postings. Missing one only makes `unmapped` noisier; it never changes `items`.
const ZH_STOP_WORDS = new Set(
  (
    '的 地 得 了 和 与 及 以及 或 或者 并 并且 且 而 等 等等 也 还 又 都 就 在 对 于 把 被 为 以 从 到 向 由 让 ' +
    '会 能 能够 可 可以 需 需要 要 要求 应 具备 具有 有 拥有 懂 能力 技能 技术 经验 工作 相关 岗位 职位 职责 ' +
    '优先 以上 以下 左右 年 月 天 元 名 人 者 我 我们 你 您 他 公司 负责 从事 进行 熟练 熟悉 掌握 精通 了解 ' +
    '入门 专家 初级 中级 高级 一定 良好 较强 强 好 善于 基本 其他 及其 相应 使用 运用 操作 证书 持 证 优秀 ' +
    '一 二 三 四 五 个 位 项 种 类 方面 能力强 沟通 团队 合作 责任心 吃苦耐劳 是 不是 不 没 没有 不会 无需 不需要 ' +
    '非 并非 不要求 不用'
  ).split(' '),
);
const EN_STOP_WORDS = new Set([
  ...englishStopWords,
  ...(
    'a able ability experience experienced years year skill skills knowledge required requirement requirements ' +
    'preferred plus must strong good solid excellent basic advanced expert proficient proficiency familiar ' +
    'familiarity working work job role team candidate candidates responsible responsibilities including using use ' +
    'etc e g i ie level no not without never'
  ).split(' '),
]);

function isMeaningful(word: string): boolean {
  if (/^\d+$/.test(word)) return false;
  if (HAN.test(word)) return !ZH_STOP_WORDS.has(word);
  return word.length >= 2 && !EN_STOP_WORDS.has(word.toLowerCase());
}

// Pieces of uncovered text: an e-mail address or URL (skipped whole), a run of Chinese characters
// (handed to the segmenter), a Latin word, spaces, or any other single character (punctuation,
// which ends a chunk).
const PIECE =
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:\/\/|www\.)[^\s\u3000-\u303f\uff00-\uffef]+|([\u3400-\u9fff\uf900-\ufaff]+)|([A-Za-z0-9]+(?:['’][A-Za-z]+)?)|(\s+)|[^]/g;

type Piece =
  | { readonly kind: 'han'; readonly start: number; readonly end: number }
  | { readonly kind: 'word'; readonly start: number; readonly end: number; readonly meaningful: boolean }
  | { readonly kind: 'space' | 'break' };

/** Splits the uncovered text into meaningful chunks (runs of words that are not stop words). */
function findUnmapped(text: string, covered: readonly Span[]): string[] {
  // 1. The uncovered text as pieces, with a break wherever a covered span was: "会做红烧肉和Python"
  //    must not join across "Python".
  const pieces: Piece[] = [];
  const hanRuns: string[] = [];
  const sorted = [...covered].sort((a, b) => a[0] - b[0]);
  let cursor = 0;
  for (const [gapStart, gapEnd] of [...sorted, [text.length, text.length] as const]) {
    if (gapStart > cursor) {
      for (const match of text.slice(cursor, gapStart).matchAll(PIECE)) {
        const start = cursor + match.index;
        const [piece, han, latin, space] = match;
        if (han !== undefined) {
          pieces.push({ kind: 'han', start, end: start + piece.length });
          hanRuns.push(han);
        } else if (latin !== undefined) pieces.push({ kind: 'word', start, end: start + piece.length, meaningful: isMeaningful(latin) });
        else pieces.push({ kind: space === undefined ? 'break' : 'space' });
      }
    }
    pieces.push({ kind: 'break' });
    cursor = Math.max(cursor, gapEnd);
  }

  // 2. Chinese runs into words, with one segmenter call for all of them: each call clones an ICU
  //    break iterator, which costs more than segmenting the text itself. A line break between
  //    runs keeps words from spanning two of them.
  const hanWords: Array<Array<readonly [number, number, boolean]>> = hanRuns.map(() => []);
  if (hanRuns.length > 0) {
    segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
    let run = 0;
    let runOffset = 0;
    for (const { segment, index } of segmenter.segment(hanRuns.join('\n'))) {
      while (run < hanRuns.length && index >= runOffset + hanRuns[run]!.length) {
        runOffset += hanRuns[run]!.length + 1;
        run += 1;
      }
      if (segment === '\n' || run >= hanRuns.length) continue;
      hanWords[run]!.push([index - runOffset, index - runOffset + segment.length, isMeaningful(segment)]);
    }
  }

  // 3. Runs of meaningful words become chunks.
  const chunks: string[] = [];
  const seen = new Set<string>();
  let runStart = -1;
  let runEnd = -1;
  const flush = (): void => {
    if (runStart >= 0) {
      const chunk = text.slice(runStart, runEnd);
      if ((HAN.test(chunk) ? chunk.length >= 2 : /[A-Za-z]{2}/.test(chunk)) && !seen.has(chunk)) {
        seen.add(chunk);
        chunks.push(chunk);
      }
    }
    runStart = -1;
  };
  const word = (start: number, end: number, meaningful: boolean): void => {
    if (!meaningful) return flush();
    if (runStart < 0) runStart = start;
    runEnd = end;
  };
  let han = 0;
  for (const piece of pieces) {
    if (piece.kind === 'han') {
      for (const [start, end, meaningful] of hanWords[han]!) word(piece.start + start, piece.start + end, meaningful);
      han += 1;
    } else if (piece.kind === 'word') {
      word(piece.start, piece.end, piece.meaningful);
    } else if (piece.kind === 'break' || runStart < 0 || HAN.test(text.charAt(runEnd - 1))) {
      // Only a space between Latin words keeps a chunk going ("data mining").
      flush();
    }
  }
  flush();
  return chunks;
}

/**
 * Readies the extraction index of a taxonomy now rather than on the first `extractSkills` call:
 * call it during a Lambda's init phase. For the bundled taxonomy that loads the taxonomy and opens
 * the prebuilt index (a few milliseconds); any other taxonomy's index is built (~50–100 ms, mostly
 * Porter stemming of the vocabulary). Idempotent.
 */
export function prepareExtraction(taxonomy: Taxonomy = loadTaxonomy()): void {
  indexOf(taxonomy);
  agentActivityOf();
}

/** Splits a Latin term into words exactly as the index build does (exported for its unit test). */
export function termWords(text: string): string[] {
  return text.match(LATIN_WORD) ?? [];
}

/**
 * Words whose skill depends on the work around them, read within `SENSE_REACH` characters either
 * side. 铲车 is a wheel loader on a building site or in a quarry (the taxonomy's reading) and, on
 * many shop floors and in logistics parks, a forklift: "在临沂物流园开铲车8年", "厂里开过三年铲车",
 * "铲车上下货" are forklift work, "在砂石场开铲车（装载机）" is not. 验货 is a garment QC's final
 * check in a clothing factory (the taxonomy's reading) and checking goods against the order at a
 * warehouse's dock ("物流园收发货，对单验货"). 配药 is a crop sprayer's mixing of pesticide (the taxonomy's
 * reading: drone pilots write it in most blind sets) and a carer's preparing of medicines.
 * A skill list's entry is read with the rest of its list around it (`context`): "开铲车" beside
 * "前移式叉车" and "高位货架" is forklift work, beside "装载机" and "挖掘机" it is not.
 */
const SENSES: ReadonlyArray<{ readonly surface: RegExp; readonly from: string; readonly to: string; readonly cue: RegExp; readonly unless: RegExp }> = [
  { surface: /铲车/, from: 'earthmoving-machinery-operation', to: 'forklift-operation', cue: /仓|物流|库房|货架|上下货|装卸|托盘|码货|堆高|厂里|工厂|车间|叉车/, unless: /装载机|工地|砂石|土方|挖|矿/ },
  { surface: /验货/, from: 'fabric-inspection', to: 'warehouse-management', cue: /仓|物流|收货|收发|对单|入库|出库|装车|卸车|快递|货车/, unless: /布|服装|衣|成衣|纺织|针织|面料|缝/ },
  { surface: /配药/, from: 'pesticide-mixing', to: 'medication-assistance', cue: /老人|护理|护工|服药|吃药|药品|病人|患者|医院|养老|陪护/, unless: /农药|植保|飞防|打药|无人机|喷洒|亩/ },
];
const SENSE_REACH = 24;

/** The candidate read in the sense its surroundings (and `context`) give it (`SENSES`), or as it is. */
function inSense(candidate: Candidate, text: string, taxonomy: Taxonomy, context: string | undefined): Candidate {
  for (const sense of SENSES) {
    if (candidate.term.skill.id !== sense.from || !sense.surface.test(text.slice(candidate.start, candidate.end))) continue;
    const near = text.slice(Math.max(0, candidate.start - SENSE_REACH), candidate.end + SENSE_REACH);
    const around = context === undefined ? near : `${near}\n${context}`;
    const skill = taxonomy.getSkill(sense.to);
    if (skill && sense.cue.test(around) && !sense.unless.test(around)) return { ...candidate, term: { ...candidate.term, skill } };
  }
  return candidate;
}

/**
 * Finds the taxonomy skills named in a text, with the levels written near them.
 *
 * Never guesses: text that maps to no skill, or equally to two unrelated skills, is returned in
 * `unmapped` rather than forced onto the nearest skill.
 *
 * @param input free text in Chinese, English or both; full-width Latin is read as ASCII (and
 *   `unmapped` reports it so)
 * @param taxonomy the taxonomy to match against (the bundled one by default)
 * @param context text written with the input (the rest of its skill list), read only for the
 *   sense of a word whose skill depends on the work around it (`SENSES`)
 */
export function extractSkills(input: string, taxonomy: Taxonomy = loadTaxonomy(), context?: string): Extraction {
  const index = indexOf(taxonomy);
  // Same length as the input, so spans point into either.
  const text = toHalfWidth(input);
  const candidates: Candidate[] = [];
  scanTrie(text, index.folded, true, candidates);
  scanTrie(text, index.exact, false, candidates);
  const tokens = stemTokens(text, index);
  scanGrams(text, tokens, index, candidates);
  scanEnglishCoordination(text, tokens, index, candidates);
  scanCoordination(text, index.folded, candidates);
  const resolved = resolve(candidates.filter((candidate) => !isInsideAnotherWord(text, candidate.start, candidate.end)));
  // Dropped after overlap resolution, so that a negated or announcing span still hides the
  // shorter matches inside it, and is not reported as unmapped either.
  const kept = resolved
    .filter((candidate) => !isAnnouncement(text, candidate.start, candidate.end) && !isPossessedAbbreviation(candidate, text))
    .map((candidate) => inSense(candidate, text, taxonomy, context));
  // Each occurrence is one of: turned down (不想学焊接: none of the lists), lacking (不会CAD),
  // wished for (想学…), or held; the first cue that applies decides.
  const readAs = kept.map((c): 'refused' | 'negated' | 'wanted' | 'held' => (isRefusedAt(text, c.start) ? 'refused' : isNegatedAt(text, c.start, c.end) ? 'negated' : isWantedAt(text, c.start, c.end) ? 'wanted' : 'held'));
  const readAsOf = (kind: (typeof readAs)[number]) => kept.filter((_, i) => readAs[i] === kind);
  const negated = readAsOf('negated');
  const wanted = readAsOf('wanted');
  // A skill the text says is lacking is not held on another mention of it ("PLC没碰过，设备一上PLC
  // 就得叫厂家"): that mention is context, not experience.
  const lacking = new Set(negated.map((candidate) => candidate.term.skill.id));
  const accepted = readAsOf('held').filter((candidate) => !lacking.has(candidate.term.skill.id));

  const spans = accepted.map((candidate): Span => [candidate.start, candidate.end]);
  const mentions = findLevelMentions(text);
  const levels = levelsNearSpans(text, spans, mentions);

  // One item per skill: the most confident occurrence, with the highest level seen for it.
  const bySkill = new Map<string, { item: ExtractedSkill; level: Level | undefined }>();
  accepted.forEach((candidate, i) => {
    const { skill, kind } = candidate.term;
    const confidence = Math.round(CONFIDENCE[kind] * (candidate.typo ? TYPO_FACTOR : 1) * 100) / 100;
    const level = levels[i];
    const item: ExtractedSkill = { skillId: skill.id, label: { zh: skill.zh, en: skill.en }, confidence, span: [candidate.start, candidate.end] };
    const previous = bySkill.get(skill.id);
    const bestLevel = previous?.level === undefined ? level : level === undefined ? previous.level : (Math.max(level, previous.level) as Level);
    const better = previous === undefined || confidence > previous.item.confidence || (confidence === previous.item.confidence && candidate.start < previous.item.span[0]);
    bySkill.set(skill.id, { item: better ? item : previous.item, level: bestLevel });
  });
  const items = [...bySkill.values()]
    .map(({ item, level }) => (level === undefined ? item : { ...item, level }))
    .sort((a, b) => a.span[0] - b.span[0]);
  const wants: WantedSkill[] = [];
  const wantedLevels = levelsNearSpans(text, wanted.map((candidate): Span => [candidate.start, candidate.end]), mentions);
  wanted.forEach((candidate, i) => {
    const { skill } = candidate.term;
    if (bySkill.has(skill.id) || wants.some((w) => w.skillId === skill.id)) return;
    const level = wantedLevels[i];
    wants.push({ skillId: skill.id, label: { zh: skill.zh, en: skill.en }, text: input.slice(candidate.start, candidate.end), span: [candidate.start, candidate.end], ...(level === undefined ? {} : { level }) });
  });
  wants.sort((a, b) => a.span[0] - b.span[0]);

  // Level words are accounted for, so they are not "unmapped" either.
  const covered: Span[] = [...resolved.map((candidate): Span => [candidate.start, candidate.end]), ...mentions.map((mention): Span => [mention.start, mention.end])];
  let unmapped: string[] | undefined;
  return {
    items,
    wants,
    negated: negated.map((candidate): NegatedSkill => ({ skillId: candidate.term.skill.id, span: [candidate.start, candidate.end] })),
    // Computed on first read: ICU word segmentation costs more than all the matching above, and
    // most callers (matching, ranking) never read it.
    get unmapped(): string[] {
      unmapped ??= findUnmapped(text, covered);
      return unmapped;
    },
  };
}
