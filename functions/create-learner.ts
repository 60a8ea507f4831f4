import { prepareExtraction } from '#shared/taxonomy/extract.js';
import { createRecordHandler } from './http/record-handlers.js';
import { route } from './routes/create-learner.js';

// Build the skill-extraction indexes during init rather than on the first request that reads skill text.
prepareExtraction();

/** POST /learners: create or update (by ref) one learner. */
export const handler = createRecordHandler('learner', route);
