import * as z from 'zod';
import type { StoredSkill } from '../taxonomy/normalise.js';
import { groupsOf, LEARNER_GROUPS } from '../domain/vocabulary.js';
import { RefSchema, RegionSchema, text } from './common.js';
import { LearnerGroupSchema, type LearnerGroup } from './groups.js';
import { lazy } from './lazy.js';
import { skillList } from './skill-list.js';

export { groupsOf, LEARNER_GROUPS, LearnerGroupSchema, type LearnerGroup };

const GroupsSchema = z.lazy(() =>
  z
    .array(LearnerGroupSchema)
    .min(1, 'Give at least one group.')
    .max(LEARNER_GROUPS.length)
    .transform((groups) => [...new Set(groups)])
    .meta({ description: 'Every group the learner belongs to (several allowed).' })
);

/** Where the learner pays unemployment insurance (失业保险参保地), or `none`. */
const InsuredRegionSchema = z.lazy(() =>
  z
    .union([z.literal('none'), RegionSchema])
    .meta({ description: 'Where the learner pays unemployment insurance (失业保险参保地): a region, or `none`. Unset: unknown, so insurance conditions stay to confirm.' })
);

/**
 * `group` (one) and `groups` (several) are both accepted: before validation, one fills the other
 * (`groups` from a lone `group`, `group` as the first of `groups`), so every bad field is named in
 * one answer and older clients keep their `group` errors. The stored record carries both.
 */
function fillGroups(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const value = input as { group?: unknown; groups?: unknown };
  if (value.groups === undefined && typeof value.group === 'string') return { ...value, groups: [value.group] };
  if (value.group === undefined && Array.isArray(value.groups) && typeof value.groups[0] === 'string') return { ...value, group: value.groups[0] };
  return input;
}

/** `group` must be one of `groups`, and comes first in them. */
const groupInGroups = {
  // Runs even when other fields failed (`when`), so the value may be anything: check its shape first.
  check: (value: { group?: LearnerGroup | undefined; groups?: LearnerGroup[] | undefined }) =>
    typeof value !== 'object' || value === null || typeof value.group !== 'string' || !Array.isArray(value.groups) || value.groups.includes(value.group),
  params: { path: ['group'], message: 'group must be one of groups when both are given.', when: () => true },
};
const groupFirst = <T extends { group?: LearnerGroup | undefined; groups?: LearnerGroup[] | undefined }>(value: T): T =>
  value.group !== undefined && value.groups ? { ...value, groups: [value.group, ...value.groups.filter((g) => g !== value.group)] } : value;

/**
 * Contact details a job seeker chooses to share. No employer sees them until the seeker applies to
 * that employer's demand or accepts its invitation (docs/action-loop.md).
 */
export const ContactSchema = z.lazy(() =>
  z
    .strictObject({
      phone: z
        .string()
        .trim()
        .regex(/^(\+?86[\s-]?)?1[3-9]\d([\s-]?\d{4}){2}$/, 'A mainland mobile number, e.g. 13800138000.')
        .optional(),
      email: z.email('An e-mail address, e.g. name@example.cn.').max(254).optional(),
    })
    .meta({ id: 'Contact', description: 'Shown to an employer only after the seeker applies to its demand or accepts its invitation.' })
);
export type Contact = z.output<typeof ContactSchema>;

const fields = lazy(() => ({
  summary: text(5_000).default(''),
  skills: skillList(1, 50, { splitWants: true }),
  wants: skillList(0, 30)
    .optional()
    .meta({ description: 'What the person wants to learn or work in. Wishes written among the skills (想学…, 希望从事…) land here too; never scored as held.' }),
  certificates: z.array(text(200).min(1)).max(30).default([]),
  region: RegionSchema,
  group: LearnerGroupSchema.meta({ description: 'One group; with several, give `groups` (this may then be left out: it is the first of them).' }),
  groups: GroupsSchema.optional(),
  insuredRegion: InsuredRegionSchema.optional(),
  householdRegion: RegionSchema.optional().meta({ description: 'Household registration (户籍地). Unset: unknown.' }),
  birthYear: z.int().min(1900).max(2100).optional().meta({ description: 'For age conditions of subsidies. Unset: unknown.' }),
  education: text(100).optional(),
  yearsExperience: z.number().min(0).max(60).optional(),
  prefersOnline: z.boolean().optional(),
  consentToShare: z.boolean().meta({ description: 'May employers see this profile in their matches.' }),
  contact: ContactSchema.optional(),
}));

