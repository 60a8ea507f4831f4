import { makeSetStatus } from '#shared/use-cases/engagements.js';
import { getActionDeps } from './action-deps.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/update-application.js';

/** PATCH /applications/{id}: the employer answers (viewed, accepted, declined, hired); the job seeker withdraws. */
export const handler = httpHandler(route, async ({ params, body, caller }) => ({ body: await makeSetStatus('application', getActionDeps())(caller, params.id ?? '', body.status) }));
