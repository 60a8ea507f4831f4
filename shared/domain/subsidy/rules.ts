/**
 * Training subsidies as data: the rules live in `shared/rules/subsidies.json` (versioned), this
 * module checks them once and evaluates them for one learner and one course. Pure: the shortage
 * facts come in as a map, read by the caller from the ShortageReader.
 *
 * How amounts combine (see docs/recommendations.md):
 * 1. Every rule whose conditions all hold is a candidate with its amount (fixed yuan, or a percent
 *    of the price up to its cap; a percent rule does not apply when the price is unknown).
 * 2. The course's own `subsidyYuan` is the provider's declared subsidy. Providers usually declare
 *    the ordinary training-fee subsidy, so it joins the exclusive group named by
 *    `providerDeclared.exclusiveGroup`: it never adds to a rule of that group, the larger wins.
 * 3. In each exclusive group only the largest candidate applies (ties: the first in the file,
 *    the provider's declaration before the rules). Stackable rules always add.
 * 4. The total is capped by `totalCap` (a percent of the price and/or yuan); when it bites, the
 *    amounts applied last are trimmed first. Net cost = max(0, price − total).
 */
import * as z from 'zod';
import bundledRules from '../../rules/subsidies.json' with { type: 'json' };
import { normaliseRegion, regionContains, regionName } from '../../regions/regions.js';
import { COURSE_MODES, LEARNER_GROUPS, type LearnerGroup } from '../vocabulary.js';

/** A text in both languages. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** The rule id under which the course's own `subsidyYuan` appears. */
export const PROVIDER_DECLARED = 'provider-declared';

const LabelSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

const RegionCodeSchema = z.string().refine((code) => normaliseRegion(code)?.code === code, { message: 'Use a 6-digit GB/T 2260 code or national.' });

const PatternSchema = z.string().refine(
  (source) => {
    try {
      new RegExp(source, 'iu');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'Not a valid regular expression.' },
);

/** What must all hold for a rule to apply; a list means "any of these". */
export const SubsidyConditionsSchema = z.strictObject({
  groups: z.array(z.enum(LEARNER_GROUPS)).min(1).optional(),
  /** The learner's region lies within one of these (a province code covers all its districts). */
  learnerRegionWithin: z.array(RegionCodeSchema).min(1).optional(),
  /** The course's region lies within one of these. */
  courseRegionWithin: z.array(RegionCodeSchema).min(1).optional(),
  modes: z.array(z.enum(COURSE_MODES)).min(1).optional(),
  /** The course ends in a certificate: any, one of a list (exact, case- and width-insensitive), or matching a pattern. */
  certificate: z
    .strictObject({
      any: z.boolean().optional(),
      anyOf: z.array(z.string().min(1)).optional(),
      patterns: z.array(PatternSchema).optional(),
    })
    .optional(),
  /** The course teaches at least one of these taxonomy skills. */
  teachesSkills: z.array(z.string().min(1)).min(1).optional(),
  /** The course teaches a skill whose shortage index in the learner's region is at least `minIndex`. */
  shortage: z.strictObject({ minIndex: z.number().positive() }).optional(),
  minHours: z.number().positive().optional(),
});
export type SubsidyConditions = z.infer<typeof SubsidyConditionsSchema>;

export const SubsidyAmountSchema = z.union([
  z.strictObject({ fixedYuan: z.number().positive() }),
  z.strictObject({ percentOfPrice: z.number().positive().max(100), capYuan: z.number().positive().optional() }),
]);
export type SubsidyAmount = z.infer<typeof SubsidyAmountSchema>;

export const SubsidyRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case'),
  name: LabelSchema,
  /** Where the rule comes from, or that it is an example. */
  source: z.string().min(1),
  /** True when the amount is a configurable example rather than a quoted policy. */
  example: z.boolean(),
  conditions: SubsidyConditionsSchema,
  amount: SubsidyAmountSchema,
  stacking: z.union([z.literal('stackable'), z.strictObject({ exclusiveGroup: z.string().min(1) })]),
});
export type SubsidyRule = z.infer<typeof SubsidyRuleSchema>;

