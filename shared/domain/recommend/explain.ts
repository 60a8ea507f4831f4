/**
 * Explanations of course recommendations in words, Chinese or English: which gap skills a course
 * closes, whether its level fits, how the learner can reach it, and what it costs after subsidies.
 */
import { levelLabel, type Level } from '../../taxonomy/levels.js';
import type { SubsidyKind, SubsidyPaid } from '../../schemas/subsidy.js';
import { PAID_WORDS, yuanText, type Bilingual, type SubsidyLine, type SubsidyOutcome } from '../subsidy/rules.js';
import type { ClosedSkill, CourseAssessment, LevelCheck } from './ranking.js';
import type { TradeFit } from './trade.js';
import { wordsOfGrams } from '../text/grams.js';

export type Lang = 'zh' | 'en';

/**
 * What the needed level is named after: `job` a job or occupation aimed at ("岗位要求四级/中级工，加分项");
 * `other` anything else a filled-in course serves, such as the next level of a skill held ("目标四级/中级工").
 */
export type Aim = 'job' | 'other';

/** Shortage index from which a skill is called short in supply in words. */
export const SHORT_SUPPLY_WORDING = 1.2;

/** One closed gap skill, as an explanation shows it. */
export interface ClosedSkillView {
  readonly skillId: string;
  readonly label: string;
  readonly role: ClosedSkill['role'];
  readonly from: number;
  readonly to: number;
  readonly needed: number;
  readonly shortageIndex: number;
  /**
   * Present when the course teaches a one-hop neighbour of the skill rather than the skill: the
   * neighbour, how it relates, the share of its level credited (the matching scorer's credit) and
   * the level the course teaches it at.
   */
  readonly via?: { readonly skillId: string; readonly label: string; readonly relation: 'child' | 'parent' | 'related'; readonly credit: number; readonly level: number };
  /**
   * Present when the course earns less than a whole level of the skill (a related course): the
   * share of the skill's gap its credit makes up, 0–1. `to` is then the level held now.
   */
  readonly share?: number;
  /** The skill taught is one the course's certificate attests, not one it lists as taught. */
  readonly attested?: true;
}

/**
 * One subsidy line, as an explanation shows it: `eligible` lines count in `subsidyYuan` and the
 * net cost; `to_confirm` lines name the condition still unknown and are shown apart.
 */
export interface SubsidyView {
  readonly name: string;
  readonly kind: SubsidyKind;
  readonly status: 'eligible' | 'to_confirm';
  readonly amountYuan: number;
  /** `upfront` (deducted at enrolment) or `after_certificate` (先垫后补). */
  readonly paid: SubsidyPaid;
  /** When it is paid, in words. */
  readonly when: string;
  /** Conditions met and how the amount is reckoned. */
  readonly why: string;
  /** For `to_confirm`: the condition(s) still unknown, in plain Chinese and English. */
  readonly condition?: Bilingual;
  /** For a to-confirm line that would replace an eligible one of its kind rather than add. */
  readonly note?: string;
  /** True when the amount is a configurable example (示例), not a quoted policy. */
  readonly example: boolean;
  /** Where the rule comes from. */
  readonly source: string;
  /** The paying bureau's region (GB/T 2260 code or `national`). */
  readonly payerRegion: string;
  /** The course provider's own wording of the conditions (the course's own subsidy only). */
  readonly providerWording?: string;
}

/** Why a course is recommended, in words and in parts. */
export interface CourseExplanation {
  readonly summary: string;
  /** Gap skills the course teaches. */
  readonly closes: readonly ClosedSkillView[];
  /** Gap skills it closes in part, by teaching a one-hop neighbour of them (each with `via`). */
  readonly partly: readonly ClosedSkillView[];
  readonly levelFit: string;
  readonly access: string;
  /** Eligible lines first, then those to confirm. */
  readonly subsidies: readonly SubsidyView[];
  readonly priceYuan: number | null;
  /** Eligible lines only. */
  readonly subsidyYuan: number;
  /** What the to-confirm lines would add at most: never in a total. */
  readonly toConfirmYuan: number;
  /** Price − eligible subsidies ("自付约"); `null` without a price. */
  readonly netCostYuan: number | null;
  /** What is paid at enrolment: price − eligible up-front subsidies (after-certificate ones are advanced first). */
  readonly payFirstYuan: number | null;
  readonly cost: string;
}

