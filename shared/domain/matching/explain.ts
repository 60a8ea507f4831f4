import { levelLabel } from '../../taxonomy/levels.js';
import type { Level } from '../../taxonomy/levels.js';
import type { MatchBreakdown, RankedMatch, SkillEvidence } from './types.js';

/**
 * Plain sentences about a match for a bureau officer, an employer or a job seeker, in Chinese or
 * English: what matched, what is partly met and why, what is missing, and where.
 */

export type Lang = 'zh' | 'en';

/** Skills named in one list before the rest are counted ("…等3项" / "and 3 more"). */
const LIST_MAX = 5;

const WORDS = {
  zh: {
    sep: '、',
    clause: '；',
    stop: '。',
    more: (n: number) => `等${n}项`,
    allRequired: (total: number, names: string) => `满足全部${total}项必需技能（${names}）`,
    someRequired: (met: number, total: number, names: string) => `满足${total}项必需技能中的${met}项（${names}）`,
    noRequired: (total: number) => (total === 1 ? '必需技能未完全满足' : `${total}项必需技能均未完全满足`),
    noneListed: '没有可识别的必需技能',
    preferred: (names: string) => `另具备优先技能：${names}`,
    lowLevel: (skill: string, held: string, needed: string) => `${skill}等级低于要求（持有${held}，需要${needed}）`,
    unstated: (skill: string, needed: string) => `${skill}未注明等级（需要${needed}）`,
    via: { child: (skill: string, via: string) => `${skill}：具备更具体的${via}`, parent: (skill: string, via: string) => `${skill}：具备更宽泛的${via}`, related: (skill: string, via: string) => `${skill}：具备相关技能${via}` },
    viaLow: '，等级低于要求',
    lexical: (skill: string, words: string) => `${skill}：相近表述：${words}`,
    fuzzy: (skill: string) => `${skill}（按相近表述对应）`,
    attested: (skill: string, credential: string) => `${skill}（凭${credential}）`,
    fromTitle: (skill: string) => `${skill}（据岗位名称）`,
    missing: (names: string) => `缺少：${names}`,
    missingPreferred: (names: string) => `未具备优先技能：${names}`,
  },
  en: {
    sep: ', ',
    clause: '; ',
    stop: '. ',
    more: (n: number) => `and ${n} more`,
    allRequired: (total: number, names: string) => `Meets all ${total} required skill${total === 1 ? '' : 's'} (${names})`,
    someRequired: (met: number, total: number, names: string) => `Meets ${met} of ${total} required skills (${names})`,
    noRequired: (total: number) => (total === 1 ? 'Does not fully meet the required skill' : `Fully meets none of the ${total} required skills`),
    noneListed: 'No recognised required skills',
    preferred: (names: string) => `also has preferred: ${names}`,
    lowLevel: (skill: string, held: string, needed: string) => `${skill} below the level asked (holds ${held}, needs ${needed})`,
    unstated: (skill: string, needed: string) => `${skill}: level not stated (needs ${needed})`,
    via: { child: (skill: string, via: string) => `${skill}: has the more specific ${via}`, parent: (skill: string, via: string) => `${skill}: has the broader ${via}`, related: (skill: string, via: string) => `${skill}: has the related ${via}` },
    viaLow: ', below the level asked',
    lexical: (skill: string, words: string) => `${skill}: similar wording: ${words}`,
    fuzzy: (skill: string) => `${skill} (matched by similar wording)`,
    attested: (skill: string, credential: string) => `${skill} (by ${credential})`,
    fromTitle: (skill: string) => `${skill} (from the job title)`,
    missing: (names: string) => `missing: ${names}`,
    missingPreferred: (names: string) => `lacks preferred: ${names}`,
  },
} as const;

const names = (list: readonly SkillEvidence[], lang: Lang): string => {
  const w = WORDS[lang];
  const shown = list.slice(0, LIST_MAX).map((e) => {
    const label = e.fromTitle ? w.fromTitle(e.label[lang]) : e.label[lang];
    return e.attestedBy ? w.attested(label, e.attestedBy.label[lang]) : label;
  });
  const rest = list.length - shown.length;
  return rest > 0 ? `${shown.join(w.sep)}${lang === 'zh' ? '' : w.sep}${w.more(rest)}` : shown.join(w.sep);
};

