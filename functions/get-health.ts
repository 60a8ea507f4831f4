import { httpHandler } from './http/http-handler.js';

/** GET /health: answers while the function can run at all. Imports no schemas, so it stays small. */
export const handler = httpHandler({ public: true }, async () => ({ body: { status: 'ok', service: 'skillbridge' } }));
