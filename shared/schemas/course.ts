import * as z from 'zod';
import { CourseSubsidyTermsSchema } from './subsidy.js';
import { LevelSchema, RefSchema, RegionSchema, text, yuan } from './common.js';
import { lazy } from './lazy.js';
import { skillList } from './skill-list.js';
import { CourseModeSchema } from './course-mode.js';

export { CourseModeSchema };

const fields = lazy(() => ({
  title: text(200).min(1),
  description: text(10_000).default(''),
  skillsTaught: skillList(1, 30),
  level: LevelSchema,
  hours: z.number().positive().max(5_000),
  mode: CourseModeSchema,
  provider: text(200).min(1),
  region: RegionSchema,
  certificate: text(200).optional(),
  subsidyYuan: yuan().optional(),
  subsidyConditions: text(2_000).optional().meta({ description: "The provider's own wording of the subsidy's conditions, shown as written." }),
  subsidyTerms: CourseSubsidyTermsSchema.optional(),
  priceYuan: yuan().optional(),
  seats: z.int().min(0).max(1_000_000).optional(),
}));

/** A training course, as submitted by a bureau. */
export const CourseInputSchema = z.lazy(() => z.strictObject({ ref: RefSchema, ...fields() }).meta({ id: 'CourseInput', description: 'A training course.' }));
export type CourseInput = z.output<typeof CourseInputSchema>;

export const CoursePatchSchema = z.lazy(() =>
  z
    .strictObject({
      title: fields().title.optional(),
      description: text(10_000).optional(),
      skillsTaught: skillList(1, 30).optional(),
      level: LevelSchema.optional(),
      hours: fields().hours.optional(),
      mode: CourseModeSchema.optional(),
      provider: fields().provider.optional(),
      region: RegionSchema.optional(),
      certificate: text(200).nullable().optional(),
      subsidyYuan: yuan().nullable().optional(),
      subsidyConditions: text(2_000).nullable().optional(),
      subsidyTerms: CourseSubsidyTermsSchema.nullable().optional(),
      priceYuan: yuan().nullable().optional(),
      seats: fields().seats.nullable().optional(),
    })
    .meta({ id: 'CoursePatch' })
);
export type CoursePatch = z.output<typeof CoursePatchSchema>;

export const CourseBatchSchema = z.lazy(() => z.array(CourseInputSchema).min(1).max(100, 'At most 100 records a batch.'));