/** A level in words: the national ladder in Chinese (our level 2 is 四级, not 二级), proficiency words in English. */
const levelWord = (level: number, lang: Lang): string => {
  if (level < 1) return lang === 'zh' ? '无' : 'none';
  const label = levelLabel(Math.min(5, level) as Level, lang);
  return lang === 'zh' ? label : label.toLowerCase();
};

/** How a neighbour relates to the gap skill, in words: 图像标注 is 数据标注的细分技能. */
const RELATION_WORDS: Record<NonNullable<ClosedSkillView['via']>['relation'], (skill: string) => Bilingual> = {
  child: (skill) => ({ zh: `${skill}的细分技能`, en: `a narrower skill within ${skill}` }),
  parent: (skill) => ({ zh: `涵盖${skill}的上位技能`, en: `a broader skill covering ${skill}` }),
  related: (skill) => ({ zh: `与${skill}相关的技能`, en: `a skill related to ${skill}` }),
};

/**
 * "数据标注（无→四级/中级工，岗位要求四级/中级工，本地紧缺）" / "Data annotation (none → working knowledge, working knowledge needed, short locally)";
 * through a neighbour: "教授图像标注（数据标注的细分技能，四级/中级工课程），按75%计入数据标注（无→五级/初级工，岗位要求三级/高级工）" /
 * "teaches Image annotation (a narrower skill within Data annotation, working knowledge course), counted at 75% toward Data annotation (none → basic, intermediate needed)".
 */
export function describeClosed(closed: ClosedSkillView, lang: Lang, aim: Aim = 'job'): string {
  const short = closed.shortageIndex >= SHORT_SUPPLY_WORDING;
  const required = aim === 'job' ? '岗位要求' : '目标';
  const plus = closed.role === 'preferred' ? (aim === 'job' ? '，加分项' : '') : '';
  const byCertificate = closed.attested ? (lang === 'zh' ? '课程证书可证明，' : 'attested by the course certificate, ') : '';
  if (closed.via && closed.share !== undefined) {
    const relation = RELATION_WORDS[closed.via.relation](closed.label)[lang];
    const credit = Math.round(closed.via.credit * 100);
    const share = Math.round(closed.share * 100);
    if (lang === 'zh') {
      return `教授${closed.via.label}（${byCertificate}${relation}，${levelWord(closed.via.level, 'zh')}课程），按${credit}%计入${closed.label}，提升不足一级（约补上该技能差距的${share}%，目前${levelWord(closed.from, 'zh')}，要求${levelWord(closed.needed, 'zh')}）`;
    }
    return `teaches ${closed.via.label} (${byCertificate}${relation}, ${levelWord(closed.via.level, 'en')} course), counted at ${credit}% toward ${closed.label}: less than a level, about ${share}% of that skill's gap (now ${levelWord(closed.from, 'en')}, ${levelWord(closed.needed, 'en')} needed)`;
  }
  if (closed.via) {
    const relation = RELATION_WORDS[closed.via.relation](closed.label)[lang];
    const share = Math.round(closed.via.credit * 100);
    if (lang === 'zh') {
      return `教授${closed.via.label}（${byCertificate}${relation}，${levelWord(closed.via.level, 'zh')}课程），按${share}%计入${closed.label}（${levelWord(closed.from, 'zh')}→${levelWord(closed.to, 'zh')}，${required}${levelWord(closed.needed, 'zh')}${plus}${short ? '，本地紧缺' : ''}）`;
    }
    return `teaches ${closed.via.label} (${byCertificate}${relation}, ${levelWord(closed.via.level, 'en')} course), counted at ${share}% toward ${closed.label} (${levelWord(closed.from, 'en')} → ${levelWord(closed.to, 'en')}, ${levelWord(closed.needed, 'en')} needed${closed.role === 'preferred' ? ', preferred' : ''}${short ? ', short locally' : ''})`;
  }
  if (lang === 'zh') {
    return `${closed.label}（${byCertificate}${levelWord(closed.from, 'zh')}→${levelWord(closed.to, 'zh')}，${required}${levelWord(closed.needed, 'zh')}${plus}${short ? '，本地紧缺' : ''}）`;
  }
  return `${closed.label} (${byCertificate}${levelWord(closed.from, 'en')} → ${levelWord(closed.to, 'en')}, ${levelWord(closed.needed, 'en')} needed${closed.role === 'preferred' ? ', preferred' : ''}${short ? ', short locally' : ''})`;
}

