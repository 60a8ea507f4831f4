/**
 * Synthetic campaign markets for the campaign benchmark, from the real taxonomy's skill ids with a
 * realistic skew: a record's skills mostly come from one category, and within a category the r-th
 * skill is picked with weight 1/(r+1), so a few skills are everywhere and most are rare. Demands
 * need 3–8 skills (about 60 % required), learners hold 2–8, levels are often missing. Seeded: every
 * run builds the same market.
 *
 * Words, as the skill index holds them: a demand names each skill in the taxonomy's Chinese label
 * (so each named need carries the grams of that phrase), and about one record in four also writes a
 * phrase the taxonomy does not name (a demand's lexical need, a learner's grams). Words come from
 * their own seeded stream, so the skills drawn are the same with or without them.
 */
import { lexicalHaves, lexicalNeeds, withPhraseGrams } from '../../shared/domain/matching/lexical.js';
import { havesOf, needsOf } from '../../shared/domain/matching/score.js';
import type { Have, Need } from '../../shared/domain/matching/types.js';
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
  /** Taxonomy skill needs (without words). */
  readonly needs: readonly Need[];
  readonly headcount: number;
  /** A phrase the taxonomy does not name, when the posting writes one. */
  readonly unnamed?: { readonly text: string; readonly role: Need['role'] };
}

export interface MarketLearner {
  readonly region: string;
  readonly skills: readonly SkillPick[];
  readonly group: LearnerGroup;
  /** A phrase the taxonomy does not name, when the résumé writes one. */
  readonly unnamed?: string;
}

/** Phrases from postings and résumés, counted as naming no skill: lexical evidence. */
export const UNNAMED_PHRASES = [
  '万用表用得熟', '电池PACK', '模组装配', '绝缘耐压测试', '看电气图', '大疆M300操作', '精灵4RTK', 'RTK打像控点', '起降点操作、换电池',
  '发那科0i系统', '对刀', '打螺丝', '贴标签', 'K&S焊线机调机', 'DISCO划片机', '看英文设备手册', '配电柜接线', '产品讲解话术', '控场',
  '压疮预防', '翻身擦身', '喷头流量', '地块规划', '拉框打点', '2D/3D融合标注', '千川投流', '顶班直播', '出巡检报告', '红外测温',
];

const labelOf = (taxonomy: ReturnType<typeof loadTaxonomy>, skillId: string) => taxonomy.getSkill(skillId)?.zh ?? skillId;

/**
 * A demand's needs as the online matcher scores them (`matchingSkills` for a posting that names
 * each skill by its label): each named need with the grams of its label, and the unnamed phrase
 * as a lexical need. Without words: the skill needs alone.
 */
export function demandNeeds(d: MarketDemand, words = true): Need[] {
  if (!words) return [...d.needs];
  const taxonomy = loadTaxonomy();
  const indexed = d.needs.map((n) => ({ skillId: n.skillId, level: n.level, role: n.role }));
  const phrases = d.needs.map((n) => ({ text: labelOf(taxonomy, n.skillId), skillId: n.skillId }));
  const unnamed = d.unnamed ? [{ text: d.unnamed.text, skillId: null }] : [];
  return needsOf([
    ...withPhraseGrams(indexed, phrases),
    ...lexicalNeeds(d.unnamed?.role === 'required' ? unnamed : [], d.unnamed?.role === 'preferred' ? unnamed : []),
  ]);
}

/** A learner's haves as the online matcher scores them: named skills, and the grams of the unnamed phrase. */
export function learnerHaves(l: MarketLearner, words = true): Have[] {
  return [...l.skills, ...(words && l.unnamed ? havesOf(lexicalHaves([l.unnamed], 'held')) : [])];
}

const GROUPS: ReadonlyArray<readonly [LearnerGroup, number]> = [['migrant_worker', 5], ['graduate', 4], ['laid_off', 2], ['veteran', 1], ['employed_upskilling', 2], ['other', 2], ['disabled', 0.3]];

/** A seeded market generator over the bundled taxonomy. */
export function marketGenerator(seed: number, regions: ReadonlyArray<readonly [string, number]> = BENCH_REGIONS) {
  const rand = prng(seed);
  // Words from their own stream: the skills drawn do not depend on them.
  const wordRand = prng(seed + 1);
  const unnamed = (): string | undefined => (wordRand.next() < 0.25 ? UNNAMED_PHRASES[wordRand.int(UNNAMED_PHRASES.length)] : undefined);
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
      const text = unnamed();
      return {
        region: weighted(regions),
        needs: picks.map((p, i) => ({ ...p, role: i < required ? 'required' : 'preferred' })),
        headcount: 1 + rand.int(5),
        ...(text !== undefined ? { unnamed: { text, role: wordRand.next() < 0.6 ? ('required' as const) : ('preferred' as const) } } : {}),
      };
    },
    learner(): MarketLearner {
      const text = unnamed();
      return { region: weighted(regions), skills: pickSkills(2 + rand.int(7), 0.6, [1, 2, 3, 4, 5]), group: weighted(GROUPS), ...(text !== undefined ? { unnamed: text } : {}) };
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
