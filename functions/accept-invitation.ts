import { makeSetStatus } from '#shared/use-cases/engagements.js';
import { getActionDeps } from './action-deps.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/accept-invitation.js';

/** POST /invitations/{id}/accept: the invited job seeker accepts; from now on the employer sees their contact details. */
export const handler = httpHandler(route, async ({ params, caller }) => ({ body: await makeSetStatus('invitation', getActionDeps())(caller, params.id ?? '', 'accepted') }));
