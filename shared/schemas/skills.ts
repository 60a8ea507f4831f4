import * as z from 'zod';
import { pageSize } from './paging.js';

/**
 * Requests about the taxonomy itself (autocomplete, extraction). Kept apart from the other
 * queries, which validate regions: the skill functions then bundle no region data.
 */

export const SkillSearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(100).meta({ description: 'Prefix or words, Chinese or English.' }),
  limit: pageSize(50, 10),
});

export const ExtractBodySchema = z.strictObject({ text: z.string().max(20_000, 'At most 20,000 characters.') }).meta({ id: 'ExtractRequest' });
