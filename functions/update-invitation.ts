import { makeSetStatus } from '#shared/use-cases/engagements.js';
import { getActionDeps } from './action-deps.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/update-invitation.js';

/** PATCH /invitations/{id}: the employer withdraws an unanswered invitation or records a hire. */
export const handler = httpHandler(route, async ({ params, body, caller }) => ({ body: await makeSetStatus('invitation', getActionDeps())(caller, params.id ?? '', body.status) }));
