import { createRecordHandler } from './http/record-handlers.js';

/** POST /courses: create or update (by ref) one course (bureau staff). */
export const handler = createRecordHandler('course', 'create-course');
