import { makeListEngagements } from '#shared/use-cases/engagements.js';
import { getActionDeps } from './action-deps.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/list-applications.js';

/** GET /applications: a job seeker's own, an employer's to its demands (marked viewed; contact details once revealed), a bureau region's. */
export const handler = httpHandler(route, async ({ query, caller }) => ({ body: await makeListEngagements('application', getActionDeps())(caller, query) }));