/** The weakest level check of a course, in words. */
export function describeLevelFit(checks: readonly LevelCheck[], lang: Lang): string {
  const worst = [...checks].sort((a, b) => a.fit - b.fit)[0];
  if (!worst || worst.status === 'fits') return lang === 'zh' ? '难度合适，可直接开始' : 'the level fits: you can start now';
  if (worst.status === 'after-prerequisite') {
    return lang === 'zh'
      ? `${levelWord(worst.courseLevel, 'zh')}课程需先达到${levelWord(worst.entryLevel, 'zh')}：建议先学较低级别的课程（见学习路径）`
      : `a course at ${levelWord(worst.courseLevel, 'en')} level expects ${levelWord(worst.entryLevel, 'en')} first: take a lower-level course before it (see the pathway)`;
  }
  return lang === 'zh'
    ? `难度偏高：${levelWord(worst.courseLevel, 'zh')}课程需先达到${levelWord(worst.entryLevel, 'zh')}，您目前为${levelWord(worst.held, 'zh')}`
    : `too advanced: a course at ${levelWord(worst.courseLevel, 'en')} level expects ${levelWord(worst.entryLevel, 'en')}, you have ${levelWord(worst.held, 'en')}`;
}

const DISTANCE_WORDS: Record<0 | 1 | 2 | 3, Bilingual> = {
  0: { zh: '在您所在地区开课', en: 'held where you live' },
  1: { zh: '同城开课', en: 'held in your city' },
  2: { zh: '省内其他城市开课', en: 'held elsewhere in your province' },
  3: { zh: '外省开课', en: 'held in another province' },
};

/** How the learner can reach the course, in words. */
export function describeAccess(assessment: Pick<CourseAssessment, 'access'>, prefersOnline: boolean | undefined, lang: Lang): string {
  const { access } = assessment;
  const where = DISTANCE_WORDS[access.distance][lang];
  const base =
    access.mode === 'online'
      ? lang === 'zh' ? '线上授课，不受地域限制' : 'online, from anywhere'
      : access.mode === 'blended'
        ? lang === 'zh' ? `线上线下混合，${where}` : `blended, ${where}`
        : lang === 'zh' ? `线下授课，${where}` : `in person, ${where}`;
  if (prefersOnline === true && access.mode !== 'online') return lang === 'zh' ? `${base}（您倾向线上学习）` : `${base} (you prefer online)`;
  if (prefersOnline === true) return lang === 'zh' ? `${base}，符合您线上学习的偏好` : `${base}, as you prefer`;
  return base;
}

