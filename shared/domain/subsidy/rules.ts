/**
 * Training subsidies as data: the rules live in `shared/rules/subsidies.json` (format 2, versioned;
 * docs/subsidies.md), checked by `loadSubsidyRules` (shared/schemas/subsidy-rules.ts); this module
 * evaluates them for one learner and one course.
 * Pure: the shortage facts, the learner's subsidy history and the day come in as arguments.
 *
 * Every candidate subsidy (each rule, and the course's own `subsidyYuan`) ends as one of:
 * - **eligible**: every condition is known and met; it counts in the totals and in "自付约";
 * - **to_confirm**: nothing known rules it out, but a condition is unknown (the learner's record
 *   does not say where they are insured, or the course's subsidy has no structured terms); the line
 *   names the condition in plain words and never counts in a total;
 * - **left out** (in `skipped`, with the reason, for audits and tests): a condition fails, the payer
 *   region does not cover the learner, or the history shows it was already received.
 *
 * How amounts combine:
 * 1. The payer's region must cover the learner (they live there, or are insured there) and, where
 *    the rule says so, the course's place.
 * 2. Subsidies of one kind (`training`, `skill_upgrade` …) do not stack: among eligible ones the
 *    largest applies (ties: the course's own first, then file order), unless a rule says
 *    `stacksWithSameKind`. A to-confirm one of that kind is shown only when it is larger than what
 *    is already eligible (confirming it would replace, not add).
 * 3. Once a year per kind, and once per occupation and level, against the learner's history.
 * 4. The eligible total is capped by `totalCap` and by the price; amounts applied last are trimmed
 *    first. Net cost = price − eligible total; what is paid after certification (先垫后补) is
 *    advanced by the learner first, so `payFirstYuan` = price − eligible up-front amounts.
 */
import type { SubsidyCourse } from './facts.js';
import { round } from '../numbers.js';
import { provinceOf, regionContains, regionName } from '../../regions/regions.js';
import type { LearnerGroup } from '../../schemas/learner.js';
import type { CertificateMatch, SubsidyKind, SubsidyPaid, SubsidyWhat, SubsidyWho } from '../../schemas/subsidy.js';
import type { SubsidyAmount, SubsidyRule, SubsidyRuleSet } from '../../schemas/subsidy-rules.js';

export type { SubsidyAmount, SubsidyRule, SubsidyRuleSet };

/** A text in both languages. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** The id under which the course's own `subsidyYuan` appears (never shown in user text). */
export const PROVIDER_DECLARED = 'provider-declared';


/** One entry of the learner's subsidy history, as the engine reads it. */
export interface SubsidyHistoryFact {
  readonly kind: SubsidyKind;
  readonly occupation?: string | undefined;
  readonly level?: number | undefined;
  readonly amountYuan: number;
  readonly paidAt: string;
}

/** What the engine knows about one learner, one course and the local shortage. */
export interface SubsidyFacts {
  readonly learner: {
    readonly groups: readonly LearnerGroup[];
    readonly region: string;
    /** Where they pay unemployment insurance, `none`, or undefined when the record does not say. */
    readonly insuredRegion?: string | undefined;
    /** Household registration (户籍); undefined when not given. */
    readonly householdRegion?: string | undefined;
    readonly birthYear?: number | undefined;
    readonly certificates?: readonly string[] | undefined;
    readonly history?: readonly SubsidyHistoryFact[] | undefined;
  };
  readonly course: SubsidyCourse & {
    /** Taxonomy skills the course teaches. */
    readonly skillIds: readonly string[];
    /** The occupation the course trains for, when the taxonomy tells (see `courseOccupation`). */
    readonly occupation?: { readonly id: string; readonly zh: string; readonly en: string } | undefined;
  };
  /** Shortage index per skill in the learner's region; skills absent count as 1 (neutral). */
  readonly shortage: ReadonlyMap<string, number>;
  /** Skill labels for the reasons; ids are shown where absent. */
  readonly skillLabels?: ReadonlyMap<string, Bilingual>;
  /** The day of the evaluation: ages and "once a year" are counted from it (China time). */
  readonly now: Date;
}

