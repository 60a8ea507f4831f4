import { deleteRecordHandler } from './http/record-handlers.js';
import { route } from './routes/delete-demand.js';

/** DELETE /demands/{id}: removes the demand and its index entries, honouring If-Match. */
export const handler = deleteRecordHandler('demand', route);
