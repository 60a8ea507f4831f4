/**
 * The subsidy rules file (`shared/rules/subsidies.json`, format 2; docs/subsidies.md) as zod
 * schemas, and its loader: every bad rule and field is named. The engine that evaluates the rules
 * (shared/domain/subsidy/rules.ts) takes the parsed set and loads no schema.
 */
import * as z from 'zod';
import bundledRules from '../rules/subsidies.json' with { type: 'json' };
import { PROVIDER_DECLARED } from '../domain/subsidy/rules.js';
import { normaliseRegion } from '../regions/regions.js';
import { lazy } from './lazy.js';
import { CertificateMatchSchema, SubsidyKindSchema, SubsidyPaidSchema, SubsidyWhoSchema } from './subsidy.js';

/**
 * The rules file's schemas, built on the first {@link loadSubsidyRules}: every function that can
 * recommend bundles them, but a cold start never reads the rules (docs/cold-start.md).
 */
export const subsidyRuleSchemas = lazy(() => {
  const LabelSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

  /** A GB/T 2260 code as rules write it (6 digits, or `national`); checked against the division tree. */
  const RuleRegionSchema = z.string().refine((code) => normaliseRegion(code)?.code === code, { message: 'Use a 6-digit GB/T 2260 code or national.' });

  /** What the training must be. */
  const SubsidyWhatSchema = z.strictObject({
    /** The occupation (工种) paid for: a course counts when it teaches one of `skills` or ends in a certificate matching `certificate`. */
    occupation: z
      .strictObject({
        id: z.string().min(1),
        label: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }),
        skills: z.array(z.string().min(1)).min(1).optional(),
        certificate: CertificateMatchSchema.optional(),
      })
      .optional(),
    /** The course teaches at least one of these taxonomy skills. */
    skills: z.array(z.string().min(1)).min(1).optional(),
    /** Course level, 1 (五级/初级工) … 5 (一级/高级技师), bounds included. */
    levels: z.strictObject({ min: z.int().min(1).max(5).optional(), max: z.int().min(1).max(5).optional() }).optional(),
    /** The course ends in a certificate like this. */
    certificate: CertificateMatchSchema.optional(),
    modes: z.array(z.enum(['online', 'offline', 'blended'])).min(1).optional(),
    minHours: z.number().positive().optional(),
    /** The course teaches a skill whose shortage index in the learner's region is at least `minIndex`. */
    shortage: z.strictObject({ minIndex: z.number().positive() }).optional(),
  });

  const SubsidyAmountSchema = z.union([
    z.strictObject({ fixedYuan: z.number().positive() }),
    z.strictObject({ percentOfPrice: z.number().positive().max(100), capYuan: z.number().positive().optional() }),
  ]);

  const SubsidyRuleSchema = z.strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case'),
    name: LabelSchema,
    /** Where the rule comes from (the policy document), or that it is an example. */
    source: z.string().min(1),
    /** True when the amount is a configurable example rather than a quoted policy; its name says 示例. */
    example: z.boolean(),
    kind: SubsidyKindSchema,
    /** Who pays: the bureau's region must cover the learner; `courseWithin`: and the course's place. */
    payer: z.strictObject({ region: RuleRegionSchema, courseWithin: z.boolean().default(false) }),
    who: SubsidyWhoSchema.default({}),
    what: SubsidyWhatSchema.default({}),
    amount: SubsidyAmountSchema,
    paid: SubsidyPaidSchema,
    /** Adds to another subsidy of the same kind instead of competing with it. */
    stacksWithSameKind: z.boolean().default(false),
    limits: z.strictObject({ oncePerYear: z.boolean().default(true), oncePerOccupationLevel: z.boolean().default(true) }).default({ oncePerYear: true, oncePerOccupationLevel: true }),
  });

  /** The whole rules file. */
  const SubsidyRuleSetSchema = z
    .strictObject({
      format: z.literal(2),
      version: z.string().min(1),
      currency: z.literal('CNY'),
      notice: LabelSchema,
      /** How a course's own subsidy is treated when the course gives no structured terms. */
      providerDeclared: z.strictObject({ name: LabelSchema, kind: SubsidyKindSchema, paid: SubsidyPaidSchema }),
      totalCap: z.strictObject({ percentOfPrice: z.number().positive().max(100).optional(), maxYuan: z.number().positive().optional() }),
      rules: z.array(SubsidyRuleSchema),
    })
    .superRefine((set, ctx) => {
      const seen = new Set<string>();
      set.rules.forEach((rule, i) => {
        if (seen.has(rule.id) || rule.id === PROVIDER_DECLARED) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate or reserved id ${rule.id}` });
        seen.add(rule.id);
        const { age } = rule.who;
        if (age?.min !== undefined && age.max !== undefined && age.min > age.max) ctx.addIssue({ code: 'custom', path: ['rules', i, 'who', 'age'], message: 'min is above max' });
        const { levels } = rule.what;
        if (levels?.min !== undefined && levels.max !== undefined && levels.min > levels.max) ctx.addIssue({ code: 'custom', path: ['rules', i, 'what', 'levels'], message: 'min is above max' });
        if (rule.what.occupation && !rule.what.occupation.skills && !rule.what.occupation.certificate) {
          ctx.addIssue({ code: 'custom', path: ['rules', i, 'what', 'occupation'], message: 'give skills or certificate: how a course is recognised as this occupation' });
        }
      });
    });

  return { RuleRegionSchema, SubsidyWhatSchema, SubsidyAmountSchema, SubsidyRuleSchema, SubsidyRuleSetSchema };
});
type RuleSchemas = ReturnType<typeof subsidyRuleSchemas>;

export type SubsidyWhat = z.infer<RuleSchemas['SubsidyWhatSchema']>;
export type SubsidyAmount = z.infer<RuleSchemas['SubsidyAmountSchema']>;
export type SubsidyRule = z.output<RuleSchemas['SubsidyRuleSchema']>;
export type SubsidyRuleSet = z.output<RuleSchemas['SubsidyRuleSetSchema']>;

/** A rules file that does not validate: each issue names the rule (id and index) and the field. */
export class SubsidyRulesError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`Subsidy rules are invalid: ${issues.slice(0, 5).join('; ')}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`);
    this.name = 'SubsidyRulesError';
  }
}

/** One zod issue in words: `rule "sh-upgrade" (rules[0]) field amount.fixedYuan: Too small…`. */
function describeIssue(data: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  if (path[0] === 'rules' && path[1] !== undefined) {
    const index = Number(path[1]);
    const raw = (data as { rules?: unknown[] } | null)?.rules?.[index] as { id?: unknown } | undefined;
    const id = typeof raw?.id === 'string' ? `"${raw.id}"` : '(no id)';
    const field = path.slice(2).join('.') || '(the rule)';
    return `rule ${id} (rules[${index}]) field ${field}: ${issue.message}`;
  }
  return `field ${path.join('.') || '(the file)'}: ${issue.message}`;
}

const checked = new WeakMap<object, SubsidyRuleSet>();

/**
 * The rule set from `data` (the bundled `shared/rules/subsidies.json` by default), validated once
 * per data object.
 *
 * @throws SubsidyRulesError naming every bad rule and field
 */
export function loadSubsidyRules(data: unknown = bundledRules): SubsidyRuleSet {
  const key = typeof data === 'object' && data !== null ? data : undefined;
  const known = key ? checked.get(key) : undefined;
  if (known) return known;
  const parsed = subsidyRuleSchemas().SubsidyRuleSetSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => describeIssue(data, i));
    // Cross-rule checks run only once every rule parses: report duplicate ids from the raw file too.
    const raw = (data as { rules?: unknown } | null)?.rules;
    if (Array.isArray(raw) && !issues.some((i) => i.includes('duplicate'))) {
      const seen = new Set<unknown>();
      raw.forEach((rule: unknown, index) => {
        const id = (rule as { id?: unknown } | null)?.id;
        if (typeof id === 'string' && (seen.has(id) || id === PROVIDER_DECLARED)) issues.push(`rule "${id}" (rules[${index}]) field id: duplicate or reserved id ${id}`);
        seen.add(id);
      });
    }
    throw new SubsidyRulesError(issues);
  }
  if (key) checked.set(key, parsed.data);
  return parsed.data;
}