/** One subsidy line of an answer. */
export interface SubsidyLine {
  /** The rule's id, or `provider-declared`: for audits; never part of user text. */
  readonly ruleId: string;
  readonly name: Bilingual;
  readonly kind: SubsidyKind;
  readonly status: 'eligible' | 'to_confirm';
  readonly amountYuan: number;
  /** Set when the total cap trimmed this amount: what it would have been. */
  readonly trimmedFromYuan?: number;
  readonly paid: SubsidyPaid;
  /** Conditions met, and how the amount is reckoned. */
  readonly why: Bilingual;
  /** For `to_confirm`: each condition still unknown, in plain words ("需在北京市缴纳失业保险"). */
  readonly unknown: readonly Bilingual[];
  /** For a to-confirm line that would replace an eligible one of its kind rather than add to it. */
  readonly note?: Bilingual;
  readonly payerRegion: string;
  readonly source: string;
  readonly example: boolean;
  /** The course's own subsidy (its `subsidyYuan`). */
  readonly fromCourse: boolean;
  /** The provider's wording of its conditions, as written (course subsidies only). */
  readonly providerWording?: string;
}

/** A subsidy left out, and why (for audits and tests; not shown in rankings). */
export interface SkippedSubsidy {
  readonly ruleId: string;
  readonly reason: Bilingual;
}

export interface SubsidyOutcome {
  readonly rulesVersion: string;
  readonly priceYuan: number | null;
  /** Eligible lines first, then those to confirm. */
  readonly lines: readonly SubsidyLine[];
  readonly eligible: readonly SubsidyLine[];
  readonly toConfirm: readonly SubsidyLine[];
  readonly skipped: readonly SkippedSubsidy[];
  /** Eligible lines only. */
  readonly totalYuan: number;
  /** Of the eligible total: deducted at enrolment, and claimed after certification (先垫后补). */
  readonly upfrontYuan: number;
  readonly afterCertificateYuan: number;
  /** What the to-confirm lines would add at most, shown apart and never in a total. */
  readonly toConfirmYuan: number;
  /** Price − eligible total; `null` when the course names no price. */
  readonly netCostYuan: number | null;
  /** What the learner pays at enrolment: price − eligible up-front amounts; `null` without a price. */
  readonly payFirstYuan: number | null;
  readonly capped: boolean;
}

export const GROUP_LABELS: Record<LearnerGroup, Bilingual> = {
  graduate: { zh: '毕业年度高校毕业生', en: 'a graduate in their graduation year' },
  migrant_worker: { zh: '农民工', en: 'a migrant worker' },
  laid_off: { zh: '失业人员', en: 'a laid-off worker' },
  veteran: { zh: '退役军人', en: 'a veteran' },
  disabled: { zh: '残疾人', en: 'a person with a disability' },
  employed_upskilling: { zh: '在职提升人员', en: 'an employed person upskilling' },
  poverty_alleviated: { zh: '脱贫人口', en: 'a person lifted out of poverty' },
  employment_difficulty: { zh: '就业困难人员', en: 'a person with employment difficulties' },
  rural_transfer: { zh: '农村转移劳动力', en: 'a rural worker moving into non-farm work' },
  older_unemployed: { zh: '大龄失业人员', en: 'an older unemployed person' },
  other: { zh: '其他人员', en: 'in no priority group' },
};

export const KIND_LABELS: Record<SubsidyKind, Bilingual> = {
  training: { zh: '职业培训补贴', en: 'vocational training subsidy' },
  skill_upgrade: { zh: '技能提升补贴', en: 'skill upgrade subsidy' },
  assessment: { zh: '职业技能评价补贴', en: 'skill assessment subsidy' },
  living_allowance: { zh: '生活费补贴', en: 'living allowance' },
  other: { zh: '其他补贴', en: 'other subsidy' },
};

/** When an amount is paid, in words. */
export const PAID_WORDS: Record<SubsidyPaid, Bilingual> = {
  upfront: { zh: '报名时直接抵扣学费', en: 'deducted from the fee at enrolment' },
  after_certificate: { zh: '先垫后补：先自付，取得证书后申领', en: 'you pay first and claim it after certification (先垫后补)' },
};

