/**
 * Synthetic campaign markets for the campaign benchmark, from the real taxonomy's skill ids with a
 * realistic skew: a record's skills mostly come from one category, and within a category the r-th
 * skill is picked with weight 1/(r+1), so a few skills are everywhere and most are rare. Demands
 * need 3–8 skills (about 60 % required), learners hold 2–8, levels are often missing. Seeded: every
 * run builds the same market.
 */
import type { Need } from '../../shared/domain/matching/types.js';
import type { LearnerGroup } from '../../shared/schemas/learner.js';
import type { Level } from '../../shared/taxonomy/levels.js';
import { loadTaxonomy, type Skill } from '../../shared/taxonomy/taxonomy.js';
import { prng } from '../fixtures/campaign-records.js';

/** About 30 districts in six provinces, the pilot's home districts heavier. */
export const BENCH_REGIONS: ReadonlyArray<readonly [string, number]> = [
  ['110119', 6], ['110108', 8], ['110105', 6], ['110114', 4], ['110115', 3], ['110106', 3], ['110116', 2], ['110117', 2],
  ['310115', 7], ['310104', 4], ['310112', 3], ['310110', 2],
  ['440305', 7], ['440106', 6], ['441900', 5], ['440304', 4], ['440104', 3],
  ['320505', 4], ['320583', 3], ['320106', 3], ['320211', 2],
  ['330106', 5], ['330108', 3], ['330212', 2],
  ['510107', 5], ['510104', 3], ['510116', 2],
  ['130731', 2], ['130102', 2], ['130602', 2],
];

/** Beijing's districts: the end-to-end run is one municipal bureau's campaign (region 110000). */
export const BEIJING_REGIONS: ReadonlyArray<readonly [string, number]> = BENCH_REGIONS.filter(([code]) => code.startsWith('11'));

export interface SkillPick {
  readonly skillId: string;
  readonly level: Level | null;
}

export interface MarketDemand {
  readonly region: string;
  readonly needs: readonly Need[];
  readonly headcount: number;
}

export interface MarketLearner {
  readonly region: string;
  readonly skills: readonly SkillPick[];
  readonly group: LearnerGroup;
}

const GROUPS: ReadonlyArray<readonly [LearnerGroup, number]> = [['migrant_worker', 5], ['graduate', 4], ['laid_off', 2], ['veteran', 1], ['employed_upskilling', 2], ['other', 2], ['disabled', 0.3]];

/** A seeded market generator over the bundled taxonomy. */
export function marketGenerator(seed: number, regions: ReadonlyArray<readonly [string, number]> = BENCH_REGIONS) {
  const rand = prng(seed);
  const weighted = <T>(items: ReadonlyArray<readonly [T, number]>): T => {
    let r = rand.next() * items.reduce((s, [, w]) => s + w, 0);
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1]![0];
  };
  const taxonomy = loadTaxonomy();
  const byCategory = new Map<string, Skill[]>();
  for (const skill of taxonomy.skills.values()) {
    if (skill.deprecated) continue;
    byCategory.set(skill.category, [...(byCategory.get(skill.category) ?? []), skill]);
  }
  const categories = [...byCategory.keys()];
  const skillWeights = new Map([...byCategory].map(([c, skills]) => [c, skills.map((s, r) => [s.id, 1 / (r + 1)] as const)]));
  const distinctSkills = [...byCategory.values()].reduce((s, l) => s + l.length, 0);

  const pickSkills = (count: number, levelChance: number, levels: readonly Level[]): SkillPick[] => {
    const category = rand.pick(categories);
    const chosen = new Set<string>();
    for (let tries = 0; chosen.size < count && tries < count * 10; tries++) {
      // Mostly one field, sometimes a skill from another (office software, a second trade).
      chosen.add(weighted(skillWeights.get(rand.next() < 0.85 ? category : rand.pick(categories))!));
    }
    return [...chosen].map((skillId) => ({ skillId, level: rand.next() < levelChance ? rand.pick(levels) : null }));
  };

  return {
    distinctSkills,
    demand(): MarketDemand {
      const picks = pickSkills(3 + rand.int(6), 0.5, [2, 3, 4]);
      const required = Math.max(1, Math.round(picks.length * 0.6));
      return { region: weighted(regions), needs: picks.map((p, i) => ({ ...p, role: i < required ? 'required' : 'preferred' })), headcount: 1 + rand.int(5) };
    },
    learner(): MarketLearner {
      return { region: weighted(regions), skills: pickSkills(2 + rand.int(7), 0.6, [1, 2, 3, 4, 5]), group: weighted(GROUPS) };
    },
    course(): { region: string; skills: SkillPick[]; level: Level; seats: number; priceYuan: number; mode: 'online' | 'offline' | 'blended' } {
      return {
        region: rand.next() < 0.3 ? '110000' : weighted(regions),
        skills: pickSkills(1 + rand.int(4), 1, [2, 3, 4]),
        level: (2 + rand.int(2)) as Level,
        seats: 10 + rand.int(40),
        priceYuan: 800 + 200 * rand.int(20),
        mode: rand.pick(['online', 'offline', 'blended'] as const),
      };
    },
  };
}
