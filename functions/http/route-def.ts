import type { z } from 'zod';
import type { Scope } from '#shared/domain/scopes.js';

/** HTTP methods the API uses. */
export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * One route of the API: the entry of the route table (functions/routes.ts) and the spec its
 * handler validates with. Each route is declared in its own module, functions/routes/<handler>.ts,
 * so that a handler's bundle holds its own schemas and not those of every other route.
 */
export interface RouteDef {
  readonly method: Method;
  readonly path: string;
  /** Names the handler file, `functions/<handler>.ts`. */
  readonly handler: string;
  readonly summary: string;
  /** Empty for public routes. */
  readonly scopes: readonly Scope[];
  readonly body?: z.ZodType;
  readonly query?: z.ZodType;
  /**
   * A GET that also writes (marking what it shows `viewed`, logging contact reveals): its function
   * gets write access to the table, which GET routes otherwise lack. @default false
   */
  readonly writes?: boolean;
  /** Larger than the default 256 KiB only for batches. */
  readonly maxBodyBytes?: number;
  /** Status of a successful answer. @default 200 */
  readonly success?: number;
  /**
   * The success answers, by status: what the body is (none for 204) and the headers sent with it.
   * The OpenAPI document declares them; a route without them declares `success` with no schema.
   */
  readonly responses?: Readonly<Record<number, RouteResponse>>;
  /** The route has a daily allowance of its own: past it, 429 problem+json with Retry-After. */
  readonly limitedPerDay?: boolean;
}

/** Response headers a route may declare; functions/http/openapi.ts describes each. */
export type ResponseHeader = 'ETag' | 'Location' | 'Retry-After' | 'Content-Language' | 'Content-Disposition' | 'X-Next-Token';

/**
 * One success answer of a route. The handler's return type is derived from it (see `ResultOf` in
 * http-handler.ts): a body that does not fit `schema`, or a status not declared, fails to compile.
 */
export interface RouteResponse {
  readonly description: string;
  /** The JSON body's schema (shared/schemas/views/); absent for answers without a body (204). */
  readonly schema?: z.ZodType;
  /** A text alternative of the same answer (e.g. `text/csv`), chosen by a query parameter. */
  readonly text?: { readonly contentType: string; readonly description: string };
  readonly headers?: readonly ResponseHeader[];
}

/** Body limit of the batch routes (up to 100 records). */
export const BATCH_BODY_BYTES = 4_194_304;