const MODE_LABELS = { online: { zh: '线上', en: 'online' }, offline: { zh: '线下', en: 'in person' }, blended: { zh: '线上线下混合', en: 'blended' } } as const;
const LEVEL_ZH = ['', '五级/初级工', '四级/中级工', '三级/高级工', '二级/技师', '一级/高级技师'];
const LEVEL_EN = ['', 'level 5 (basic)', 'level 4 (intermediate)', 'level 3 (advanced)', 'level 2 (technician)', 'level 1 (senior technician)'];

const fold = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
// One formatter: toLocaleString with options builds a new Intl.NumberFormat on every call. Made on
// first use: the first Intl formatter of a process costs about 10 ms of CPU (ICU data), which every
// function bundling this module would otherwise pay at cold start, while few ever explain a subsidy.
let yuanFormat: Intl.NumberFormat | undefined;
/** An amount of yuan as explanations write it: `1,000`, `2,399.5`. */
export const yuanText = (amount: number): string => (yuanFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })).format(amount);
const patternCache = new Map<string, RegExp>();
const pattern = (source: string): RegExp => {
  let compiled = patternCache.get(source);
  if (!compiled) patternCache.set(source, (compiled = new RegExp(source, 'iu')));
  return compiled;
};
const round2 = (value: number) => round(value, 2);
const place = (code: string): string => regionName(code) ?? code;

/** The calendar year in China (UTC+8) of a day or timestamp. */
export function chinaYear(at: string | Date): number {
  if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at)) return Number(at.slice(0, 4));
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + 8 * 3_600_000).getUTCFullYear();
}

/** Whether a certificate name matches; undefined names never do. */
function certificateMatches(match: CertificateMatch, name: string | undefined): boolean {
  const certificate = name?.trim();
  if (!certificate) return false;
  const { any, anyOf = [], patterns = [] } = match;
  return any === true || anyOf.some((n) => fold(n) === fold(certificate)) || patterns.some((source) => pattern(source).test(certificate.normalize('NFKC')));
}

/** A certificate condition in words. */
const certificateWords = (match: CertificateMatch): Bilingual =>
  match.label ?? (match.any ? { zh: '职业资格或技能等级证书', en: 'a vocational certificate' } : { zh: `“${[...(match.anyOf ?? []), ...(match.patterns ?? [])].join('”或“')}”证书`, en: `a certificate like “${[...(match.anyOf ?? []), ...(match.patterns ?? [])].join('” or “')}”` });

type Check = { state: 'met'; text: Bilingual } | { state: 'unmet'; text: Bilingual } | { state: 'unknown'; text: Bilingual };
const met = (zh: string, en: string): Check => ({ state: 'met', text: { zh, en } });
const unmet = (zh: string, en: string): Check => ({ state: 'unmet', text: { zh, en } });
const unknown = (zh: string, en: string): Check => ({ state: 'unknown', text: { zh, en } });

/** A candidate subsidy: a rule, or the course's own. */
interface Spec {
  readonly id: string;
  readonly name: Bilingual;
  readonly source: string;
  readonly example: boolean;
  readonly kind: SubsidyKind;
  readonly payerRegion: string;
  readonly courseWithin: boolean;
  readonly who: SubsidyWho;
  readonly what: SubsidyWhat;
  readonly amount: SubsidyAmount;
  readonly paid: SubsidyPaid;
  readonly stacksWithSameKind: boolean;
  readonly limits: { readonly oncePerYear: boolean; readonly oncePerOccupationLevel: boolean };
  readonly fromCourse: boolean;
  /** Course subsidies without structured terms: their conditions are unknown. */
  readonly unstructured: boolean;
  readonly providerWording?: string | undefined;
  readonly order: number;
}


