import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/domain/caller.js';
import { makeLearnerComputer } from '../../../shared/domain/campaign/compute.js';
import { CSV_COLUMNS, csvRow } from '../../../shared/domain/campaign/csv.js';
import type { Campaign, CampaignResult } from '../../../shared/domain/campaign/types.js';
import { isLexical, partitionsOf } from '../../../shared/domain/matching/lexical.js';
import type { Learner } from '../../../shared/domain/records.js';
import type { Candidate, CandidateIndex } from '../../../shared/ports/candidate-index.js';
import type { RecordStore } from '../../../shared/ports/record-store.js';
import { loadSubsidyRules } from '../../../shared/schemas/subsidy-rules.js';
import { loadTaxonomy } from '../../../shared/taxonomy/taxonomy.js';
import { makeTakeSnapshot } from '../../../shared/use-cases/campaign/snapshot.js';
import { makeMatchLearner } from '../../../shared/use-cases/match.js';
import { recordIndex } from '../../../shared/use-cases/record-index.js';
import { colloquialMarket } from '../../fixtures/colloquial-market.js';

/**
 * A campaign scores a pair as the online matcher does, lexical evidence included: records written
 * the way people write (phrases the taxonomy does not name, a summary), run through the real
 * schemas and the real index entry (`recordIndex`), matched online (`makeMatchLearner`) and in a
 * campaign (`makeTakeSnapshot` + `makeLearnerComputer`).
 */

const taxonomy = loadTaxonomy();
const rules = loadSubsidyRules();
const NOW = new Date('2026-06-01T00:00:00Z');
const clock = { now: () => NOW };

const { careWords, demands, learners } = colloquialMarket(NOW);

/** The skill index as the record store writes it: each demand's vector under every partition of it. */
const index: CandidateIndex = {
  find: async (q) => ({
    candidates: demands.flatMap((d): Candidate[] => {
      const { skills, partitions } = recordIndex(d);
      return q.kind === 'demand' && partitions.some((p) => q.skillIds.includes(p)) ? [{ kind: 'demand', id: d.id, ref: d.ref, region: d.region, skills, title: d.title, employer: d.employer, headcount: d.headcount }] : [];
    }),
    truncated: false,
  }),
};
const store = {
  get: async (kind: string, id: string) => learners.find((l) => l.kind === kind && l.id === id),
  listByRegion: async () => ({ items: demands }),
  listBySkill: async () => ({ items: [] }),
} as unknown as RecordStore;
/** Each learner asks for their own matches. */
const self = (l: Learner): Caller => ({ sub: l.owner, role: 'jobseeker' });
const campaign = { region: '110000', request: { region: '110000', limitPerLearner: 5, threshold: 0, assign: false } } as unknown as Pick<Campaign, 'region' | 'request'>;

async function campaignComputer() {
  const snapshot = await makeTakeSnapshot({ store, shortage: { forRegion: async () => new Map() }, taxonomy, clock })(campaign);
  return { snapshot, compute: makeLearnerComputer(snapshot, { taxonomy, rules, limit: 5, threshold: 0 }) };
}

describe('campaign matching with lexical evidence', () => {
  it('matches a demand whose only needs are unmapped words in a campaign as it is online', async () => {
    // Prepare
    const { snapshot, compute } = await campaignComputer();
    const carer = learners[0]!;
    const online = makeMatchLearner({ store, candidates: index, clock, taxonomy });

    // Act
    const inCampaign = compute(carer).matches.find((m) => m.id === careWords.id);
    const live = (await online(self(carer), carer.id, { limit: 5, lang: 'zh' })).items.find((m) => m.id === careWords.id);

    // Assess: the demand keeps its word needs in the snapshot, and the carer's summary meets them.
    expect(snapshot.demands.find((d) => d.id === careWords.id)?.needs.every((n) => isLexical(n.skillId))).toBe(true);
    expect(inCampaign?.score).toBeGreaterThan(0);
    expect(inCampaign?.score).toBe(live?.score);
    expect(inCampaign?.explanation.summary).toMatch(/相近表述/);
    expect(inCampaign?.explanation.summary).toBe(live?.explanation.summary);
  });

  it('gives every learner the same list, scores and explanations as GET /learners/{id}/matches', async () => {
    // Prepare
    const { compute } = await campaignComputer();
    const online = makeMatchLearner({ store, candidates: index, clock, taxonomy });

    for (const l of learners) {
      // Act
      const inCampaign = compute(l).matches.map((m) => [m.id, m.score, m.explanation.summary]);
      const live = (await online(self(l), l.id, { limit: 5, lang: 'zh' })).items.map((m) => [m.id, m.score, m.explanation.summary]);

      // Assess
      expect(inCampaign, l.ref).toEqual(live);
    }
  });

  it('reads shortage for taxonomy skills only, not for words', async () => {
    // Prepare
    const asked: string[] = [];
    const forRegion = async (_region: string, skillIds: readonly string[] = []) => {
      asked.push(...skillIds);
      return new Map();
    };

    // Act
    const snapshot = await makeTakeSnapshot({ store, shortage: { forRegion }, taxonomy, clock })(campaign);

    // Assess
    expect(snapshot.demands.some((d) => d.needs.some((n) => isLexical(n.skillId)))).toBe(true);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter(isLexical)).toEqual([]);
  });

  it('keeps every demand whose needs the online matcher would score, and their grams', async () => {
    // Act
    const { snapshot } = await campaignComputer();

    // Assess: the snapshot's needs carry every partition the index writes for the demand.
    for (const d of demands) {
      const needs = snapshot.demands.find((s) => s.id === d.id)?.needs ?? [];
      expect(partitionsOf(needs.map((n) => ({ ...n, grams: n.grams ?? [] }))).sort(), d.ref).toEqual([...recordIndex(d).partitions].sort());
    }
  });

  it('leaves words out of the gap: a lexical need aims at no course', async () => {
    // Prepare
    const { compute } = await campaignComputer();

    // Act
    const outcomes = learners.map((l) => compute(l));

    // Assess: word needs were matched and missed, yet no gap skill is a word.
    expect(outcomes.some((o) => o.matches.some((m) => [...m.explanation.partial, ...m.explanation.missing].some((e) => isLexical(e.skillId))))).toBe(true);
    expect(outcomes.some((o) => o.gap.length > 0)).toBe(true);
    expect(outcomes.flatMap((o) => o.gap.map((g) => g.skillId)).filter(isLexical)).toEqual([]);
  });

  it('names a missing word need by its words in the CSV', async () => {
    // Prepare
    const { compute } = await campaignComputer();
    const carer = learners[0]!;
    const outcome = compute(carer);
    const wordsOnly = outcome.matches.filter((m) => m.id === careWords.id);
    const result: CampaignResult = { ...outcome, matches: wordsOnly, learner: { id: carer.id, ref: carer.ref, group: carer.group, region: carer.region }, page: 0 };

    // Act
    const cells = csvRow(result, taxonomy).split(',');

    // Assess
    expect(wordsOnly[0]?.explanation.missing.map((e) => e.skillId)).toEqual(['~看英+英文+文设+设备+备手+手册']);
    expect(cells[CSV_COLUMNS.indexOf('best_missing_skills')]).toBe('看英文设备手册');
  });
});
