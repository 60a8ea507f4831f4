import type { buildOpenApiDocument } from './http/openapi.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/get-openapi.js';

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/**
 * GET /openapi.json: generated once per container from the request schemas, on the first request.
 * The generator and every route's schemas are imported then, not at cold start: esbuild keeps
 * them in the bundle but runs their module code (hundreds of zod schemas) only on that import.
 */
export const handler = httpHandler({ ...route, public: true }, async () => {
  document ??= (await import('./http/openapi.js')).buildOpenApiDocument();
  return { body: document };
});
