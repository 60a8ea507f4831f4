import { listRecordsHandler } from './http/record-handlers.js';

/** GET /learners: a page of learners the caller may list. */
export const handler = listRecordsHandler('learner', 'list-learners');
