import { prepareExtraction } from '#shared/taxonomy/extract.js';
import { createRecordHandler } from './http/record-handlers.js';
import { route } from './routes/create-demand.js';

// Build the skill-extraction indexes during init rather than on the first request that reads skill text.
prepareExtraction();

/** POST /demands: create or update (by ref) one demand. */
export const handler = createRecordHandler('demand', route);
