import { httpHandler } from './http/http-handler.js';
import { route } from './routes.js';

/** GET /health: answers while the function can run at all. */
export const handler = httpHandler({ ...route('get-health'), public: true }, async () => ({ body: { status: 'ok', service: 'skillbridge' } }));
