import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import type { Caller } from '#shared/domain/caller.js';
import { MalformedBodyError, PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '#shared/domain/errors.js';
import { toFieldIssues } from '#shared/schemas/issues.js';
import { inspectJson } from '#shared/schemas/json-guard.js';
import { callerFromEvent } from './caller.js';
import { logger, metrics } from './observability.js';
import type { RouteDef, RouteResponse } from './route-def.js';
import { toHttpError } from './to-http-error.js';

export type Lang = 'zh' | 'en';

export interface HttpRequest<B, Q> {
  readonly body: B;
  readonly query: Q;
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly caller: Caller;
  /** From Accept-Language: Chinese unless English is preferred. */
  readonly lang: Lang;
}

export interface HttpResult {
  readonly status?: number;
  /** Serialised as JSON unless `contentType` says otherwise (then it must be a string). */
  readonly body?: unknown;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
}

/** A schema's output, read-only all the way down: use cases answer read-only arrays. */
export type Wire<T> = T extends readonly (infer E)[] ? readonly Wire<E>[] : T extends object ? { readonly [K in keyof T]: Wire<T[K]> } : T;

/** The body a declared answer carries: its schema's output, or nothing (204). */
type BodyOf<A> = A extends { readonly schema: infer S extends z.ZodType } ? Wire<z.output<S>> : undefined;

/** A 200 may leave its status out; any other status is named. */
type StatusOf<S> = S extends 200 ? { readonly status?: 200 } : { readonly status: S };

type AnswerOf<S, A> = StatusOf<S> &
  (
    | ((BodyOf<A> extends undefined ? { readonly body?: undefined } : { readonly body: BodyOf<A> }) & { readonly contentType?: undefined; readonly headers?: Record<string, string> })
    | (A extends { readonly text: object } ? { readonly body: string; readonly contentType: string; readonly headers?: Record<string, string> } : never)
  );

/**
 * What a handler may return for a route: one of its declared answers (`responses`, by status),
 * with the body its schema describes; any `HttpResult` for a route that declares none.
 */
export type ResultOf<R, S extends number = number> = [R] extends [Readonly<Record<number, RouteResponse>>]
  ? { [K in keyof R & S]: AnswerOf<K, R[K]> }[keyof R & S]
  : HttpResult;

/**
 * What the stack validates with: a handler passes its route (functions/routes/<handler>.ts), of
 * which the stack reads the schemas and the body limit, or just those fields. The types of the
 * request (`body`, `query`) and of the answer (`responses`) come from the same route.
 */
export interface HttpSpec<B extends z.ZodType | undefined, Q extends z.ZodType | undefined, R = undefined>
  extends Partial<Omit<RouteDef, 'body' | 'query' | 'maxBodyBytes' | 'responses'>> {
  readonly body?: B;
  readonly query?: Q;
  readonly responses?: R;
  /** @default 262144 (256 KiB) */
  readonly maxBodyBytes?: number;
  /** Routes anyone may call without a token (health, OpenAPI). @default false */
  readonly public?: boolean;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/** Chinese first; English when the caller prefers it. */
export function preferredLang(header: string | undefined): Lang {
  const tags = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { tag, q: Number.isFinite(q) ? q : 0 };
    })
    .filter((t) => t.tag.startsWith('zh') || t.tag.startsWith('en'))
    .sort((a, b) => b.q - a.q);
  return tags[0]?.tag.startsWith('en') ? 'en' : 'zh';
}

function parseBody<S extends z.ZodType>(event: HttpEvent, schema: S, maxBytes: number): z.output<S> {
  const raw = event.body === undefined ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw, 'utf8') > maxBytes) throw new PayloadTooLargeError(maxBytes);
  const contentType = event.headers['content-type'];
  if (raw.trim() === '') throw new MalformedBodyError('The request needs a JSON body.');
  if (!contentType || !JSON_TYPE.test(contentType)) throw new UnsupportedMediaTypeError(`Content-Type was ${contentType ?? 'missing'}; send application/json.`);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    throw new MalformedBodyError(`The body is not valid JSON: ${(err as Error).message}`);
  }
  const unsafe = inspectJson(value);
  if (unsafe.length > 0) throw new ValidationError('The body contains values that are never accepted.', unsafe);
  return validate(schema, value, 'The body has fields that are not valid.');
}

