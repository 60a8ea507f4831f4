import { getRecordHandler } from './http/record-handlers.js';

/** GET /learners/{id}: one learner with its ETag. */
export const handler = getRecordHandler('learner', 'get-learner');