function courseSpec(ruleSet: SubsidyRuleSet, facts: SubsidyFacts): Spec | undefined {
  const { course } = facts;
  const declared = course.subsidyYuan ?? 0;
  if (declared <= 0) return undefined;
  const terms = course.subsidyTerms;
  const wording = course.subsidyConditions?.trim() || undefined;
  const common = {
    id: PROVIDER_DECLARED,
    name: terms ? { zh: `课程${KIND_LABELS[terms.kind].zh}`, en: `The course's ${KIND_LABELS[terms.kind].en}` } : ruleSet.providerDeclared.name,
    source: terms ? 'The course record: its subsidyYuan and structured subsidyTerms.' : 'The course record: its subsidyYuan and the provider’s wording (subsidyConditions), not yet structured.',
    example: false,
    what: {},
    amount: { fixedYuan: declared },
    stacksWithSameKind: false,
    limits: { oncePerYear: true, oncePerOccupationLevel: true },
    fromCourse: true,
    providerWording: wording,
    order: -1,
  };
  if (terms) {
    return { ...common, kind: terms.kind, payerRegion: terms.payerRegion, courseWithin: terms.courseWithinPayer, who: terms.who, paid: terms.paid, unstructured: false };
  }
  // Without terms, the bureau of the course's province is taken as the payer: a course's local
  // funds rarely pay for people from elsewhere, and whatever else applies stays to confirm.
  return { ...common, kind: ruleSet.providerDeclared.kind, payerRegion: provinceOf(course.region) ?? course.region, courseWithin: true, who: {}, paid: ruleSet.providerDeclared.paid, unstructured: true };
}

function ruleSpec(rule: SubsidyRule, order: number): Spec {
  return {
    id: rule.id,
    name: rule.name,
    source: rule.source,
    example: rule.example,
    kind: rule.kind,
    payerRegion: rule.payer.region,
    courseWithin: rule.payer.courseWithin,
    who: rule.who,
    what: rule.what,
    amount: rule.amount,
    paid: rule.paid,
    stacksWithSameKind: rule.stacksWithSameKind,
    limits: rule.limits,
    fromCourse: false,
    unstructured: false,
    order,
  };
}