/** The whole rules file. */
export const SubsidyRuleSetSchema = z
  .strictObject({
    version: z.string().min(1),
    currency: z.literal('CNY'),
    notice: LabelSchema,
    providerDeclared: z.strictObject({ exclusiveGroup: z.string().min(1), name: LabelSchema }),
    totalCap: z.strictObject({ percentOfPrice: z.number().positive().max(100).optional(), maxYuan: z.number().positive().optional() }),
    rules: z.array(SubsidyRuleSchema),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.rules.forEach((rule, i) => {
      if (seen.has(rule.id) || rule.id === PROVIDER_DECLARED) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate or reserved id ${rule.id}` });
      seen.add(rule.id);
    });
  });
export type SubsidyRuleSet = z.infer<typeof SubsidyRuleSetSchema>;

/** The rules file is ours and bundled: a bad edit must fail loudly at cold start, naming the field. */
export class SubsidyRulesError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`Subsidy rules are invalid: ${issues.slice(0, 5).join('; ')}`);
    this.name = 'SubsidyRulesError';
  }
}

const checked = new WeakMap<object, SubsidyRuleSet>();

/**
 * The rule set from `data` (the bundled `shared/rules/subsidies.json` by default), validated once
 * per data object.
 *
 * @throws SubsidyRulesError naming every bad field
 */
export function loadSubsidyRules(data: unknown = bundledRules): SubsidyRuleSet {
  const key = typeof data === 'object' && data !== null ? data : undefined;
  const known = key ? checked.get(key) : undefined;
  if (known) return known;
  const parsed = SubsidyRuleSetSchema.safeParse(data);
  if (!parsed.success) throw new SubsidyRulesError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  if (key) checked.set(key, parsed.data);
  return parsed.data;
}

/** What the engine knows about one learner, one course and the local shortage. */
export interface SubsidyFacts {
  readonly learner: { readonly group: LearnerGroup; readonly region: string };
  readonly course: {
    readonly region: string;
    readonly mode: 'online' | 'offline' | 'blended';
    readonly hours: number;
    readonly certificate?: string | undefined;
    readonly priceYuan?: number | undefined;
    readonly subsidyYuan?: number | undefined;
    /** Taxonomy skills the course teaches. */
    readonly skillIds: readonly string[];
  };
  /** Shortage index per skill in the learner's region; skills absent count as 1 (neutral). */
  readonly shortage: ReadonlyMap<string, number>;
  /** Skill labels for the reasons; ids are shown where absent. */
  readonly skillLabels?: ReadonlyMap<string, Bilingual>;
}

/** One subsidy that applies, with the amount it contributes and why. */
export interface AppliedSubsidy {
  readonly ruleId: string;
  readonly name: Bilingual;
  readonly amountYuan: number;
  /** Set when the total cap trimmed this amount: what it would have been. */
  readonly trimmedFromYuan?: number;
  readonly why: Bilingual;
  readonly source: string;
  readonly example: boolean;
  readonly stacking: 'stackable' | { readonly exclusiveGroup: string };
}

/** A rule that did not apply, and why (for audits and tests; not shown in rankings). */
export interface SkippedSubsidy {
  readonly ruleId: string;
  readonly reason: Bilingual;
}

export interface SubsidyOutcome {
  readonly rulesVersion: string;
  readonly priceYuan: number | null;
  readonly applied: readonly AppliedSubsidy[];
  readonly skipped: readonly SkippedSubsidy[];
  readonly totalYuan: number;
  /** `null` when the course names no price. */
  readonly netCostYuan: number | null;
  readonly capped: boolean;
}

const GROUP_LABELS: Record<LearnerGroup, Bilingual> = {
  graduate: { zh: '毕业年度高校毕业生', en: 'a graduate in their graduation year' },
  migrant_worker: { zh: '农民工', en: 'a migrant worker' },
  laid_off: { zh: '失业人员', en: 'a laid-off worker' },
  veteran: { zh: '退役军人', en: 'a veteran' },
  disabled: { zh: '残疾人', en: 'a person with a disability' },
  employed_upskilling: { zh: '在职提升人员', en: 'an employed person upskilling' },
  other: { zh: '其他人员', en: 'in no priority group' },
};
const MODE_LABELS = { online: { zh: '线上', en: 'online' }, offline: { zh: '线下', en: 'in person' }, blended: { zh: '线上线下混合', en: 'blended' } } as const;

const fold = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
// One formatter: toLocaleString with options builds a new Intl.NumberFormat on every call, which
// cost recommendations most of their CPU (every rule, for every candidate course).
const YUAN_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
/** An amount of yuan as explanations write it: `1,000`, `2,399.5`. */
export const yuanText = (amount: number): string => YUAN_FORMAT.format(amount);
/** Certificate patterns compiled once each. */
const patternCache = new Map<string, RegExp>();
const pattern = (source: string): RegExp => {
  let compiled = patternCache.get(source);
  if (!compiled) patternCache.set(source, (compiled = new RegExp(source, 'iu')));
  return compiled;
};
const round2 = (value: number) => Math.round(value * 100) / 100;

type Check = { ok: true; why: Bilingual } | { ok: false; reason: Bilingual };
const pass = (zh: string, en: string): Check => ({ ok: true, why: { zh, en } });
const fail = (zh: string, en: string): Check => ({ ok: false, reason: { zh, en } });

/** Each condition of a rule, checked in turn; the first that fails says why the rule does not apply. */
function checkConditions(conditions: SubsidyConditions, facts: SubsidyFacts): Check[] {
  const { learner, course } = facts;
  const checks: Check[] = [];
  const label = (id: string): Bilingual => facts.skillLabels?.get(id) ?? { zh: id, en: id };
  if (conditions.groups) {
    const group = GROUP_LABELS[learner.group];
    checks.push(
      conditions.groups.includes(learner.group)
        ? pass(`学员为${group.zh}`, `the learner is ${group.en}`)
        : fail(`学员不属于${conditions.groups.map((g) => GROUP_LABELS[g].zh).join('、')}`, `the learner is not ${conditions.groups.map((g) => GROUP_LABELS[g].en).join(' or ')}`),
    );
  }
  if (conditions.learnerRegionWithin) {
    const within = conditions.learnerRegionWithin.find((code) => regionContains(code, learner.region));
    const names = conditions.learnerRegionWithin.map((code) => regionName(code) ?? code).join('、');
    checks.push(within ? pass(`学员所在地属于${regionName(within) ?? within}`, `the learner lives in ${regionName(within) ?? within}`) : fail(`学员所在地不在${names}`, `the learner does not live in ${names}`));
  }
  if (conditions.courseRegionWithin) {
    const within = conditions.courseRegionWithin.find((code) => regionContains(code, course.region));
    const names = conditions.courseRegionWithin.map((code) => regionName(code) ?? code).join('、');
    checks.push(within ? pass(`课程开设地属于${regionName(within) ?? within}`, `the course is held in ${regionName(within) ?? within}`) : fail(`课程开设地不在${names}`, `the course is not held in ${names}`));
  }
  if (conditions.modes) {
    const mode = MODE_LABELS[course.mode];
    checks.push(conditions.modes.includes(course.mode) ? pass(`课程为${mode.zh}授课`, `the course is taught ${mode.en}`) : fail(`课程为${mode.zh}授课`, `the course is taught ${mode.en}`));
  }
  if (conditions.certificate) {
    const { any, anyOf = [], patterns = [] } = conditions.certificate;
    const certificate = course.certificate?.trim();
    const matches =
      certificate !== undefined &&
      certificate !== '' &&
      (any === true || anyOf.some((name) => fold(name) === fold(certificate)) || patterns.some((source) => pattern(source).test(certificate.normalize('NFKC'))));
    checks.push(
      matches
        ? pass(`结业可获“${certificate}”证书`, `the course ends in the certificate “${certificate}”`)
        : certificate
          ? fail(`结业证书“${certificate}”不在适用范围内`, `the certificate “${certificate}” is not one this rule covers`)
          : fail('课程结业不颁发证书', 'the course ends in no certificate'),
    );
  }
  if (conditions.teachesSkills) {
    const taught = conditions.teachesSkills.find((id) => course.skillIds.includes(id));
    checks.push(taught ? pass(`课程教授${label(taught).zh}`, `the course teaches ${label(taught).en}`) : fail('课程未教授规定技能', 'the course teaches none of the skills this rule covers'));
  }
  if (conditions.shortage) {
    const { minIndex } = conditions.shortage;
    let best: { id: string; index: number } | undefined;
    for (const id of course.skillIds) {
      const index = facts.shortage.get(id) ?? 1;
      if (index >= minIndex && (!best || index > best.index)) best = { id, index };
    }
    checks.push(
      best
        ? pass(
            `课程教授本地紧缺技能${label(best.id).zh}（紧缺指数${best.index.toFixed(2)} ≥ ${minIndex}）`,
            `the course teaches ${label(best.id).en}, short in the learner's region (shortage index ${best.index.toFixed(2)} ≥ ${minIndex})`,
          )
        : fail(`课程所教技能在本地紧缺指数均低于${minIndex}`, `no skill the course teaches has a local shortage index of ${minIndex} or more`),
    );
  }
  if (conditions.minHours !== undefined) {
    checks.push(
      course.hours >= conditions.minHours
        ? pass(`课时${course.hours}≥${conditions.minHours}`, `${course.hours} hours ≥ ${conditions.minHours}`)
        : fail(`课时${course.hours}少于${conditions.minHours}`, `${course.hours} hours is under ${conditions.minHours}`),
    );
  }
  return checks;
}