/** One subsidy line for an explanation. */
export const subsidyView = (line: SubsidyLine, lang: Lang): SubsidyView => ({
  name: line.name[lang],
  kind: line.kind,
  status: line.status,
  amountYuan: line.amountYuan,
  paid: line.paid,
  when: PAID_WORDS[line.paid][lang],
  why: line.why[lang],
  ...(line.status === 'to_confirm'
    ? { condition: { zh: line.unknown.map((u) => u.zh).join('；'), en: line.unknown.map((u) => u.en).join('; ') } }
    : {}),
  ...(line.note ? { note: line.note[lang] } : {}),
  example: line.example,
  source: line.source,
  payerRegion: line.payerRegion,
  ...(line.providerWording ? { providerWording: line.providerWording } : {}),
});

/**
 * Price, subsidies and net cost in words. Only eligible lines are in "自付约"; each amount says
 * when it is paid; lines to confirm follow apart, with the condition to confirm. No rule ids.
 */
export function describeCost(outcome: SubsidyOutcome, lang: Lang): string {
  const zh = lang === 'zh';
  const eligible = outcome.eligible.map((l) =>
    zh ? `${l.name.zh}${yuanText(l.amountYuan)}元（${PAID_WORDS[l.paid].zh}）` : `${l.name.en} ${yuanText(l.amountYuan)} yuan (${PAID_WORDS[l.paid].en})`,
  );
  const pending = outcome.toConfirm.map((l) =>
    zh
      ? `${l.name.zh}${yuanText(l.amountYuan)}元（${PAID_WORDS[l.paid].zh}；${l.unknown.map((u) => u.zh).join('；')}${l.note ? `；${l.note.zh}` : ''}）`
      : `${l.name.en} ${yuanText(l.amountYuan)} yuan (${PAID_WORDS[l.paid].en}; ${l.unknown.map((u) => u.en).join('; ')}${l.note ? `; ${l.note.en}` : ''})`,
  );
  const capped = outcome.capped ? (zh ? '（已按补贴上限计）' : ' (capped)') : '';
  const parts: string[] = [];
  if (outcome.priceYuan === null) {
    parts.push(zh ? '课程未标价' : 'no price given');
    if (eligible.length > 0) parts.push(zh ? `可享补贴：${eligible.join('、')}${capped}` : `subsidies: ${eligible.join(', ')}${capped}`);
  } else if (eligible.length === 0) {
    parts.push(zh ? `学费${yuanText(outcome.priceYuan)}元，暂无确定可享的补贴` : `fee ${yuanText(outcome.priceYuan)} yuan, no subsidy certain to apply`);
  } else {
    const advance =
      outcome.afterCertificateYuan > 0
        ? zh
          ? `（报名时需付${yuanText(outcome.payFirstYuan ?? 0)}元，取证后申领${yuanText(outcome.afterCertificateYuan)}元）`
          : ` (${yuanText(outcome.payFirstYuan ?? 0)} yuan at enrolment, ${yuanText(outcome.afterCertificateYuan)} yuan claimed back after certification)`
        : '';
    parts.push(
      zh
        ? `学费${yuanText(outcome.priceYuan)}元，可享补贴：${eligible.join('、')}${capped}，自付约${yuanText(outcome.netCostYuan ?? 0)}元${advance}`
        : `fee ${yuanText(outcome.priceYuan)} yuan; subsidies: ${eligible.join(', ')}${capped}; you pay about ${yuanText(outcome.netCostYuan ?? 0)} yuan${advance}`,
    );
  }
  if (pending.length > 0) parts.push(zh ? `另有待确认、未计入的补贴：${pending.join('、')}` : `not counted until confirmed: ${pending.join(', ')}`);
  return parts.join(zh ? '；' : '; ');
}

/**
 * The whole explanation of one ranked course.
 *
 * @param label the skill label in the chosen language
 */