/** Every condition of a candidate, each met, unmet or unknown. */
function checkConditions(spec: Spec, facts: SubsidyFacts): Check[] {
  const { learner, course } = facts;
  const checks: Check[] = [];
  const payer = place(spec.payerRegion);
  const label = (id: string): Bilingual => facts.skillLabels?.get(id) ?? { zh: id, en: id };
  const insured = learner.insuredRegion !== undefined && learner.insuredRegion !== 'none' ? learner.insuredRegion : undefined;

  // Who pays must cover the learner: they live there, or are insured there.
  if (regionContains(spec.payerRegion, learner.region)) checks.push(met(`由${payer}支付，学员在其辖区内`, `paid by ${payer}, where the learner lives`));
  else if (insured && regionContains(spec.payerRegion, insured)) checks.push(met(`由${payer}支付，学员在当地参保`, `paid by ${payer}, where the learner is insured`));
  else checks.push(unmet(`补贴由${payer}支付，学员不在其辖区`, `paid by ${payer}, which does not cover the learner`));
  if (spec.courseWithin) {
    checks.push(regionContains(spec.payerRegion, course.region) ? met(`课程在${payer}开设`, `the course is held in ${payer}`) : unmet(`课程不在${payer}开设`, `the course is not held in ${payer}`));
  }

  const { who, what } = spec;
  if (who.groups) {
    const hit = who.groups.find((g) => learner.groups.includes(g));
    checks.push(
      hit
        ? met(`学员为${GROUP_LABELS[hit].zh}`, `the learner is ${GROUP_LABELS[hit].en}`)
        : unmet(`学员不属于${who.groups.map((g) => GROUP_LABELS[g].zh).join('、')}`, `the learner is not ${who.groups.map((g) => GROUP_LABELS[g].en).join(' or ')}`),
    );
  }
  if (who.insuredWithPayer) {
    if (learner.insuredRegion === undefined) checks.push(unknown(`需在${payer}缴纳失业保险`, `you must pay unemployment insurance in ${payer}`));
    else if (insured && regionContains(spec.payerRegion, insured)) checks.push(met(`学员在${payer}缴纳失业保险`, `the learner pays unemployment insurance in ${payer}`));
    else checks.push(unmet(`学员未在${payer}缴纳失业保险`, `the learner does not pay unemployment insurance in ${payer}`));
  }
  if (who.householdWithPayer) {
    if (learner.householdRegion === undefined) checks.push(unknown(`需为${payer}户籍`, `your household registration (户籍) must be in ${payer}`));
    else if (regionContains(spec.payerRegion, learner.householdRegion)) checks.push(met(`学员为${payer}户籍`, `the learner's household registration is in ${payer}`));
    else checks.push(unmet(`学员非${payer}户籍`, `the learner's household registration is not in ${payer}`));
  }
  if (who.age) {
    const { min = 0, max = 120 } = who.age;
    const range = { zh: `${min}至${max}周岁`, en: `${min} to ${max}` };
    if (learner.birthYear === undefined) checks.push(unknown(`年龄需在${range.zh}`, `you must be aged ${range.en}`));
    else {
      // From the birth year alone the age is one of two values, depending on the birthday.
      const older = chinaYear(facts.now) - learner.birthYear;
      const fits = [older - 1, older].map((age) => age >= min && age <= max);
      if (fits.every(Boolean)) checks.push(met(`学员年龄在${range.zh}`, `the learner is aged ${range.en}`));
      else if (!fits.some(Boolean)) checks.push(unmet(`学员年龄不在${range.zh}`, `the learner is not aged ${range.en}`));
      else checks.push(unknown(`年龄需在${range.zh}（按出生年份恰在边界，需按生日确认）`, `you must be aged ${range.en} (your birth year puts you on the boundary: it depends on your birthday)`));
    }
  }
  if (who.holdsCertificate) {
    const words = certificateWords(who.holdsCertificate);
    const held = (learner.certificates ?? []).find((c) => certificateMatches(who.holdsCertificate!, c));
    checks.push(held ? met(`学员持有“${held}”`, `the learner holds “${held}”`) : unmet(`学员未持有${words.zh}`, `the learner does not hold ${words.en}`));
  }

  if (what.occupation) {
    const { occupation } = what;
    const bySkill = occupation.skills?.find((id) => course.skillIds.includes(id));
    const byCertificate = occupation.certificate !== undefined && certificateMatches(occupation.certificate, course.certificate);
    checks.push(
      bySkill || byCertificate
        ? met(`课程属于${occupation.label.zh}培训`, `the course trains for ${occupation.label.en}`)
        : unmet(`课程不属于${occupation.label.zh}培训`, `the course does not train for ${occupation.label.en}`),
    );
  }
  if (what.skills) {
    const taught = what.skills.find((id) => course.skillIds.includes(id));
    checks.push(taught ? met(`课程教授${label(taught).zh}`, `the course teaches ${label(taught).en}`) : unmet('课程未教授规定技能', 'the course teaches none of the skills this subsidy covers'));
  }
  if (what.levels) {
    const { min = 1, max = 5 } = what.levels;
    const level = Math.round(course.level);
    checks.push(
      level >= min && level <= max
        ? met(`课程等级为${LEVEL_ZH[level] ?? level}`, `the course is at ${LEVEL_EN[level] ?? level}`)
        : unmet(`课程等级${LEVEL_ZH[level] ?? level}不在适用范围`, `the course level ${LEVEL_EN[level] ?? level} is not covered`),
    );
  }
  if (what.modes) {
    const mode = MODE_LABELS[course.mode];
    checks.push(what.modes.includes(course.mode) ? met(`课程为${mode.zh}授课`, `the course is taught ${mode.en}`) : unmet(`课程为${mode.zh}授课，不在适用范围`, `the course is taught ${mode.en}, which is not covered`));
  }
  if (what.certificate) {
    const certificate = course.certificate?.trim();
    checks.push(
      certificateMatches(what.certificate, certificate)
        ? met(`结业可获“${certificate}”证书`, `the course ends in the certificate “${certificate}”`)
        : certificate
          ? unmet(`结业证书“${certificate}”不在适用范围内`, `the certificate “${certificate}” is not one this subsidy covers`)
          : unmet('课程结业不颁发证书', 'the course ends in no certificate'),
    );
  }
  if (what.minHours !== undefined) {
    checks.push(
      course.hours >= what.minHours
        ? met(`课时${course.hours}≥${what.minHours}`, `${course.hours} hours ≥ ${what.minHours}`)
        : unmet(`课时${course.hours}少于${what.minHours}`, `${course.hours} hours is under ${what.minHours}`),
    );
  }
  if (what.shortage) {
    const { minIndex } = what.shortage;
    let best: { id: string; index: number } | undefined;
    for (const id of course.skillIds) {
      const index = facts.shortage.get(id) ?? 1;
      if (index >= minIndex && (!best || index > best.index)) best = { id, index };
    }
    checks.push(
      best
        ? met(`课程教授本地紧缺技能${label(best.id).zh}（紧缺指数${best.index.toFixed(2)} ≥ ${minIndex}）`, `the course teaches ${label(best.id).en}, short locally (shortage index ${best.index.toFixed(2)} ≥ ${minIndex})`)
        : unmet(`课程所教技能在本地紧缺指数均低于${minIndex}`, `no skill the course teaches has a local shortage index of ${minIndex} or more`),
    );
  }
  if (spec.unstructured) {
    checks.push(
      spec.providerWording
        ? unknown(`需符合课程方所列条件：${spec.providerWording}`, `you must meet the provider's conditions: ${spec.providerWording}`)
        : unknown('补贴条件未说明，需向培训机构或当地人社部门确认', 'the conditions are not stated: ask the provider or the local human-resources bureau'),
    );
  }
  checks.push(...historyChecks(spec, facts));
  return checks;
}

