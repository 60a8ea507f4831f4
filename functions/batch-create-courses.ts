import { batchCreateHandler } from './http/record-handlers.js';

/** POST /courses/batch: up to 100 courses, validated as a whole. */
export const handler = batchCreateHandler('course', 'batch-create-courses');
