import { listRecordsHandler } from './http/record-handlers.js';
import { route } from './routes/list-learners.js';

/** GET /learners: a page of learners the caller may list. */
export const handler = listRecordsHandler('learner', route);
