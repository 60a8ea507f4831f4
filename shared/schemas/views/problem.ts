import * as z from 'zod';

/** An error answer: RFC 9457 problem details, with one entry in `errors` per bad field. */
export const ProblemSchema = z.lazy(() =>
  z
    .object({
      type: z.string(),
      title: z.string(),
      status: z.int(),
      detail: z.string(),
      errors: z.array(z.object({ path: z.string().meta({ description: 'JSON Pointer of the bad field, e.g. /3/headcount.' }), message: z.string() })).optional(),
    })
    .meta({ id: 'Problem', description: 'RFC 9457 problem details.' })
);
export type ProblemView = z.output<typeof ProblemSchema>;

/**
 * What API Gateway answers by itself, before any function runs: `{"message":"Unauthorized"}` from
 * the JWT authorizer (401) and `{"message":"Too Many Requests"}` from stage throttling (429).
 */
export const GatewayMessageSchema = z.lazy(() => z.object({ message: z.string() }).meta({ id: 'GatewayMessage', description: 'An answer of API Gateway itself (AWS only).' }));