/** Validates a value against a schema, naming every bad field. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, message: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(message, toFieldIssues(parsed.error));
  return parsed.data;
}

/**
 * Builds a request schema declared with `z.lazy` now, at cold start. Shared schema modules declare
 * request schemas lazily so that a function bundling them for another route never builds them
 * (docs/cold-start.md); the function that validates with one builds it during init, as it would a
 * plain schema, and its first request finds it ready.
 */
function buildNow(schema: z.ZodType | undefined): void {
  // Read structurally rather than with `instanceof z.ZodLazy`: a value import of zod would put it
  // in the bundles of the routes that validate nothing (GET /health).
  let current: z.core.$ZodType | undefined = schema;
  while (current?._zod.def.type === 'lazy') current = (current as z.core.$ZodLazy)._zod.innerType;
}

/** One count per answer, by class, so dashboards and alarms see client and server errors apart. */
const countAnswer = (status: number) => metrics.addMetric(status >= 500 ? 'ServerErrors' : status >= 400 ? 'ClientErrors' : 'Successes', MetricUnit.Count, 1);

/**
 * On every answer: API answers carry personal data (profiles, results, CSV exports) and must
 * never be kept by a shared cache or a browser, nor sniffed into another content type.
 */
export const API_RESPONSE_HEADERS: Readonly<Record<string, string>> = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

function toResponse(result: HttpResult): APIGatewayProxyStructuredResultV2 {
  const status = result.status ?? 200;
  if (result.body === undefined) return { statusCode: status, headers: { ...API_RESPONSE_HEADERS, ...result.headers } };
  const json = result.contentType === undefined;
  return {
    statusCode: status,
    headers: { 'content-type': result.contentType ?? 'application/json; charset=utf-8', ...API_RESPONSE_HEADERS, ...result.headers },
    body: json ? JSON.stringify(result.body) : String(result.body),
  };
}

/**
 * The one middy stack every HTTP Lambda runs: Powertools logging and metrics; caller
 * from the JWT claims; body and query validated by zod; domain errors to problem JSON.
 */
export function httpHandler<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, R = undefined, S extends number = 200>(
  spec: HttpSpec<B, Q, R>,
  // S, the status the handler answers, is inferred from its `status` (200 when left out), so that
  // the body is checked against the schema declared for that status.
  fn: (request: HttpRequest<Out<B>, Out<Q>>) => Promise<{ readonly status?: S } & NoInfer<ResultOf<R, S>>>,
) {
  const maxBytes = spec.maxBodyBytes ?? 262_144;
  buildNow(spec.body);
  buildNow(spec.query);
  const base = async (event: HttpEvent, _context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const caller = spec.public ? ({ sub: 'anonymous', role: 'jobseeker' } as Caller) : callerFromEvent(event);
    const body = (spec.body ? parseBody(event, spec.body, maxBytes) : undefined) as Out<B>;
    const query = (spec.query ? validate(spec.query, event.queryStringParameters ?? {}, 'Some query parameters are not valid.') : undefined) as Out<Q>;
    const result: HttpResult = await fn({ body, query, params: event.pathParameters ?? {}, headers: event.headers, caller, lang: preferredLang(event.headers['accept-language']) });
    countAnswer(result.status ?? 200);
    return toResponse(result);
  };
  return middy(base)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .use({
      onError: async (request) => {
        const error = toHttpError(request.error);
        if (error.statusCode >= 500) logger.error('Request failed', { error: request.error as Error });
        countAnswer(error.statusCode);
        request.response = { statusCode: error.statusCode, headers: { ...API_RESPONSE_HEADERS, ...error.headers }, body: JSON.stringify(error.problem) };
      },
    });
}