/** Once a year per kind; once per occupation and level. */
function historyChecks(spec: Spec, facts: SubsidyFacts): Check[] {
  const history = (facts.learner.history ?? []).filter((h) => h.kind === spec.kind);
  if (history.length === 0) return [];
  const kind = KIND_LABELS[spec.kind];
  const checks: Check[] = [];
  const year = chinaYear(facts.now);
  if (spec.limits.oncePerYear) {
    const thisYear = history.find((h) => chinaYear(h.paidAt) === year);
    if (thisYear) return [unmet(`今年已领取过${kind.zh}（${thisYear.paidAt.slice(0, 10)}，${yuanText(thisYear.amountYuan)}元），每人每年限一次`, `a ${kind.en} was already received this year (${thisYear.paidAt.slice(0, 10)}, ${yuanText(thisYear.amountYuan)} yuan): once a year`)];
  }
  if (spec.limits.oncePerOccupationLevel) {
    const occupation = spec.what.occupation ? { id: spec.what.occupation.id, ...spec.what.occupation.label } : facts.course.occupation;
    const level = Math.round(facts.course.level);
    const names = occupation ? new Set([occupation.id, occupation.zh, occupation.en].map(fold)) : undefined;
    for (const h of history) {
      if (chinaYear(h.paidAt) === year && spec.limits.oncePerYear) continue;
      if (h.occupation === undefined || names === undefined) {
        checks.push(unknown(`需确认${h.paidAt.slice(0, 10)}领取的${kind.zh}与本课程不是同一职业同一等级`, `confirm that the ${kind.en} received on ${h.paidAt.slice(0, 10)} was not for the same occupation and level`));
        continue;
      }
      if (!names.has(fold(h.occupation))) continue;
      if (h.level === undefined) {
        checks.push(unknown(`需确认此前领取的${h.occupation}${kind.zh}不是${LEVEL_ZH[level]}`, `confirm that the earlier ${kind.en} for ${h.occupation} was not at ${LEVEL_EN[level]}`));
      } else if (h.level === level) {
        return [unmet(`已领取过${h.occupation}${LEVEL_ZH[level]}的${kind.zh}，同一职业同一等级限一次`, `a ${kind.en} for ${h.occupation} at ${LEVEL_EN[level]} was already received: once per occupation and level`)];
      }
    }
  }
  return checks;
}

