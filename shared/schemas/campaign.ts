import * as z from 'zod';
import { loadTaxonomy } from '../taxonomy/taxonomy.js';
import { RegionSchema, text } from './common.js';
import { skillList } from './skill-list.js';
import { LearnerGroupSchema } from './groups.js';

/** A bureau campaign, as requested. */
export const CampaignInputSchema = z.lazy(() =>
  z
    .strictObject({
      name: text(200).min(1).meta({ example: '延庆区退役军人与高校毕业生低空经济专场' }),
      region: RegionSchema,
      groups: z.array(LearnerGroupSchema).min(1).max(7).optional().meta({ description: 'Target groups; all groups when absent.' }),
      occupations: z
        .array(z.string().trim().min(1).max(100))
        .max(20)
        .optional()
        .superRefine((ids, ctx) => {
          const taxonomy = loadTaxonomy();
          ids?.forEach((id, i) => {
            if (!taxonomy.occupations.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: `"${id}" is not an occupation id of the taxonomy.` });
          });
        })
        .meta({ description: 'Occupation ids: only demands needing their essential skills count.' }),
      skills: skillList(1, 30).optional().meta({ description: 'Only demands needing one of these skills count.' }),
      limitPerLearner: z.int().min(1).max(20).default(5),
      threshold: z.number().min(0).max(1).default(0.3),
      assign: z.boolean().default(false).meta({ description: 'Also produce a roster respecting headcounts and course seats.' }),
    })
    .meta({ id: 'CampaignInput' })
);
export type CampaignInput = z.output<typeof CampaignInputSchema>;

/** Results per page at most: JSON items are a few KB each, CSV rows under one; both stay under Lambda's 6 MB answer. */
export const CAMPAIGN_RESULTS_MAX = { json: 1_000, csv: 4_000 } as const;

export const CampaignResultsQuerySchema = z
  .strictObject({
    format: z.enum(['json', 'csv']).default('json'),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(CAMPAIGN_RESULTS_MAX.csv)
      .optional()
      .meta({ description: `Learners per page: JSON at most ${CAMPAIGN_RESULTS_MAX.json} (default 500), CSV at most ${CAMPAIGN_RESULTS_MAX.csv} (the default). A CSV with more rows continues through the X-Next-Token header.` }),
    nextToken: z.string().min(1).max(4_000).optional().meta({ description: 'From the previous page (JSON nextToken, CSV X-Next-Token header).' }),
  })
  .superRefine((q, ctx) => {
    if (q.format === 'json' && q.limit !== undefined && q.limit > CAMPAIGN_RESULTS_MAX.json) ctx.addIssue({ code: 'custom', path: ['limit'], message: `At most ${CAMPAIGN_RESULTS_MAX.json} for JSON.` });
  });
export type CampaignResultsQuery = z.output<typeof CampaignResultsQuerySchema>;
