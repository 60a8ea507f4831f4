import * as z from 'zod';

/**
 * Building blocks of the response schemas (what the API answers). Response schemas describe the
 * wire: plain values, no transforms, and no import of the request schemas' taxonomy or region
 * data, so that a handler bundling its route's answers bundles nothing more.
 */

/** A label in both languages. */
export const LabelSchema = z.object({ zh: z.string(), en: z.string() }).meta({ id: 'Label', description: 'A label in Chinese and English.' });
export type LabelView = z.output<typeof LabelSchema>;

/** A level as stored and answered: 1 (elementary, 五级/初级工) … 5 (expert, 一级/高级技师). */
export const LevelValueSchema = z.literal([1, 2, 3, 4, 5]).meta({ id: 'LevelValue', description: 'A level as stored: 1 (elementary, 五级/初级工) … 5 (expert, 一级/高级技师).' });

/** 0–1. */
export const ShareSchema = z.number().min(0).max(1);

/** An ISO 8601 timestamp as the service writes it. */
export const TimestampSchema = z.string().meta({ description: 'ISO 8601 timestamp.', example: '2026-11-30T08:00:00.000Z' });

/** `{ items, nextToken? }`: one page of a list; pass `nextToken` back to read the next. */
export function pageOf<T extends z.ZodType>(item: T, id: string, description: string) {
  return z
    .object({
      items: z.array(item),
      nextToken: z.string().optional().meta({ description: 'Present when there is more; send it back as ?nextToken= for the next page.' }),
    })
    .meta({ id, description });
}

/** GET /health. */
export const HealthSchema = z.lazy(() => z.object({ status: z.literal('ok'), service: z.string() }).meta({ id: 'Health' }));
export type Health = z.output<typeof HealthSchema>;

/** GET /openapi.json: an OpenAPI 3.1 document (not described further here). */
export const OpenApiDocumentSchema = z.lazy(() =>
  z
    .object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()).optional() })
    .meta({ id: 'OpenApiDocument', description: 'An OpenAPI 3.1 document; only its top is described here.' })
);
