import { createRecordHandler } from './http/record-handlers.js';

/** POST /learners: create or update (by ref) one learner. */
export const handler = createRecordHandler('learner', 'create-learner');
