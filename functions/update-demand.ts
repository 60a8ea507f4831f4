import { updateRecordHandler } from './http/record-handlers.js';

/** PATCH /demands/{id}: JSON merge patch, honouring If-Match. */
export const handler = updateRecordHandler('demand', 'update-demand');
