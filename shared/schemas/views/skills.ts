import * as z from 'zod';
import { LabelSchema, LevelValueSchema, ShareSchema } from './common.js';

/** The answer of POST /skills/extract. */
export const ExtractionSchema = z.lazy(() =>
  z
    .object({
      items: z.array(
        z
          .object({
            skillId: z.string(),
            label: LabelSchema,
            confidence: ShareSchema,
            level: LevelValueSchema.optional().meta({ description: 'The level written near the skill, when there is one.' }),
            span: z.tuple([z.int().min(0), z.int().min(0)]).meta({ description: 'UTF-16 offsets [start, end) of the matched text.' }),
          })
          .meta({ id: 'ExtractedSkill' }),
      ),
      wants: z
        .array(
          z
            .object({
              skillId: z.string(),
              label: LabelSchema,
              text: z.string().meta({ description: 'The words that named the skill.' }),
              span: z.tuple([z.int().min(0), z.int().min(0)]),
              level: LevelValueSchema.optional().meta({ description: 'The level written near the wish (想考三级电工), when there is one.' }),
            })
            .meta({ id: 'WantedSkill' }),
        )
        .meta({ description: 'Skills named in a wish (想学…, 希望从事…, want to learn …): wanted, never held.' }),
      unmapped: z.array(z.string()).meta({ description: 'Pieces of the text that no skill covers.' }),
    })
    .meta({ id: 'Extraction' })
);
export type ExtractionView = z.output<typeof ExtractionSchema>;

/** The answer of GET /skills?q=. */
export const SkillSuggestionsSchema = z.lazy(() =>
  z
    .object({
      items: z.array(z.object({ skillId: z.string(), label: LabelSchema, category: z.string(), score: ShareSchema }).meta({ id: 'SkillSuggestion' })),
      taxonomyVersion: z.string(),
    })
    .meta({ id: 'SkillSuggestions' })
);
export type SkillSuggestionsView = z.output<typeof SkillSuggestionsSchema>;
