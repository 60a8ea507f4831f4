import * as z from 'zod';
import { LabelSchema, LevelValueSchema } from './common.js';

/** The answer of GET /insights/shortage: the region, and its skills by shortage index, highest first. */
export const ShortageRankingSchema = z.lazy(() =>
  z
    .object({
      region: z.string(),
      items: z.array(
        z
          .object({
            skillId: z.string(),
            label: LabelSchema,
            demand: z.number().meta({ description: 'Weighted headcount of open demands needing the skill.' }),
            supply: z.number().meta({ description: 'Learners holding it at the level the demand needs.' }),
            index: z.number().meta({ description: 'Smoothed (demand + 2) / (supply + 2): above 1 short, below 1 surplus.' }),
            levels: z.array(z.object({ level: LevelValueSchema, demand: z.number(), supply: z.number() })),
          })
          .meta({ id: 'ShortageItem' }),
      ),
    })
    .meta({ id: 'ShortageRanking' })
);
export type ShortageRankingView = z.output<typeof ShortageRankingSchema>;
