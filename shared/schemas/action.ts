import * as z from 'zod';
import { ENGAGEMENT_STATUSES } from '../domain/engagement.js';
import { INBOX_EVENT_TYPES } from '../ports/inbox.js';
import { RegionSchema, RefSchema, text } from './common.js';
import { ContactSchema, LearnerPatchWithRefSchema } from './learner.js';
import { NextTokenSchema, pageSize } from './paging.js';

/**
 * Requests and answers of the action loop: `/me/profile`, `/jobs`, `/applications`,
 * `/invitations` and `/inbox` (docs/action-loop.md, docs/jobs.md).
 */

const booleanParam = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

/** `GET /jobs`. */
export const JobsQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(100).optional().meta({ description: 'Words to find in the title, skills and description (Chinese or English).' }),
  region: RegionSchema.optional().meta({ description: 'This region and everything inside it; default national.' }),
  skill: z.string().trim().min(1).max(200).optional().meta({ description: 'A taxonomy id or free text naming one skill.' }),
  salaryMin: z.coerce.number().min(0).max(10_000_000).optional().meta({ description: 'Only jobs whose pay reaches this many yuan a month.' }),
  remote: booleanParam.meta({ description: 'true: only jobs done from anywhere; false: only jobs in a place.' }),
  near: booleanParam.meta({
    description: 'true (with `region`): when the region has fewer than `limit` results, widen to its city, then its province; each item then says which (`scope`).',
  }),
  limit: pageSize(50, 20),
  nextToken: NextTokenSchema,
});
export type JobsQuery = z.output<typeof JobsQuerySchema>;

const EvidenceSchema = z.lazy(() => z.looseObject({ skillId: z.string(), label: z.object({ zh: z.string(), en: z.string() }), role: z.string(), credit: z.number() }));

export const JobSchema = z.lazy(() =>
  z
    .object({
      id: z.string(),
      ref: z.string(),
      title: z.string(),
      employer: z.string().meta({ description: 'Display name; no contact details.' }),
      region: z.string(),
      salaryMin: z.number().optional(),
      salaryMax: z.number().optional(),
      headcount: z.int(),
      skills: z.array(z.object({ text: z.string(), skillId: z.string().nullable(), level: z.int().nullable(), role: z.enum(['required', 'preferred']) })),
      remote: z.boolean().optional(),
      createdAt: z.string(),
      expiresAt: z.string().optional(),
      match: z
        .object({
          score: z.number(),
          requiredMet: z.int(),
          requiredTotal: z.int(),
          explanation: z.object({ summary: z.string(), matched: z.array(EvidenceSchema), partial: z.array(EvidenceSchema), missing: z.array(EvidenceSchema), region: z.string() }),
        })
        .optional()
        .meta({ description: 'For a job seeker with a profile: the matcher’s score and why.' }),
      scope: z
        .enum(['region', 'city', 'province'])
        .optional()
        .meta({ description: 'With `near=true`: found in the region asked for, or only on widening to its city or its province.' }),
    })
    .meta({ id: 'Job' })
);
export type Job = z.output<typeof JobSchema>;
export const JobPageSchema = z.lazy(() =>
  z
    .object({
      items: z.array(JobSchema),
      nextToken: z.string().optional(),
      truncated: z
        .literal(true)
        .optional()
        .meta({
          description:
            'Present when every word of the search is so common in the region that the results come from the first 2,000 jobs under its rarest word (by region code), not from all of them: narrow the region or add words.',
        }),
    })
    .meta({ id: 'JobPage' })
);

/** `PATCH /me/profile`: a merge patch, or (when the caller has no profile) a whole profile; `ref` only on create. */
export const MeProfilePatchSchema = z.lazy(() => LearnerPatchWithRefSchema.meta({ id: 'MeProfilePatch' }));

export const ClaimBodySchema = z.lazy(() => z.strictObject({ code: z.string().trim().min(4).max(32) }).meta({ id: 'ClaimBody' }));
export const ClaimCodeSchema = z.lazy(() => z.object({ code: z.string(), learnerId: z.string(), expiresAt: z.string() }).meta({ id: 'ClaimCode' }));

