import { prepareExtraction } from '#shared/taxonomy/extract.js';
import { updateRecordHandler } from './http/record-handlers.js';
import { route } from './routes/update-learner.js';

// Build the skill-extraction indexes during init rather than on the first request that reads skill text.
prepareExtraction();

/** PATCH /learners/{id}: JSON merge patch, honouring If-Match. */
export const handler = updateRecordHandler('learner', route);
