/**
 * Quality of skill extraction against the labelled set in `tests/fixtures/extraction/`
 * (`phrases.jsonl`, `postings.jsonl`): micro precision and recall over (line, skill) pairs, per
 * split and language, and level accuracy where a level is labelled.
 *
 * Tune on `dev` only. The `test` figures are reported so that over-fitting shows, never studied
 * item by item.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { extractSkills } from '#shared/taxonomy/extract.js';
import type { Level } from '#shared/taxonomy/levels.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';

/** One labelled line. */
export interface LabelledLine {
  readonly id: string;
  readonly text: string;
  readonly lang: string;
  readonly expected: readonly string[];
  readonly levels?: Readonly<Record<string, Level>>;
  readonly split: 'dev' | 'test';
}

/** One row of the report: a split, sliced by source file and language ('all' for the total). */
export interface ExtractionEvalRow {
  readonly split: 'dev' | 'test';
  readonly source: string;
  readonly lang: string;
  readonly lines: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Labelled levels whose skill was found. */
  readonly levelsJudged: number;
  /** Share of `levelsJudged` given the labelled level; NaN when none. */
  readonly levelAccuracy: number;
  /** Share of `levelsJudged` given any level at all; NaN when none. */
  readonly levelFound: number;
}

const FILES = ['phrases.jsonl', 'postings.jsonl'] as const;
const fixtures = new URL('../fixtures/extraction/', import.meta.url);

/** Reads the labelled lines of one file; a missing file is an empty set, a bad line an error. */
export async function readLabelled(file: string): Promise<LabelledLine[]> {
  let body: string;
  try {
    body = await readFile(fileURLToPath(new URL(file, fixtures)), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = JSON.parse(line) as LabelledLine;
      if (typeof parsed.text !== 'string' || !Array.isArray(parsed.expected) || (parsed.split !== 'dev' && parsed.split !== 'test')) {
        throw new Error(`${file}:${index + 1}: expected { id, text, lang, expected: [], split: dev|test }`);
      }
      return parsed;
    });
}

interface Counts {
  lines: number;
  tp: number;
  fp: number;
  fn: number;
  judged: number;
  levelRight: number;
  levelGiven: number;
}

const emptyCounts = (): Counts => ({ lines: 0, tp: 0, fp: 0, fn: 0, judged: 0, levelRight: 0, levelGiven: 0 });
const ratio = (a: number, b: number): number => (b === 0 ? Number.NaN : a / b);
const pct = (value: number): string => (Number.isNaN(value) ? '   –  ' : `${(value * 100).toFixed(1).padStart(5)}%`);

/**
 * Runs `extractSkills` (bundled taxonomy) on every labelled line and reports micro precision,
 * recall, F1 and level accuracy per split, source and language.
 */
export async function evalExtraction(): Promise<{ rows: ExtractionEvalRow[]; text: string }> {
  const taxonomy = loadTaxonomy();
  const counts = new Map<string, Counts>();
  const bump = (key: string, update: (counts: Counts) => void): void => {
    const entry = counts.get(key) ?? emptyCounts();
    update(entry);
    counts.set(key, entry);
  };

  let total = 0;
  for (const file of FILES) {
    const source = file.replace('.jsonl', '');
    for (const line of await readLabelled(file)) {
      total += 1;
      const { items } = extractSkills(line.text, taxonomy);
      const found = new Map(items.map((item) => [item.skillId, item]));
      const expected = new Set(line.expected);
      const tp = [...found.keys()].filter((id) => expected.has(id)).length;
      const fp = found.size - tp;
      const fn = expected.size - tp;
      // EVAL_TRACE=1 npm run eval -- --only=extraction: each dev line's misses and extras on stderr (never the test split).
      if (process.env.EVAL_TRACE && line.split === 'dev' && fp + fn > 0) {
        const extra = [...found.keys()].filter((id) => !expected.has(id));
        const missed = [...expected].filter((id) => !found.has(id));
        console.error(`${line.id}\t+${extra.join(',')}\t-${missed.join(',')}\t${line.text.slice(0, 80)}`);
      }
      let judged = 0;
      let levelRight = 0;
      let levelGiven = 0;
      for (const [skillId, level] of Object.entries(line.levels ?? {})) {
        const item = found.get(skillId);
        if (item === undefined) continue;
        judged += 1;
        if (item.level !== undefined) levelGiven += 1;
        if (item.level === level) levelRight += 1;
      }
      for (const key of [`${line.split}|all|all`, `${line.split}|all|${line.lang}`, `${line.split}|${source}|all`]) {
        bump(key, (entry) => {
          entry.lines += 1;
          entry.tp += tp;
          entry.fp += fp;
          entry.fn += fn;
          entry.judged += judged;
          entry.levelRight += levelRight;
          entry.levelGiven += levelGiven;
        });
      }
    }
  }

  const rows: ExtractionEvalRow[] = [...counts.entries()]
    .map(([key, entry]) => {
      const [split, source, lang] = key.split('|') as ['dev' | 'test', string, string];
      const precision = ratio(entry.tp, entry.tp + entry.fp);
      const recall = ratio(entry.tp, entry.tp + entry.fn);
      return {
        split,
        source,
        lang,
        lines: entry.lines,
        truePositives: entry.tp,
        falsePositives: entry.fp,
        falseNegatives: entry.fn,
        precision,
        recall,
        f1: (2 * precision * recall) / (precision + recall),
        levelsJudged: entry.judged,
        levelAccuracy: ratio(entry.levelRight, entry.judged),
        levelFound: ratio(entry.levelGiven, entry.judged),
      };
    })
    .sort(
      (a, b) =>
        a.split.localeCompare(b.split) ||
        Number(a.source !== 'all' || a.lang !== 'all') - Number(b.source !== 'all' || b.lang !== 'all') ||
        Number(a.source === 'all') - Number(b.source === 'all') ||
        a.source.localeCompare(b.source) ||
        a.lang.localeCompare(b.lang),
    );

  const header = 'split  slice             lines    TP    FP    FN  precision  recall     F1   levels  level acc  level found';
  const lines = rows.map((row) => {
    const slice = row.source === 'all' && row.lang === 'all' ? 'ALL' : row.source === 'all' ? `lang ${row.lang}` : row.source;
    return [
      row.split.padEnd(5),
      slice.padEnd(16),
      String(row.lines).padStart(6),
      String(row.truePositives).padStart(5),
      String(row.falsePositives).padStart(5),
      String(row.falseNegatives).padStart(5),
      pct(row.precision).padStart(10),
      pct(row.recall).padStart(7),
      pct(row.f1).padStart(6),
      String(row.levelsJudged).padStart(8),
      pct(row.levelAccuracy).padStart(10),
      pct(row.levelFound).padStart(12),
    ].join(' ');
  });
  const text =
    total === 0
      ? 'No labelled lines found in tests/fixtures/extraction/ (phrases.jsonl, postings.jsonl).'
      : [
          `Skill extraction, taxonomy ${taxonomy.version}: micro precision/recall over (line, skill) pairs; ` +
            'level accuracy over labelled levels whose skill was found.',
          header,
          '-'.repeat(header.length),
          ...lines,
        ].join('\n');
  return { rows, text };
}
