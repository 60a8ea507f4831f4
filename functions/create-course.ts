import { prepareExtraction } from '#shared/taxonomy/extract.js';
import { createRecordHandler } from './http/record-handlers.js';
import { route } from './routes/create-course.js';

// Build the skill-extraction indexes during init rather than on the first request that reads skill text.
prepareExtraction();

/** POST /courses: create or update (by ref) one course (bureau staff). */
export const handler = createRecordHandler('course', route);
