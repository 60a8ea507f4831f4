import * as z from 'zod';
import { FUNNEL_STAGES, MAX_RANGE_DAYS, daysBetween } from '#shared/domain/funnel.js';
import { SCOPES } from '#shared/domain/scopes.js';
import { RegionSchema } from '#shared/schemas/common.js';
import { FunnelSchema } from '#shared/schemas/views/placements.js';
import type { RouteDef } from '../http/route-def.js';

/** A China day, `YYYY-MM-DD`, that exists on the calendar. */
const DaySchema = z
  .string()
  .refine((d) => /^\d{4}-\d\d-\d\d$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'A day on the calendar, as YYYY-MM-DD (China time).');

/** `GET /insights/placements`: a region (default the bureau's own) and a range of China days. */
export const PlacementsQuerySchema = z
  .strictObject({
    region: RegionSchema.optional().meta({ description: 'Region to report (rolled up from everything inside it). Bureau staff: their region or one inside it, default theirs; `national` for ministry staff.' }),
    from: DaySchema.optional().meta({ description: 'First China day counted (inclusive). Default: 29 days before `to`.' }),
    to: DaySchema.optional().meta({ description: 'Last China day counted (inclusive). Default: today in China.' }),
  })
  .superRefine((q, ctx) => {
    if (q.from === undefined || q.to === undefined) return;
    if (q.from > q.to) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `"from" (${q.from}) is after "to" (${q.to}).` });
      ctx.addIssue({ code: 'custom', path: ['to'], message: `"to" (${q.to}) is before "from" (${q.from}).` });
    } else if (daysBetween(q.from, q.to) > MAX_RANGE_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `At most ${MAX_RANGE_DAYS} days a report.` });
      ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${MAX_RANGE_DAYS} days a report.` });
    }
  });
export type PlacementsQuery = z.output<typeof PlacementsQuerySchema>;

/** The answer of `GET /insights/placements`. */
export const PlacementsSchema = FunnelSchema.extend({
  region: z.string(),
  from: z.string(),
  to: z.string(),
  stages: z.array(z.enum(FUNNEL_STAGES)).meta({ description: 'The stages in funnel order.' }),
}).meta({ id: 'Placements' });
export type PlacementsView = z.output<typeof PlacementsSchema>;

/** The route functions/get-placements.ts serves; one module a route, listed in ../routes.ts. */
export const route = {
  method: 'GET',
  path: '/insights/placements',
  handler: 'get-placements',
  summary: 'A region’s placements funnel (matched → applied/invited → accepted → hired) by target group',
  scopes: [SCOPES.bureau],
  query: PlacementsQuerySchema,
  responses: { 200: { description: 'Counts per stage, in total and per target group, for the days asked', schema: PlacementsSchema } },
} as const satisfies RouteDef;
