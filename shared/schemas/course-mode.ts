/** How a course is taught, as the schemas validate it (a leaf: it loads no taxonomy, like ./groups.ts). */
import * as z from 'zod';
import { COURSE_MODES } from '../domain/vocabulary.js';

export const CourseModeSchema = z.enum(COURSE_MODES);
