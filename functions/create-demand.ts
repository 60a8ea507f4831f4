import { createRecordHandler } from './http/record-handlers.js';

/** POST /demands: create or update (by ref) one demand. */
export const handler = createRecordHandler('demand', 'create-demand');
