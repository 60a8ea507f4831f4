import { getRecordHandler } from './http/record-handlers.js';

/** GET /demands/{id}: one demand with its ETag. */
export const handler = getRecordHandler('demand', 'get-demand');
