/**
 * Quality of learner → course recommendations against the labelled set in
 * `tests/fixtures/matching/` (graded 0–3 by hand before any recommender existed; see its README).
 * For every judged learner, the real use case (`makeRecommendCourses`) runs in memory over every
 * fixture record, normalised through the real schemas, with in-memory ports; its top 10 are
 * compared with the grades:
 *
 * - NDCG@10 with gain 2^grade − 1 (a pair not listed counts as 0);
 * - recall@10, relevant meaning grade ≥ 2.
 *
 * The recommender runs twice: with the shortage index computed from the fixture demands and
 * learners by the same model the service uses, and with a neutral one (every index 1), so the
 * effect of shortage weighting shows. Beside them, in the same run, a plain BM25 baseline
 * (MiniSearch, k1 1.2, b 0.75, no BM25+ floor): course title + description + skills + certificate,
 * queried with the learner's summary + skills + certificates, Chinese as character bigrams. A last
 * line counts the learners for whom the recommender (fixture shortage) is ahead of BM25, behind, or
 * level, on each measure.
 *
 * The grades are the test: nothing in the recommender is tuned on them.
 */
import MiniSearch from 'minisearch';
import type { AnyRecord, Course, Demand, Learner } from '#shared/domain/records.js';
import { shortageDetail, tallyShortage } from '#shared/domain/shortage.js';
import type { ShortageEntry, ShortageReader } from '#shared/ports/shortage.js';
import { CourseInputSchema } from '#shared/schemas/course.js';
import { DemandInputSchema } from '#shared/schemas/demand.js';
import { LearnerInputSchema } from '#shared/schemas/learner.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { matchingSkills } from '#shared/domain/matching/evidence.js';
import { recordFromInput } from '#shared/use-cases/records.js';
import { makeRecommendCourses } from '#shared/use-cases/recommend.js';
import { FixedShortage, MemoryCandidateIndex, MemoryCourseCatalogue, MemoryRecordStore } from '../unit/recommend/fakes.js';

/** One row of the report: one ranker over every judged learner. */
export interface RecommendationsEvalRow {
  readonly ranker: string;
  readonly queries: number;
  /** Mean NDCG@10. */
  readonly ndcg10: number;
  /** Mean recall@10 over the queries with at least one course graded ≥ 2. */
  readonly recall10: number;
  /** Mean number of courses returned (the recommender lists only courses raising some skill it aims at, so often fewer than K). */
  readonly meanReturned: number;
  /** Record-store reads per call, mean and max (the recommender only: the request bound). */
  readonly storeReads?: { readonly mean: number; readonly max: number };
}

import { judgementsOf, SETS, type SetName } from './matching.js';
import { evaluate, K, mean, readJsonl, skillText, tokenize } from './metrics.js';
const NOW = new Date('2026-06-01T00:00:00Z');
const clock = { now: () => NOW };

/** Records as the API would store them: parsed by the real schemas, so skills and regions are normalised. */
async function loadRecords(fixtures: URL) {
  const raw = {
    demands: await readJsonl<Record<string, unknown>>(fixtures, 'demands.jsonl'),
    learners: await readJsonl<Record<string, unknown>>(fixtures, 'learners.jsonl'),
    courses: await readJsonl<Record<string, unknown>>(fixtures, 'courses.jsonl'),
  };
  const demands = raw.demands.map((r) => recordFromInput('demand', 'eval-employer', DemandInputSchema.parse(r), undefined, NOW) as Demand);
  const learners = raw.learners.map((r) => ({ raw: r, record: recordFromInput('learner', `eval-${String(r.ref)}`, LearnerInputSchema.parse(r), undefined, NOW) as Learner }));
  const courses = raw.courses.map((r) => ({ raw: r, record: recordFromInput('course', 'eval-bureau', CourseInputSchema.parse(r), undefined, NOW) as Course }));
  return { demands, learners, courses };
}

/** The shortage index of the fixture records, by the service's own model, read as the DynamoDB store reads it. */
function fixtureShortage(records: readonly AnyRecord[]): ShortageReader {
  const counters = tallyShortage(records);
  return {
    async forRegion(region: string, skillIds?: readonly string[]): Promise<Map<string, ShortageEntry>> {
      const wanted = skillIds === undefined ? undefined : new Set(skillIds);
      const entries = new Map<string, ShortageEntry>();
      for (const counter of counters) {
        if (counter.region !== region || (wanted && !wanted.has(counter.skillId))) continue;
        const { skillId, demand, supply, index } = shortageDetail(counter, NOW);
        if (demand > 0 || supply > 0) entries.set(skillId, { skillId, region, demand, supply, index });
      }
      return entries;
    },
  };
}

const listText = (values: unknown): string => (Array.isArray(values) ? values.join(' ') : '');