const level = (value: Level, lang: Lang): string => levelLabel(value, lang);

/** Why one need is only partly met: a lower level, an unstated level, or another skill standing in. */
function partialReason(e: SkillEvidence, lang: Lang): string {
  const w = WORDS[lang];
  const skill = e.fromTitle ? w.fromTitle(e.label[lang]) : e.label[lang];
  if (e.lexical) return w.lexical(skill, e.lexical.matched.join(w.sep));
  if (e.fuzzy && !e.via && (e.needed === null || (e.held !== null && e.held >= e.needed))) return w.fuzzy(skill);
  if (e.via) {
    const shortOfLevel = e.needed !== null && e.held !== null && e.held < e.needed;
    return w.via[e.via.relation](skill, e.via.label[lang]) + (shortOfLevel ? w.viaLow : '');
  }
  if (e.needed !== null && e.held === null) return w.unstated(skill, level(e.needed, lang));
  if (e.needed !== null && e.held !== null) return w.lowLevel(skill, level(e.held, lang), level(e.needed, lang));
  return skill;
}

/**
 * One paragraph about a match, e.g.
 * "满足3项必需技能中的2项（多旋翼无人机驾驶、无人机航拍）；无人机维修等级低于要求（持有五级/初级工，需要四级/中级工）；缺少：电力巡检。同在北京市延庆区。"
 * / "Meets 2 of 3 required skills (…); UAV maintenance below the level asked (holds Elementary,
 * needs Working knowledge); missing: Power line inspection. Both in 北京市延庆区."
 */
export function explainMatch(breakdown: MatchBreakdown, lang: Lang): string {
  const w = WORDS[lang];
  const requiredMatched = breakdown.matched.filter((e) => e.role === 'required');
  const preferredMatched = breakdown.matched.filter((e) => e.role === 'preferred');
  const clauses: string[] = [];
  if (breakdown.requiredTotal === 0) clauses.push(w.noneListed);
  else if (breakdown.requiredMet === 0) clauses.push(w.noRequired(breakdown.requiredTotal));
  else if (breakdown.requiredMet === breakdown.requiredTotal) clauses.push(w.allRequired(breakdown.requiredTotal, names(requiredMatched, lang)));
  else clauses.push(w.someRequired(breakdown.requiredMet, breakdown.requiredTotal, names(requiredMatched, lang)));
  if (preferredMatched.length > 0) clauses.push(w.preferred(names(preferredMatched, lang)));
  for (const e of breakdown.partial.slice(0, LIST_MAX)) clauses.push(partialReason(e, lang));
  const missingRequired = breakdown.missing.filter((e) => e.role === 'required');
  const missingPreferred = breakdown.missing.filter((e) => e.role === 'preferred');
  if (missingRequired.length > 0) clauses.push(w.missing(names(missingRequired, lang)));
  if (missingPreferred.length > 0) clauses.push(w.missingPreferred(names(missingPreferred, lang)));
  const region = breakdown.region.reason[lang];
  return lang === 'zh' ? `${clauses.join(w.clause)}${w.stop}${region}${w.stop}` : `${clauses.join(w.clause)}${w.stop}${region}.`;
}

/**
 * The breakdown with its lexical needs named as their phrases were written (`lexicalNeedTexts`)
 * rather than by their grams, where the demand is at hand.
 */
export function withNeedTexts(breakdown: MatchBreakdown, texts: ReadonlyMap<string, string>): MatchBreakdown {
  if (texts.size === 0) return breakdown;
  const named = (list: readonly SkillEvidence[]) => list.map((e) => (texts.has(e.skillId) ? { ...e, label: { zh: texts.get(e.skillId)!, en: texts.get(e.skillId)! } } : e));
  return { ...breakdown, matched: named(breakdown.matched), partial: named(breakdown.partial), missing: named(breakdown.missing) };
}

/** The `explanation` of a ranked item: the sentence, the evidence lists and the region reason. */
export function rankedExplanation(breakdown: MatchBreakdown, lang: Lang): RankedMatch['explanation'] {
  return {
    summary: explainMatch(breakdown, lang),
    matched: breakdown.matched,
    partial: breakdown.partial,
    missing: breakdown.missing,
    region: breakdown.region.reason[lang],
  };
}
