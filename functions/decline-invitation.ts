import { makeSetStatus } from '#shared/use-cases/engagements.js';
import { getActionDeps } from './action-deps.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/decline-invitation.js';

/** POST /invitations/{id}/decline: the invited job seeker declines. */
export const handler = httpHandler(route, async ({ params, caller }) => ({ body: await makeSetStatus('invitation', getActionDeps())(caller, params.id ?? '', 'declined') }));