export function explainCourse(
  assessment: CourseAssessment,
  outcome: SubsidyOutcome,
  context: { readonly lang: Lang; readonly prefersOnline?: boolean | undefined; readonly label: (skillId: string) => string; readonly aim?: Aim },
): CourseExplanation {
  const { lang } = context;
  const views = assessment.closes.map(
    (c): ClosedSkillView => ({
      skillId: c.skillId,
      label: context.label(c.skillId),
      role: c.role,
      from: Math.max(c.held, 0),
      to: c.belowLevel ? Math.max(c.held, 0) : c.reaches,
      needed: c.needed,
      shortageIndex: Math.round(c.shortageIndex * 100) / 100,
      ...(c.via ? { via: { skillId: c.via.skillId, label: context.label(c.via.skillId), relation: c.via.relation, credit: c.via.credit, level: c.taught.level } } : {}),
      ...(c.belowLevel ? { share: Math.round(c.closure * 100) / 100 } : {}),
      ...(c.attested ? { attested: true as const } : {}),
    }),
  );
  const levelFit = describeLevelFit(assessment.levelChecks, lang);
  const access = describeAccess(assessment, context.prefersOnline, lang);
  const cost = describeCost(outcome, lang);
  // Skills the course teaches come first ("补齐…"), then those it closes in part through a neighbour ("教授…").
  const closes = views.filter((c) => !c.via);
  const partly = views.filter((c) => c.via);
  const direct = closes.map((c) => describeClosed(c, lang, context.aim));
  const partial = partly.map((c) => describeClosed(c, lang, context.aim));
  const share = Math.round(assessment.gapClosed * 100);
  let what: string;
  if (lang === 'zh') {
    what = [...(direct.length > 0 ? [`补齐${direct.join('、')}`] : []), ...partial].join('；');
  } else {
    what = [...(direct.length > 0 ? [`closes ${direct.join(', ')}`] : []), ...partial].join('; ');
    what = what.charAt(0).toUpperCase() + what.slice(1);
  }
  const summary =
    lang === 'zh'
      ? `${what}，约占技能差距的${share}%；${levelFit}；${access}；${cost}。`
      : `${what}: about ${share}% of your skill gap; ${levelFit}; ${access}; ${cost}.`;
  return {
    summary,
    closes,
    partly,
    levelFit,
    access,
    subsidies: outcome.lines.map((l) => subsidyView(l, lang)),
    priceYuan: outcome.priceYuan,
    subsidyYuan: outcome.totalYuan,
    toConfirmYuan: outcome.toConfirmYuan,
    netCostYuan: outcome.netCostYuan,
    payFirstYuan: outcome.payFirstYuan,
    cost,
  };
}

/**
 * What a recommendation aims at: `demand` the one asked for; `nearby-demands` the best open demands
 * near the learner; `occupation` a taxonomy occupation; `upskilling` none found, so the next level
 * of the learner's own skills.
 */
export type TargetKind = 'demand' | 'nearby-demands' | 'occupation' | 'upskilling';

/** A target named by what it aims at rather than by a job or an occupation (its key). */
export type SkillTargetKind = 'upskilling' | 'adjacent' | 'mentioned' | 'intent' | 'credential';

/** A target as a filled-in course's explanation names it. */
export type TargetNaming =
  | { readonly kind: 'demand'; readonly title: string; readonly primary: boolean }
  | { readonly kind: 'occupation'; readonly label: string }
  | { readonly kind: SkillTargetKind };

const TARGET_WORDS: Readonly<Record<SkillTargetKind, Bilingual>> = {
  upskilling: { zh: '现有技能的下一级', en: 'your own skills one level up' },
  adjacent: { zh: '现有技能的相邻技能', en: 'skills next to yours' },
  mentioned: { zh: '简介中提到的技能', en: 'skills your summary mentions' },
  intent: { zh: '您想学的技能', en: 'what you want to learn' },
  credential: { zh: '本行当您尚未取得的证书', en: 'a certificate of your trade you do not hold yet' },
};

