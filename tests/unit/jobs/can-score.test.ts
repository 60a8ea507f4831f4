import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCanScore } from '../../../shared/domain/jobs/can-score.js';
import { rankMatch, scoreMatch } from '../../../shared/domain/matching/score.js';
import type { Have, Need } from '../../../shared/domain/matching/types.js';
import { loadTaxonomy } from '../../../shared/taxonomy/taxonomy.js';
import { miniTaxonomyData } from '../../fixtures/taxonomy-mini/index.js';

/**
 * The job search skips the matcher for a demand that cannot score for the seeker: that shortcut
 * must never hide a score above 0. Fixed seed: the same cases on every run.
 */

const taxonomy = loadTaxonomy(miniTaxonomyData);
const SKILLS = [...taxonomy.skills.keys()];
const GRAMS = ['电池', '模组', '装配', '万用', '用表', 'pack', '叉车', '仓库'];
const REGIONS = ['110119', '110108', '110000', '440305', 'national'];
const SEED = 20261207;

const level = fc.constantFrom(null, 1, 2, 3, 4, 5);
const have: fc.Arbitrary<Have> = fc.oneof(
  fc.record({ skillId: fc.constantFrom(...SKILLS), level, fuzzy: fc.boolean() }),
  fc.record({ skillId: fc.constantFrom(...GRAMS.map((g) => `~${g}`)), level: fc.constant(null) }),
);
const need: fc.Arbitrary<Need> = fc.oneof(
  fc.record({ skillId: fc.constantFrom(...SKILLS), level, role: fc.constantFrom('required' as const, 'preferred' as const), fuzzy: fc.boolean(), grams: fc.subarray(GRAMS, { maxLength: 2 }) }),
  fc.record({
    skillId: fc.subarray(GRAMS, { minLength: 1, maxLength: 3 }).map((gs) => `~${gs.join('+')}`),
    level: fc.constant(null),
    role: fc.constantFrom('required' as const, 'preferred' as const),
  }),
);
const ctx = fc.record({ demandRegion: fc.constantFrom(...REGIONS), learnerRegion: fc.constantFrom(...REGIONS), online: fc.boolean() });

describe('can-score shortcut of the job search', () => {
  it('says "cannot score" only for demands the matcher scores exactly 0', () => {
    let skipped = 0;
    fc.assert(
      fc.property(fc.array(have, { maxLength: 5 }), fc.array(need, { minLength: 1, maxLength: 4 }), ctx, (haves, needs, c) => {
        // Act
        const can = makeCanScore(haves, taxonomy)(needs);

        // Assess
        if (!can) {
          skipped += 1;
          expect(rankMatch(needs, haves, c, taxonomy).score).toBe(0);
          expect(scoreMatch(needs, haves, c, taxonomy).score).toBe(0);
        }
      }),
      { seed: SEED, numRuns: 2000 },
    );
    // The shortcut is taken often enough for the property to mean something.
    expect(skipped).toBeGreaterThan(100);
  });

  it('asks the matcher for a need held, one held through a neighbour, or one sharing a held word', () => {
    // Prepare
    const a = SKILLS.find((id) => taxonomy.childrenOf(id).length > 0)!;
    const child = taxonomy.childrenOf(a)[0]!.id;
    const neighbours = (id: string) => [...taxonomy.childrenOf(id), ...taxonomy.parentsOf(id), ...taxonomy.relatedOf(id)].map((s) => s.id);
    const unrelated = SKILLS.find((id) => id !== child && !neighbours(id).includes(child))!;
    const needOf = (skillId: string, grams?: string[]): Need => ({ skillId, level: null, role: 'required', ...(grams ? { grams } : {}) });

    // Act
    const can = makeCanScore([{ skillId: child, level: null }, { skillId: '~叉车', level: null }], taxonomy);

    // Assess
    expect(can([needOf(child)])).toBe(true);
    expect(can([needOf(a)])).toBe(true);
    expect(can([needOf('~叉车+仓库')])).toBe(true);
    expect(can([needOf(unrelated, ['叉车'])])).toBe(true);
    expect(can([needOf(unrelated)])).toBe(false);
    expect(can([needOf('~电池+pack')])).toBe(false);
    expect(can([needOf('~电池+pack'), needOf(child)])).toBe(true);
  });
});
