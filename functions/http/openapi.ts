import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import * as z from 'zod';
import { GatewayMessageSchema, ProblemSchema } from '#shared/schemas/views/problem.js';
import { ROUTES, SCOPES, type RouteDef } from '../routes.js';
import type { ResponseHeader } from './route-def.js';

const HEADER_SCHEMAS: Record<ResponseHeader, { description: string; schema: { type: 'string' | 'integer' } }> = {
  ETag: { description: 'The version of the record ("v<version>"); send it back in If-Match', schema: { type: 'string' } },
  Location: { description: 'The URL of the record', schema: { type: 'string' } },
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
  'Content-Language': { description: 'The language of the explanations (zh-CN or en)', schema: { type: 'string' } },
  'Content-Disposition': { description: 'The file name to save the CSV under', schema: { type: 'string' } },
  'X-Next-Token': { description: 'Present when there are more rows: send it back as ?nextToken=', schema: { type: 'string' } },
};

const problem = (description: string, headers: readonly ResponseHeader[] = []) => ({
  description,
  ...(headers.length > 0 ? { headers: Object.fromEntries(headers.map((h) => [h, HEADER_SCHEMAS[h]])) } : {}),
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** API Gateway's own 401 (AWS: the JWT authorizer) beside the function's problem JSON (locally). */
const unauthorized = {
  description: 'No valid token (in AWS the JWT authorizer answers { message } itself)',
  content: { 'application/problem+json': { schema: ProblemSchema }, 'application/json': { schema: GatewayMessageSchema } },
};

/** Stage throttling (infra/config.ts `throttle`): API Gateway answers before any function runs. */
const throttled = {
  description: 'Too many requests (AWS stage throttling): retry after a pause; API Gateway sends no Retry-After',
  content: { 'application/json': { schema: GatewayMessageSchema } },
};

/** PATCH and DELETE honour If-Match: the ETag last read, or `*`. */
const IfMatchSchema = z.object({
  'If-Match': z.string().optional().meta({ description: 'The ETag last read ("v3"); the change is refused with 412 when the record has moved on.' }),
});

function successResponses(r: RouteDef): Record<string, unknown> {
  if (!r.responses) return { [String(r.success ?? 200)]: { description: 'Success' } };
  return Object.fromEntries(
    Object.entries(r.responses).map(([status, answer]) => [
      status,
      {
        description: answer.description,
        ...(answer.schema || answer.text
          ? {
              content: {
                ...(answer.schema ? { 'application/json': { schema: answer.schema } } : {}),
                ...(answer.text ? { [answer.text.contentType]: { schema: { type: 'string', description: answer.text.description } } } : {}),
              },
            }
          : {}),
        ...(answer.headers?.length ? { headers: Object.fromEntries(answer.headers.map((h) => [h, HEADER_SCHEMAS[h]])) } : {}),
      },
    ]),
  );
}

function operation(r: RouteDef): ZodOpenApiOperationObject {
  const pathParams = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const params = pathParams.length > 0 ? { path: z.object(Object.fromEntries(pathParams.map((p) => [p, z.string()]))) } : {};
  return {
    operationId: r.handler,
    summary: r.summary,
    ...(r.scopes.length > 0 ? { security: [{ bearer: [...r.scopes] }] } : { security: [] }),
    requestParams: {
      ...params,
      ...(r.query ? { query: r.query as z.ZodObject } : {}),
      ...(r.method === 'PATCH' || r.method === 'DELETE' ? { header: IfMatchSchema } : {}),
    },
    ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: r.body } } } } : {}),
    responses: {
      ...successResponses(r),
      ...(r.body ? { '400': problem('Malformed JSON'), '413': problem('Body too large'), '415': problem('Not application/json') } : {}),
      ...(r.body || r.query ? { '422': problem('Fields that are not valid, each named in errors[]') } : {}),
      ...(r.scopes.length > 0 ? { '401': unauthorized, '403': problem('Not allowed for this caller') } : {}),
      ...(r.path.includes('{id}') ? { '404': problem('Absent or not visible to this caller') } : {}),
      ...(r.method === 'PATCH' || r.method === 'DELETE' ? { '409': problem('A concurrent write won'), '412': problem('If-Match is stale') } : {}),
      '429': r.limitedPerDay ? problem('The daily allowance is used up; retry after Retry-After seconds', ['Retry-After']) : throttled,
      '503': problem('Busy; retry after Retry-After seconds', ['Retry-After']),
    },
  };
}

/** The OpenAPI 3.1 document, generated from the route table and the schemas that validate requests. */
export function buildOpenApiDocument(serverUrl?: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const r of ROUTES as readonly RouteDef[]) {
    paths[r.path] = { ...paths[r.path], [r.method.toLowerCase()]: operation(r) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: { title: 'SkillBridge API', version: '1', description: 'Skills-based job matching and training recommendations.' },
    // A relative server: the API answers on the origin that served this document (locally and on AWS).
    servers: [serverUrl ? { url: serverUrl } : { url: '/', description: 'The origin that served this document' }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: `Scopes: ${Object.values(SCOPES).join(', ')}` },
      },
    },
  });
}