/** A learner profile as answered (the fields submitted, normalised, and the record's meta). */
export const ProfileSchema = z.lazy(() =>
  z
    .looseObject({
      id: z.string(),
      ref: z.string(),
      owner: z.string(),
      version: z.int(),
      region: z.string(),
      consentToShare: z.boolean(),
      contact: ContactSchema.optional(),
      createdAt: z.string(),
      updatedAt: z.string(),
    })
    .meta({ id: 'Profile' })
);

export const ApplicationBodySchema = z.lazy(() => z.strictObject({ demandId: z.string().trim().min(1).max(64), note: text(1_000).optional() }).meta({ id: 'ApplicationBody' }));
export const InvitationBodySchema = z.lazy(() =>
  z
    .strictObject({ demandId: z.string().trim().min(1).max(64), learnerId: z.string().trim().min(1).max(64), note: text(1_000).optional() })
    .meta({ id: 'InvitationBody' })
);

export const EngagementStatusSchema = z.lazy(() => z.enum(ENGAGEMENT_STATUSES));
export const ApplicationStatusPatchSchema = z.lazy(() =>
  z
    .strictObject({ status: z.enum(['viewed', 'accepted', 'declined', 'hired', 'withdrawn']).meta({ description: 'Employer: viewed, accepted, declined, hired; job seeker: withdrawn.' }) })
    .meta({ id: 'ApplicationStatusPatch' })
);
export const InvitationStatusPatchSchema = z.lazy(() =>
  z
    .strictObject({ status: z.enum(['withdrawn', 'hired']).meta({ description: 'Employer: withdrawn (before an answer) or hired (after acceptance).' }) })
    .meta({ id: 'InvitationStatusPatch' })
);

export const EngagementListQuerySchema = z.strictObject({
  region: RegionSchema.optional(),
  demandId: z
    .string()
    .regex(/^d_[a-z2-7]{20}$/, 'A demand id: d_ and 20 letters a–z or digits 2–7.')
    .optional()
    .meta({ description: 'Only those about this demand (its owner or bureau staff of its region).' }),
  limit: pageSize(100, 20),
  nextToken: NextTokenSchema,
});

const engagement = (id: string) =>
  z
    .object({
      id: z.string(),
      kind: z.enum(['application', 'invitation']),
      demandId: z.string(),
      demandRef: z.string(),
      title: z.string(),
      employer: z.string(),
      region: z.string(),
      learnerId: z.string(),
      learnerRef: z.string(),
      note: z.string().optional(),
      status: EngagementStatusSchema,
      timestamps: z.partialRecord(EngagementStatusSchema, z.string()),
      createdAt: z.string(),
      updatedAt: z.string(),
      version: z.int(),
      contact: ContactSchema.optional().meta({ description: 'Only to the employer, after the seeker applied or accepted; logged.' }),
    })
    .meta({ id });
export const ApplicationSchema = z.lazy(() => engagement('Application'));
export const InvitationSchema = z.lazy(() => engagement('Invitation'));
export const ApplicationPageSchema = z.lazy(() => z.object({ items: z.array(ApplicationSchema), nextToken: z.string().optional() }).meta({ id: 'ApplicationPage' }));
export const InvitationPageSchema = z.lazy(() => z.object({ items: z.array(InvitationSchema), nextToken: z.string().optional() }).meta({ id: 'InvitationPage' }));

export const InboxQuerySchema = z.strictObject({ limit: pageSize(100, 20), nextToken: NextTokenSchema });
export const InboxPageSchema = z.lazy(() =>
  z
    .object({
      items: z.array(
        z.object({
          id: z.string(),
          type: z.enum(INBOX_EVENT_TYPES),
          at: z.string(),
          read: z.boolean(),
          message: z.string(),
          demandId: z.string().optional(),
          engagementId: z.string().optional(),
          title: z.string().optional(),
        }),
      ),
      unread: z.int(),
      nextToken: z.string().optional(),
    })
    .meta({ id: 'InboxPage' })
);

