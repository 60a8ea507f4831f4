import { listRecordsHandler } from './http/record-handlers.js';
import { route } from './routes/list-demands.js';

/** GET /demands: a page of demands the caller may list. */
export const handler = listRecordsHandler('demand', route);