function amountOf(amount: SubsidyAmount, price: number | null): { yuan: number; why: Bilingual } | { yuan: null; reason: Bilingual } {
  if ('fixedYuan' in amount) return { yuan: amount.fixedYuan, why: { zh: `定额${yuanText(amount.fixedYuan)}元`, en: `a fixed ${yuanText(amount.fixedYuan)} yuan` } };
  if (price === null) return { yuan: null, reason: { zh: '课程未标价，无法按比例计算', en: 'the course names no price to take a percentage of' } };
  const raw = round2((price * amount.percentOfPrice) / 100);
  const yuan = amount.capYuan === undefined ? raw : Math.min(raw, amount.capYuan);
  const cap = amount.capYuan === undefined ? '' : `，上限${yuanText(amount.capYuan)}元`;
  const capEn = amount.capYuan === undefined ? '' : `, at most ${yuanText(amount.capYuan)} yuan`;
  return { yuan, why: { zh: `按学费${amount.percentOfPrice}%${cap}`, en: `${amount.percentOfPrice}% of the fee${capEn}` } };
}

interface Candidate {
  readonly spec: Spec;
  readonly line: SubsidyLine;
}

const joinTexts = (texts: readonly Bilingual[]): Bilingual => ({ zh: texts.map((t) => t.zh).join('；'), en: texts.map((t) => t.en).join('; ') });

/**
 * Evaluates every rule and the course's own subsidy for one learner and course. Never throws for
 * missing data: what the records do not tell makes a line "to confirm" or leaves it out, and says so.
 */
