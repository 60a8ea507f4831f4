import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { makeInvite } from '#shared/use-cases/engagements.js';
import { getActionDeps } from './action-deps.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/create-invitation.js';

/** POST /invitations: an employer invites a consenting match to its open demand; 429 past the daily allowance. */
export const handler = httpHandler(route, async ({ body, caller }) => {
  const deps = getActionDeps();
  const { engagement, created } = await makeInvite({ ...deps, taxonomy: loadTaxonomy(), perDay: deps.invitationsPerDay })(caller, body);
  return { status: created ? 201 : 200, body: engagement, headers: created ? { location: `/invitations/${engagement.id}` } : ({} as Record<string, string>) };
});
