import { buildOpenApiDocument } from './http/openapi.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/get-openapi.js';

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/** GET /openapi.json: generated once per cold start from the request schemas. */
export const handler = httpHandler({ ...route, public: true }, async () => {
  document ??= buildOpenApiDocument();
  return { body: document };
});
