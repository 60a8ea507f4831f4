import { prepareExtraction } from '#shared/taxonomy/extract.js';
import { batchCreateHandler } from './http/record-handlers.js';
import { route } from './routes/batch-create-demands.js';

// Build the skill-extraction indexes during init rather than on the first request that reads skill text.
prepareExtraction();

/** POST /demands/batch: up to 100 demands, validated as a whole. */
export const handler = batchCreateHandler('demand', route);
