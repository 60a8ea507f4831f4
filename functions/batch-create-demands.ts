import { batchCreateHandler } from './http/record-handlers.js';

/** POST /demands/batch: up to 100 demands, validated as a whole. */
export const handler = batchCreateHandler('demand', 'batch-create-demands');
