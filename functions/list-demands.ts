import { listRecordsHandler } from './http/record-handlers.js';

/** GET /demands: a page of demands the caller may list. */
export const handler = listRecordsHandler('demand', 'list-demands');