/** A target in the words a filled-in course's explanation uses ("其他在招岗位“数据标注员”", "skills next to yours"). */
export function targetWord(target: TargetNaming, lang: Lang): string {
  switch (target.kind) {
    case 'demand':
      if (target.primary) return lang === 'zh' ? `目标岗位“${target.title}”` : `the target job “${target.title}”`;
      return lang === 'zh' ? `其他在招岗位“${target.title}”` : `the open job “${target.title}”`;
    case 'occupation':
      return lang === 'zh' ? `目标职业“${target.label}”` : `the target occupation “${target.label}”`;
    default:
      return TARGET_WORDS[target.kind][lang];
  }
}

/** The learner's own words a course shares with them, as the course's closed "skill" is named (at most four). */
export const wordsLabel = (shared: readonly string[], lang: Lang): string => wordsOfGrams(shared).slice(0, 4).join(lang === 'zh' ? '、' : ', ');

/** Why a course found by the learner's own words is listed: the words it shares with them. */
export function wordsPrefix(shared: readonly string[], lang: Lang): string {
  const shown = wordsLabel(shared, lang);
  return lang === 'zh' ? `与你写的内容相近（相近表述：${shown}）：` : `Close to what you wrote (similar wording: ${shown}): `;
}

/** What the summary of a course listed only as more of the learner's own trade starts with. */
export function tradePrefix(lang: Lang): string {
  return lang === 'zh' ? '同行当的其他课程（与当前目标无直接关系）：' : 'More in your trade (not toward a current target): ';
}

/**
 * What a filled-in course's summary starts with: `broader` courses close a level toward the named
 * targets; `related` ones teach a skill related to one they need, earning less than a level of it.
 */
export function scopePrefix(scope: 'broader' | 'related', why: readonly string[], lang: Lang): string {
  const shown = why.length > 0 ? why.slice(0, 3) : [lang === 'zh' ? '其他目标' : 'other aims'];
  if (scope === 'broader') {
    return lang === 'zh' ? `拓展推荐（面向${shown.join('、')}）：` : `Broader option (toward ${shown.join('; ')}): `;
  }
  return lang === 'zh' ? `相关推荐（与${shown.join('、')}相关）：` : `Related option (toward ${shown.join('; ')}): `;
}

/**
 * Why a course ranks lower than what it closes would put it (trade.ts): most of what it teaches is
 * another trade's, or the learner holds most of it already at its level. Nothing when neither.
 */
export function describeTradeFit(fit: Pick<TradeFit, 'inTrade' | 'isNew'> & Partial<Pick<TradeFit, 'tooBasic'>> | undefined, lang: Lang): string {
  if (fit === undefined) return '';
  const zh = lang === 'zh';
  const notes = [
    ...(fit.inTrade < 0.5 ? [zh ? '课程多半属于其他行当' : 'most of it belongs to another trade'] : []),
    ...(fit.isNew < 0.5 ? [zh ? '所教内容多半您已掌握' : 'you already know most of what it teaches'] : []),
    ...(fit.tooBasic ? [zh ? '课程级别低于您在本行当已有的水平' : 'it is below the level you already have in this trade'] : []),
  ];
  if (notes.length === 0) return '';
  return zh ? `${notes.join('；')}。` : ` Note: ${notes.join('; ')}.`;
}

/** What a course asks for on entry that the learner's profile does not show (none: nothing). */
export function describeUnmet(asked: readonly string[], lang: Lang): string {
  if (asked.length === 0) return '';
  return lang === 'zh' ? `课程要求入学前已具备：${asked.join('或')}，您的档案中还没有。` : ` It asks on entry for ${asked.join(' or ')}, which your profile does not show yet.`;
}

/** What a target course's summary ends with: the gap skills it leaves (none: nothing). */
export function stillToCover(leaves: readonly string[], lang: Lang): string {
  if (leaves.length === 0) return '';
  return lang === 'zh' ? `其余差距：${leaves.join('、')}。` : ` Still to cover: ${leaves.join(', ')}.`;
}

/**
 * The target in one sentence, with what the learner wants to learn and the certificates of their
 * trade they lack when those are aimed at too.
 */