export function evaluateSubsidies(ruleSet: SubsidyRuleSet, facts: SubsidyFacts): SubsidyOutcome {
  const price = facts.course.priceYuan ?? null;
  const skipped: SkippedSubsidy[] = [];
  const candidates: Candidate[] = [];
  const specs = [courseSpec(ruleSet, facts), ...ruleSet.rules.map(ruleSpec)].filter((s): s is Spec => s !== undefined);

  for (const spec of specs) {
    const checks = checkConditions(spec, facts);
    const failed = checks.find((c) => c.state === 'unmet');
    if (failed) {
      skipped.push({ ruleId: spec.id, reason: failed.text });
      continue;
    }
    const amount = amountOf(spec.amount, price);
    if (amount.yuan === null) {
      skipped.push({ ruleId: spec.id, reason: amount.reason });
      continue;
    }
    const unknowns = checks.filter((c) => c.state === 'unknown').map((c) => c.text);
    const why = joinTexts([...checks.filter((c) => c.state === 'met').map((c) => c.text), amount.why]);
    candidates.push({
      spec,
      line: {
        ruleId: spec.id,
        name: spec.name,
        kind: spec.kind,
        status: unknowns.length === 0 ? 'eligible' : 'to_confirm',
        amountYuan: round2(price === null ? amount.yuan : Math.min(amount.yuan, price)),
        paid: spec.paid,
        why,
        unknown: unknowns,
        payerRegion: spec.payerRegion,
        source: spec.source,
        example: spec.example,
        fromCourse: spec.fromCourse,
        ...(spec.providerWording ? { providerWording: spec.providerWording } : {}),
      },
    });
  }

  // One non-stacking winner per kind among the eligible: the largest, the earliest on a tie.
  const winners = new Map<SubsidyKind, Candidate>();
  for (const c of candidates) {
    if (c.line.status !== 'eligible' || c.spec.stacksWithSameKind) continue;
    const held = winners.get(c.spec.kind);
    if (!held || c.line.amountYuan > held.line.amountYuan) winners.set(c.spec.kind, c);
  }
  const eligible: Candidate[] = [];
  const toConfirm: Candidate[] = [];
  for (const c of candidates) {
    const winner = winners.get(c.spec.kind);
    if (c.spec.stacksWithSameKind || !winner || winner === c) {
      (c.line.status === 'eligible' ? eligible : toConfirm).push(c);
      continue;
    }
    const kind = KIND_LABELS[c.spec.kind];
    if (c.line.status === 'to_confirm' && c.line.amountYuan > winner.line.amountYuan) {
      // Confirming it would replace the eligible one of its kind, not add to it.
      toConfirm.push({
        ...c,
        line: {
          ...c.line,
          note: {
            zh: `与“${winner.spec.name.zh}”同属${kind.zh}，不可叠加：确认后改按本项（多${yuanText(round2(c.line.amountYuan - winner.line.amountYuan))}元）`,
            en: `the same kind (${kind.en}) as “${winner.spec.name.en}”, so it does not add: once confirmed it replaces it (${yuanText(round2(c.line.amountYuan - winner.line.amountYuan))} yuan more)`,
          },
        },
      });
      continue;
    }
    skipped.push({
      ruleId: c.spec.id,
      reason: {
        zh: `与“${winner.spec.name.zh}”同属${kind.zh}，不可叠加，取较高者（${yuanText(winner.line.amountYuan)}元）`,
        en: `the same kind (${kind.en}) as “${winner.spec.name.en}”, which does not stack and is larger (${yuanText(winner.line.amountYuan)} yuan)`,
      },
    });
  }

  // The total cap, then the price, trim the eligible amounts applied last.
  const { percentOfPrice, maxYuan } = ruleSet.totalCap;
  let room = Math.min(maxYuan ?? Infinity, price ?? Infinity, price !== null && percentOfPrice !== undefined ? (price * percentOfPrice) / 100 : Infinity);
  let capped = false;
  const eligibleLines: SubsidyLine[] = [];
  for (const { spec, line } of eligible.sort((a, b) => a.spec.order - b.spec.order)) {
    const amount = round2(Math.min(line.amountYuan, Math.max(0, room)));
    room -= amount;
    if (amount < line.amountYuan) capped = true;
    if (amount <= 0) {
      skipped.push({ ruleId: spec.id, reason: { zh: '补贴总额已达上限', en: 'the total cap is already reached' } });
      continue;
    }
    eligibleLines.push(amount < line.amountYuan ? { ...line, amountYuan: amount, trimmedFromYuan: line.amountYuan } : line);
  }
  const toConfirmLines = toConfirm.sort((a, b) => a.spec.order - b.spec.order).map((c) => c.line);
  const sum = (lines: readonly SubsidyLine[]) => round2(lines.reduce((s, l) => s + l.amountYuan, 0));
  const totalYuan = sum(eligibleLines);
  const upfrontYuan = sum(eligibleLines.filter((l) => l.paid === 'upfront'));
  return {
    rulesVersion: ruleSet.version,
    priceYuan: price,
    lines: [...eligibleLines, ...toConfirmLines],
    eligible: eligibleLines,
    toConfirm: toConfirmLines,
    skipped,
    totalYuan,
    upfrontYuan,
    afterCertificateYuan: round2(totalYuan - upfrontYuan),
    toConfirmYuan: sum(toConfirmLines),
    netCostYuan: price === null ? null : round2(Math.max(0, price - totalYuan)),
    payFirstYuan: price === null ? null : round2(Math.max(0, price - upfrontYuan)),
    capped,
  };
}

/**
 * The taxonomy occupation a course trains for: the one whose essential skills it teaches most (at
 * least one), or undefined on a tie or none, when "once per occupation and level" stays to confirm.
 */
export function courseOccupation(
  skillIds: readonly string[],
  occupations: Iterable<{ readonly id: string; readonly zh: string; readonly en: string; readonly essential: ReadonlyArray<{ readonly skill: string }> }>,
): { id: string; zh: string; en: string } | undefined {
  const taught = new Set(skillIds);
  let best: { id: string; zh: string; en: string } | undefined;
  let bestCount = 0;
  let tie = false;
  for (const o of occupations) {
    const count = o.essential.filter((r) => taught.has(r.skill)).length;
    if (count === 0 || count < bestCount) continue;
    if (count === bestCount) {
      tie = true;
      continue;
    }
    best = { id: o.id, zh: o.zh, en: o.en };
    bestCount = count;
    tie = false;
  }
  return tie ? undefined : best;
}
