import type { AttributeValue } from 'aws-lambda';
import * as z from 'zod';

/**
 * The event envelopes the background functions receive, as zod schemas: checked at the edge like
 * a request body, so a handler reads typed fields and a malformed record is reported by path.
 * Only the fields the code reads are required; the rest of each record passes through unread.
 *
 * Powertools' own parser (`@aws-lambda-powertools/parser`, which the batch utility can use) is
 * not a dependency of this project: these few schemas cover the three sources we consume.
 */

/** A string holding JSON, parsed and then checked against `schema` (an SQS body, say). */
export function jsonString<S extends z.ZodType>(schema: S) {
  return z
    .string()
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'Not valid JSON.' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/** One SQS message whose body is JSON described by `body`. */
export function sqsRecordSchema<S extends z.ZodType>(body: S): z.ZodType<{ messageId: string; body: z.output<S> }> {
  // zod cannot compute an object's output through a pipe into a generic schema: said here once.
  return z.object({ messageId: z.string().min(1), body: jsonString(body) }) as unknown as z.ZodType<{ messageId: string; body: z.output<S> }>;
}

/** A DynamoDB attribute value in the stream's wire form: one type tag (`S`, `N`, `M`, …) and its value. */
const AttributeValueSchema = z.custom<AttributeValue>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1,
  'Not a DynamoDB attribute value.',
);

const ImageSchema = z.record(z.string(), AttributeValueSchema);

/** One DynamoDB Streams record: its event id, kind and the item's images. */
export const DynamoDBStreamRecordSchema = z.object({
  eventID: z.string().min(1),
  eventName: z.enum(['INSERT', 'MODIFY', 'REMOVE']),
  /** Present on a deletion by TTL: `{ type: 'Service', principalId: 'dynamodb.amazonaws.com' }`. */
  userIdentity: z.object({ type: z.string(), principalId: z.string() }).optional(),
  dynamodb: z.object({
    SequenceNumber: z.string().min(1),
    Keys: ImageSchema.optional(),
    NewImage: ImageSchema.optional(),
    OldImage: ImageSchema.optional(),
  }),
});
export type DynamoDBStreamRecordInput = z.output<typeof DynamoDBStreamRecordSchema>;

/** An S3 object key as notifications carry it (URL-encoded, spaces as `+`), decoded. */
const S3KeySchema = z
  .string()
  .min(1)
  .transform((key, ctx) => {
    try {
      return decodeURIComponent(key.replace(/\+/g, ' '));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Not a URL-encoded object key.' });
      return z.NEVER;
    }
  });

/** One S3 event notification record: which object in which bucket. */
export const S3EventRecordSchema = z.object({
  s3: z.object({ bucket: z.object({ name: z.string().min(1) }), object: z.object({ key: S3KeySchema }) }),
});

/** The object an S3 notification names, its key decoded. */
export interface S3ObjectRef {
  readonly bucket: string;
  readonly key: string;
}
