import { getRecordHandler } from './http/record-handlers.js';
import { route } from './routes/get-demand.js';

/** GET /demands/{id}: one demand with its ETag. */
export const handler = getRecordHandler('demand', route);
