import { deleteRecordHandler } from './http/record-handlers.js';

/** DELETE /learners/{id}: removes the learner and its index entries, honouring If-Match. */
export const handler = deleteRecordHandler('learner', 'delete-learner');
