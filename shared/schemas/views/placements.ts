import * as z from 'zod';
import { LearnerGroupSchema } from '../groups.js';

const count = (what: string) => z.int().min(0).meta({ description: what });

/** How many reached each stage of the placements funnel (docs/placements.md). */
export const StageCountsSchema = z
  .object({
    matched: count('Learners matched to at least one job by a campaign (in a region report: by campaigns that finished in the range; a learner matched by two campaigns counts twice).'),
    applied: count('Applications sent (a campaign report: its matched learners who applied).'),
    invited: count('Invitations sent (a campaign report: its matched learners who were invited).'),
    accepted: count('Applications and invitations accepted (a campaign report: its matched learners with one accepted).'),
    hired: count('Hires recorded by employers (a campaign report: its matched learners hired).'),
  })
  .meta({ id: 'StageCounts' });

/** The funnel: the total, then one row per target group with any count (a learner in several groups counts in each). */
export const FunnelSchema = z
  .object({
    total: StageCountsSchema,
    byGroup: z.array(StageCountsSchema.extend({ group: LearnerGroupSchema })),
  })
  .meta({ id: 'PlacementsFunnel' });
export type FunnelView = z.output<typeof FunnelSchema>;

/** The days a campaign result's learner first reached each stage after the campaign matched them. */
export const PlacementDaysSchema = z
  .object({ applied: z.string().optional(), invited: z.string().optional(), accepted: z.string().optional(), hired: z.string().optional() })
  .meta({ description: 'China days (YYYY-MM-DD) on which the learner first applied, was invited, accepted, was hired after this result.' });
