import { batchCreateHandler } from './http/record-handlers.js';

/** POST /learners/batch: up to 100 learners, validated as a whole. */
export const handler = batchCreateHandler('learner', 'batch-create-learners');