export function targetSummary(
  kind: TargetKind,
  demands: ReadonlyArray<{ readonly title: string; readonly employer: string }>,
  occupationLabel: string | undefined,
  wants: readonly string[],
  ownSkills: boolean,
  lang: Lang,
  credentials: readonly string[] = [],
): string {
  const sep = lang === 'zh' ? '、' : ', ';
  const wanted = wants.join(sep);
  if (wants.length > 0 && kind === 'upskilling' && !ownSkills) {
    return lang === 'zh' ? `附近暂无可对标的在招岗位：推荐您想学的技能（${wanted}）的课程` : `No open job nearby to aim at: courses in what you want to learn (${wanted})`;
  }
  const base = aimSummary(kind, demands, occupationLabel, lang);
  const withWants = wants.length === 0 ? base : lang === 'zh' ? `${base}；并兼顾您想学的：${wanted}` : `${base}; also what you want to learn: ${wanted}`;
  if (credentials.length === 0) return withWants;
  const named = credentials.join(sep);
  return lang === 'zh' ? `${withWants}；并兼顾本行当您尚未取得的证书：${named}` : `${withWants}; also the certificates of your trade you do not hold yet: ${named}`;
}

function aimSummary(kind: TargetKind, demands: ReadonlyArray<{ readonly title: string; readonly employer: string }>, occupationLabel: string | undefined, lang: Lang): string {
  const names = demands.map((d) => (lang === 'zh' ? `${d.title}（${d.employer}）` : `${d.title} (${d.employer})`)).join(lang === 'zh' ? '、' : '; ');
  switch (kind) {
    case 'demand':
      return lang === 'zh' ? `目标岗位：${names}` : `Target job: ${names}`;
    case 'occupation':
      return lang === 'zh' ? `目标职业：${occupationLabel ?? ''}` : `Target occupation: ${occupationLabel ?? ''}`;
    case 'nearby-demands':
      return lang === 'zh' ? `目标：与您最接近的${demands.length}个在招岗位：${names}` : `Target: the ${demands.length} open job${demands.length === 1 ? '' : 's'} you are closest to: ${names}`;
    default:
      return lang === 'zh' ? '附近暂无可对标的在招岗位：推荐提升您现有技能的课程' : 'No open job nearby to aim at: courses that take your own skills one level up';
  }
}

/** What a pathway needs and brings, in one sentence. */
export interface PathwayFigures {
  readonly courses: number;
  /** 0–1 share of the gap's weight it closes. */
  readonly coverage: number;
  readonly hours: number;
  readonly costYuan: number;
  readonly certificate: string | null;
  /** Names of the targets whose required skills are all met after it. */
  readonly opens: readonly string[];
  /** Skills in the gap. */
  readonly gapSize: number;
}

/** The pathway in one sentence: courses, hours, cost, the share of the gap closed, the certificate and the targets it opens. */
export function pathwaySummary(p: PathwayFigures, lang: Lang): string {
  if (p.gapSize === 0) return lang === 'zh' ? '没有需要补齐的技能差距' : 'There is no skill gap to close';
  if (p.courses === 0) return lang === 'zh' ? '暂无能补齐差距的合适课程' : 'No suitable course closes the gap yet';
  const share = Math.round(p.coverage * 100);
  const { certificate, opens } = p;
  if (lang === 'zh') {
    return `${p.courses}门课程，共${p.hours}学时，自付约${p.costYuan}元，补齐约${share}%的技能差距${certificate ? `，最终取得“${certificate}”` : ''}${opens.length > 0 ? `；完成后满足${opens.join('、')}的必需技能` : ''}。`;
  }
  return `${p.courses} course${p.courses === 1 ? '' : 's'}, ${p.hours} hours, about ${p.costYuan} yuan to pay, closing about ${share}% of the gap${certificate ? `, ending in “${certificate}”` : ''}${opens.length > 0 ? `; afterwards you meet every required skill of ${opens.join('; ')}` : ''}.`;
}
