import { etagOf, publicView } from '#shared/use-cases/records.js';
import { makeClaimProfile } from '#shared/use-cases/profile.js';
import { getActionDeps } from './action-deps.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/claim-profile.js';

/** POST /me/profile/claim: links the caller's account to the bureau-created profile the code names; the code works once. */
export const handler = httpHandler(route, async ({ body, caller }) => {
  const record = await makeClaimProfile(getActionDeps())(caller, body.code);
  return { body: publicView(record), headers: { etag: etagOf(record) } };
});
