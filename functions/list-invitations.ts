import { makeListEngagements } from '#shared/use-cases/engagements.js';
import { getActionDeps } from './action-deps.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/list-invitations.js';

/** GET /invitations: a job seeker's received (marked viewed), an employer's sent (contact details once accepted), a bureau region's. */
export const handler = httpHandler(route, async ({ query, caller }) => ({ body: await makeListEngagements('invitation', getActionDeps())(caller, query) }));