function amountOf(amount: SubsidyAmount, price: number | null): { yuan: number; why: Bilingual } | { yuan: null; reason: Bilingual } {
  if ('fixedYuan' in amount) {
    return { yuan: amount.fixedYuan, why: { zh: `定额${yuanText(amount.fixedYuan)}元`, en: `a fixed ${yuanText(amount.fixedYuan)} yuan` } };
  }
  if (price === null) return { yuan: null, reason: { zh: '课程未标价，无法按比例计算', en: 'the course names no price to take a percentage of' } };
  const raw = round2((price * amount.percentOfPrice) / 100);
  const yuan = amount.capYuan === undefined ? raw : Math.min(raw, amount.capYuan);
  const cap = amount.capYuan === undefined ? '' : `，上限${yuanText(amount.capYuan)}元`;
  const capEn = amount.capYuan === undefined ? '' : `, at most ${yuanText(amount.capYuan)} yuan`;
  return { yuan, why: { zh: `按学费${amount.percentOfPrice}%${cap}`, en: `${amount.percentOfPrice}% of the fee${capEn}` } };
}

interface Candidate {
  readonly entry: Omit<AppliedSubsidy, 'amountYuan'> & { amountYuan: number };
  readonly order: number;
}

/**
 * Evaluates every rule for one learner and course. Never throws for missing course data: a rule
 * that needs what the course does not say simply does not apply, and says so in `skipped`.
 */