/**
 * Wishes found among the skills move to `wants` (beside any given as such), so that `skills` holds
 * only what the person has.
 */
function splitWants<T extends { skills?: StoredSkill[] | undefined; wants?: StoredSkill[] | undefined }>(learner: T): T {
  if (learner.skills === undefined) return learner;
  const wished = learner.skills.filter((s) => s.intent === 'want');
  if (wished.length === 0 && learner.wants === undefined) return learner;
  const wants = [...(learner.wants ?? []), ...wished].map(({ intent: _want, ...s }) => s);
  return { ...learner, skills: learner.skills.filter((s) => s.intent !== 'want'), wants };
}

/** A job seeker's profile, as submitted. */
export const LearnerInputSchema = z.lazy(() =>
  z
    .preprocess(fillGroups, z.strictObject({ ref: RefSchema, ...fields() }).refine(groupInGroups.check, groupInGroups.params).transform(groupFirst))
    .transform(splitWants)
    .meta({ id: 'LearnerInput', description: "A job seeker's skill profile." })
);
export type LearnerInput = z.output<typeof LearnerInputSchema>;

/** The fields of a merge patch of a learner: given ones replace, `null` clears an optional one. */
export const learnerPatchFields = lazy(() => ({
  summary: text(5_000).optional(),
  skills: fields().skills.optional(),
  wants: skillList(0, 30).nullable().optional(),
  // Not fields.certificates: its default would turn a patch that leaves them out into an erase.
  certificates: z.array(text(200).min(1)).max(30).optional(),
  region: RegionSchema.optional(),
  group: LearnerGroupSchema.optional(),
  groups: GroupsSchema.optional(),
  insuredRegion: InsuredRegionSchema.nullable().optional(),
  householdRegion: RegionSchema.nullable().optional(),
  birthYear: fields().birthYear.nullable().optional(),
  education: text(100).nullable().optional(),
  yearsExperience: z.number().min(0).max(60).nullable().optional(),
  prefersOnline: z.boolean().nullable().optional(),
  consentToShare: z.boolean().optional(),
  contact: ContactSchema.nullable().optional(),
}));

/**
 * A learner patch: groups filled from one another, wishes among the skills moved to wants. The
 * `/me/profile` patch (shared/schemas/action.ts) is the same with an optional `ref`.
 */
export const LearnerPatchSchema = z.lazy(() =>
  z
    .preprocess(fillGroups, z.strictObject(learnerPatchFields()).refine(groupInGroups.check, groupInGroups.params).transform(groupFirst))
    .transform((patch) => (patch.wants === null ? patch : splitWants({ ...patch, wants: patch.wants })))
    .meta({ id: 'LearnerPatch' })
);

/** The same as {@link LearnerPatchSchema} with an optional `ref` (creating one's own profile by PATCH). */
export const LearnerPatchWithRefSchema = z.lazy(() =>
  z
    .preprocess(fillGroups, z.strictObject({ ...learnerPatchFields(), ref: RefSchema.optional() }).refine(groupInGroups.check, groupInGroups.params).transform(groupFirst))
    .transform((patch) => (patch.wants === null ? patch : splitWants({ ...patch, wants: patch.wants })))
);
export type LearnerPatch = z.output<typeof LearnerPatchSchema>;

export const LearnerBatchSchema = z.lazy(() => z.array(LearnerInputSchema).min(1).max(100, 'At most 100 records a batch.'));
