import { deleteRecordHandler } from './http/record-handlers.js';
import { route } from './routes/delete-learner.js';

/** DELETE /learners/{id}: removes the learner and its index entries, honouring If-Match. */
export const handler = deleteRecordHandler('learner', route);