export function evaluateSubsidies(ruleSet: SubsidyRuleSet, facts: SubsidyFacts): SubsidyOutcome {
  const price = facts.course.priceYuan ?? null;
  const candidates: Candidate[] = [];
  const skipped: SkippedSubsidy[] = [];

  const declared = facts.course.subsidyYuan ?? 0;
  if (declared > 0) {
    candidates.push({
      order: -1,
      entry: {
        ruleId: PROVIDER_DECLARED,
        name: ruleSet.providerDeclared.name,
        amountYuan: price === null ? declared : Math.min(declared, price),
        why: { zh: `课程方申报补贴${yuanText(declared)}元`, en: `the provider declares a subsidy of ${yuanText(declared)} yuan` },
        source: 'The course record’s subsidyYuan (its subsidyConditions are shown with the course).',
        example: false,
        stacking: { exclusiveGroup: ruleSet.providerDeclared.exclusiveGroup },
      },
    });
  }

  ruleSet.rules.forEach((rule, order) => {
    const checks = checkConditions(rule.conditions, facts);
    const failed = checks.find((c): c is Extract<Check, { ok: false }> => !c.ok);
    if (failed) {
      skipped.push({ ruleId: rule.id, reason: failed.reason });
      return;
    }
    const amount = amountOf(rule.amount, price);
    if (amount.yuan === null) {
      skipped.push({ ruleId: rule.id, reason: amount.reason });
      return;
    }
    const reasons = [...checks.flatMap((c) => (c.ok ? [c.why] : [])), amount.why];
    candidates.push({
      order,
      entry: {
        ruleId: rule.id,
        name: rule.name,
        amountYuan: price === null ? amount.yuan : Math.min(amount.yuan, price),
        why: { zh: reasons.map((r) => r.zh).join('；'), en: reasons.map((r) => r.en).join('; ') },
        source: rule.source,
        example: rule.example,
        stacking: rule.stacking,
      },
    });
  });

  // One winner per exclusive group: the largest amount, the earliest on a tie.
  const winners = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const { stacking } = candidate.entry;
    if (stacking === 'stackable') continue;
    const held = winners.get(stacking.exclusiveGroup);
    if (!held || candidate.entry.amountYuan > held.entry.amountYuan) winners.set(stacking.exclusiveGroup, candidate);
  }
  const chosen = candidates.filter((c) => c.entry.stacking === 'stackable' || winners.get(c.entry.stacking.exclusiveGroup) === c);
  for (const c of candidates) {
    if (chosen.includes(c)) continue;
    const group = (c.entry.stacking as { exclusiveGroup: string }).exclusiveGroup;
    const winner = winners.get(group)!.entry;
    skipped.push({
      ruleId: c.entry.ruleId,
      reason: {
        zh: `与“${winner.name.zh}”同属不可叠加的“${group}”类，取较高者（${yuanText(winner.amountYuan)}元）`,
        en: `in the same non-stacking group “${group}” as “${winner.name.en}”, which is larger (${yuanText(winner.amountYuan)} yuan)`,
      },
    });
  }
  chosen.sort((a, b) => a.order - b.order);

  const { percentOfPrice, maxYuan } = ruleSet.totalCap;
  const cap = Math.min(maxYuan ?? Infinity, price !== null && percentOfPrice !== undefined ? (price * percentOfPrice) / 100 : Infinity);
  let room = cap;
  let capped = false;
  const applied: AppliedSubsidy[] = [];
  for (const { entry } of chosen) {
    const amount = round2(Math.min(entry.amountYuan, Math.max(0, room)));
    room -= amount;
    if (amount < entry.amountYuan) capped = true;
    if (amount <= 0) {
      skipped.push({ ruleId: entry.ruleId, reason: { zh: '补贴总额已达上限', en: 'the total cap is already reached' } });
      continue;
    }
    applied.push(amount < entry.amountYuan ? { ...entry, amountYuan: amount, trimmedFromYuan: entry.amountYuan } : entry);
  }
  const totalYuan = round2(applied.reduce((sum, a) => sum + a.amountYuan, 0));
  return {
    rulesVersion: ruleSet.version,
    priceYuan: price,
    applied,
    skipped,
    totalYuan,
    netCostYuan: price === null ? null : round2(Math.max(0, price - totalYuan)),
    capped,
  };
}
