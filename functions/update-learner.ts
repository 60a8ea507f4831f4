import { updateRecordHandler } from './http/record-handlers.js';

/** PATCH /learners/{id}: JSON merge patch, honouring If-Match. */
export const handler = updateRecordHandler('learner', 'update-learner');
