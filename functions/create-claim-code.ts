import { makeCreateClaimCode } from '#shared/use-cases/profile.js';
import { getActionDeps } from './action-deps.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/create-claim-code.js';

/** POST /learners/{id}/claim-code: bureau staff get a one-time code to hand to the person the profile is for. */
export const handler = httpHandler(route, async ({ params, caller }) => {
  const code = await makeCreateClaimCode(getActionDeps())(caller, params.id ?? '');
  return { status: 201, body: code, headers: { 'cache-control': 'no-store' } };
});