/** Runs the evaluation and renders its table. */
export async function evalRecommendations(set: SetName = 'taxonomy words'): Promise<{ rows: RecommendationsEvalRow[]; text: string }> {
  const fixtures = SETS[set].dir;
  const taxonomy = loadTaxonomy();
  const { demands, learners, courses } = await loadRecords(fixtures);
  const judgements = await judgementsOf(SETS[set], 'learner->courses');
  const byQuery = new Map<string, Map<string, number>>();
  for (const j of judgements) {
    const judged = byQuery.get(j.query) ?? new Map<string, number>();
    judged.set(j.item, j.grade);
    byQuery.set(j.query, judged);
  }

  const all: AnyRecord[] = [...demands, ...learners.map((l) => l.record), ...courses.map((c) => c.record)];
  const store = new MemoryRecordStore(all, clock.now);
  // Skill vectors as the DynamoDB index stores them (record-index.ts): what matching counts.
  const candidates = new MemoryCandidateIndex(store, clock.now, (record) => matchingSkills(record, taxonomy));
  const refOfCourse = new Map(courses.map((c) => [c.record.id, c.record.ref]));
  const learnerByRef = new Map(learners.map((l) => [l.record.ref, l]));

  const storeReads = new Map<string, number[]>();
  const recommender = (name: string, shortage: ShortageReader) => {
    const recommend = makeRecommendCourses({ store, candidates, shortage, catalogue: new MemoryCourseCatalogue(store), clock, taxonomy });
    const reads: number[] = [];
    storeReads.set(name, reads);
    return async (learner: Learner): Promise<string[]> => {
      // The store counts the calls made to it; the index and the catalogue read its records directly.
      const before = store.calls;
      const answer = await recommend({ sub: learner.owner, role: 'jobseeker' }, learner.id, { limit: K, lang: 'zh' });
      reads.push(store.calls - before);
      return answer.items.map((i) => refOfCourse.get(i.id) ?? i.ref);
    };
  };

  const bm25 = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], tokenize, searchOptions: { bm25: { k: 1.2, b: 0.75, d: 0 } } });
  bm25.addAll(
    courses.map(({ raw }) => ({
      id: String(raw.ref),
      text: [raw.title, raw.description, skillText(raw.skillsTaught), raw.certificate ?? ''].join(' '),
    })),
  );
  const baseline = async (learner: Learner): Promise<string[]> => {
    const raw = learnerByRef.get(learner.ref)!.raw;
    const query = [raw.summary ?? '', skillText(raw.skills), listText(raw.certificates)].join(' ');
    return bm25.search(query).slice(0, K).map((hit) => String(hit.id));
  };

  const rankers: ReadonlyArray<[string, (learner: Learner) => Promise<string[]>]> = [
    ['recommender, shortage from fixtures', recommender('recommender, shortage from fixtures', fixtureShortage(all))],
    ['recommender, neutral shortage', recommender('recommender, neutral shortage', new FixedShortage())],
    ['BM25 baseline (MiniSearch)', baseline],
  ];

  const rows: RecommendationsEvalRow[] = [];
  const perLearner = new Map<string, Array<{ ndcg: number; recall: number }>>();
  for (const [name, rank] of rankers) {
    const ndcgs: number[] = [];
    const recalls: number[] = [];
    const returned: number[] = [];
    for (const [query, judged] of byQuery) {
      const learner = learnerByRef.get(query);
      if (!learner) throw new Error(`judgements name an unknown learner ${query}`);
      const ranked = await rank(learner.record);
      const { ndcg, recall } = evaluate(ranked, judged);
      // EVAL_TRACE=1 npm run eval: each learner's figures on stderr, to see which ones a change moved.
      if (process.env.EVAL_TRACE) console.error(`${name}\t${query}\t${ndcg.toFixed(3)}\t${recall.toFixed(3)}${process.env.EVAL_TRACE === 'lists' ? `\t${ranked.join(',')}\tgraded ${[...judged].map(([c, g]) => `${c}:${g}`).join(',')}` : ''}`);
      ndcgs.push(ndcg);
      recalls.push(recall);
      returned.push(Math.min(K, ranked.length));
    }
    perLearner.set(name, ndcgs.map((ndcg, i) => ({ ndcg, recall: recalls[i]! })));
    const reads = storeReads.get(name);
    rows.push({
      ranker: name,
      queries: ndcgs.filter((n) => Number.isFinite(n)).length,
      ndcg10: mean(ndcgs),
      recall10: mean(recalls),
      meanReturned: mean(returned),
      ...(reads && reads.length > 0 ? { storeReads: { mean: mean(reads), max: Math.max(...reads) } } : {}),
    });
  }

  const header = '| ranker | learners | NDCG@10 | recall@10 (grade ≥ 2) | courses returned (mean) | store reads per call (mean / max) |\n| --- | ---: | ---: | ---: | ---: | ---: |';
  const lines = rows.map(
    (r) =>
      `| ${r.ranker} | ${r.queries} | ${r.ndcg10.toFixed(3)} | ${r.recall10.toFixed(3)} | ${r.meanReturned.toFixed(1)} | ${r.storeReads ? `${r.storeReads.mean.toFixed(1)} / ${r.storeReads.max}` : '—'} |`,
  );
  // Per learner, the recommender (fixture shortage) against BM25: how often each is ahead.
  const mine = perLearner.get(rankers[0]![0])!;
  const theirs = perLearner.get(rankers[rankers.length - 1]![0])!;
  const paired = (metric: 'ndcg' | 'recall') => {
    const pairs = mine.map((m, i) => [m[metric], theirs[i]![metric]] as const).filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
    const better = pairs.filter(([a, b]) => a > b + 1e-9).length;
    const worse = pairs.filter(([a, b]) => a < b - 1e-9).length;
    return `better on ${better}, worse on ${worse}, equal on ${pairs.length - better - worse}`;
  };
  const unanswerable = mine.filter((m) => !Number.isFinite(m.ndcg)).length;
  const text = [
    `Learner → courses over the ${set} set (${courses.length} courses, ${demands.length} demands, ${learners.length} learners; ${judgements.length} judgements for ${byQuery.size} learners${unanswerable > 0 ? `, of whom ${unanswerable} with no fitting course are left out of the NDCG means` : ''}).`,
    '',
    header,
    ...lines,
    '',
    `Per learner, ${rankers[0]![0]} vs BM25: NDCG@10 ${paired('ndcg')}; recall@10 ${paired('recall')}.`,
  ].join('\n');
  return { rows, text };
}
