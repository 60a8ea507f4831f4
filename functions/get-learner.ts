import { getRecordHandler } from './http/record-handlers.js';
import { route } from './routes/get-learner.js';

/** GET /learners/{id}: one learner with its ETag. */
export const handler = getRecordHandler('learner', route);
