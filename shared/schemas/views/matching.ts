import * as z from 'zod';
import { lazy } from '../lazy.js';
import { LabelSchema, LevelValueSchema, ShareSchema } from './common.js';

/** How one needed skill was met, partly met or missed, with the evidence a person can check. */
export const SkillEvidenceSchema = z.lazy(() =>
  z
    .object({
      skillId: z.string(),
      label: LabelSchema,
      role: z.enum(['required', 'preferred']),
      needed: LevelValueSchema.nullable(),
      held: LevelValueSchema.nullable(),
      credit: ShareSchema.meta({ description: '1 fully met; between for a lower level or a neighbouring skill; 0 missing.' }),
      attestedBy: z
        .object({ skillId: z.string(), label: LabelSchema })
        .optional()
        .meta({ description: 'Set when the learner holds the skill through a credential that attests it (叉车证 → 叉车操作) rather than naming it.' }),
      via: z
        .object({ skillId: z.string(), relation: z.enum(['parent', 'child', 'related']), label: LabelSchema })
        .optional()
        .meta({ description: 'Set when the credit comes from another skill the learner holds.' }),
      fuzzy: z
        .boolean()
        .optional()
        .meta({ description: 'Set when either side only linked the skill by likeness, or the learner named it in their summary rather than their skills: credited at 0.8.' }),
      lexical: z
        .object({ matched: z.array(z.string()) })
        .optional()
        .meta({ description: 'Set for a need the taxonomy names no skill for: the words of it the learner also wrote.' }),
      fromTitle: z
        .literal(true)
        .optional()
        .meta({ description: "Set for a required skill the posting's title names (外卖骑手) and its skill lists do not." }),
    })
    .meta({ id: 'SkillEvidence' })
);

/** What matched, what is missing, and why, in the caller's language. */
export const MatchExplanationSchema = z.lazy(() =>
  z
    .object({
      summary: z.string(),
      matched: z.array(SkillEvidenceSchema),
      partial: z.array(SkillEvidenceSchema),
      missing: z.array(SkillEvidenceSchema),
      region: z.string().meta({ description: 'How near the two are, in words.' }),
    })
    .meta({ id: 'MatchExplanation' })
);

const ranked = lazy(() => ({
  id: z.string(),
  ref: z.string(),
  score: ShareSchema.meta({ description: 'How well the two fit, 0–1: the skills met (required ones weigh more), scaled by how near they are.' }),
  explanation: MatchExplanationSchema,
}));

/** A learner in a demand's match list: who (by id and ref), how well, and why. Nothing personal. */
export const LearnerMatchSchema = z.lazy(() => z.object(ranked()).meta({ id: 'LearnerMatch' }));
/** A demand in a learner's match list, with what a job seeker needs to recognise it. */
export const DemandMatchSchema = z.lazy(() => z.object({ ...ranked(), title: z.string(), employer: z.string(), region: z.string() }).meta({ id: 'DemandMatch' }));

const list = <T extends z.ZodType>(item: T, id: string, description: string) =>
  z.object({ items: z.array(item), nextToken: z.string().optional() }).meta({ id, description });

export const LearnerMatchListSchema = z.lazy(() => list(LearnerMatchSchema, 'LearnerMatchList', 'Learners who consented, best first.'));
export type LearnerMatchList = z.output<typeof LearnerMatchListSchema>;
export const DemandMatchListSchema = z.lazy(() => list(DemandMatchSchema, 'DemandMatchList', 'Open demands, best first.'));
export type DemandMatchList = z.output<typeof DemandMatchListSchema>;
