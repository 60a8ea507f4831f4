import { prepareExtraction } from '#shared/taxonomy/extract.js';
import { batchCreateHandler } from './http/record-handlers.js';
import { route } from './routes/batch-create-courses.js';

// Build the skill-extraction indexes during init rather than on the first request that reads skill text.
prepareExtraction();

/** POST /courses/batch: up to 100 courses, validated as a whole. */
export const handler = batchCreateHandler('course', route);
