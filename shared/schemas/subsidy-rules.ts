/**
 * The subsidy rules file (`shared/rules/subsidies.json`, format 2; docs/subsidies.md) as zod
 * schemas, and its loader: every bad rule and field is named. The engine that evaluates the rules
 * (shared/domain/subsidy/rules.ts) takes the parsed set and loads no schema.
 */
import * as z from 'zod';
import bundledRules from '../rules/subsidies.json' with { type: 'json' };
import { PROVIDER_DECLARED } from '../domain/subsidy/rules.js';
import { RuleRegionSchema, SubsidyKindSchema, SubsidyPaidSchema, SubsidyWhatSchema, SubsidyWhoSchema } from './subsidy.js';

const LabelSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

export const SubsidyAmountSchema = z.union([
  z.strictObject({ fixedYuan: z.number().positive() }),
  z.strictObject({ percentOfPrice: z.number().positive().max(100), capYuan: z.number().positive().optional() }),
]);
export type SubsidyAmount = z.infer<typeof SubsidyAmountSchema>;

export const SubsidyRuleSchema = z.strictObject({
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
export type SubsidyRule = z.output<typeof SubsidyRuleSchema>;

/** The whole rules file. */
export const SubsidyRuleSetSchema = z
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
export type SubsidyRuleSet = z.output<typeof SubsidyRuleSetSchema>;

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
  const parsed = SubsidyRuleSetSchema.safeParse(data);
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
