import { etagOf, publicView } from '#shared/use-cases/records.js';
import { makeGetMyProfile } from '#shared/use-cases/profile.js';
import { getActionDeps } from './action-deps.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/get-my-profile.js';

/** GET /me/profile: the caller's own learner profile with its ETag; 404 when they have none. */
export const handler = httpHandler(route, async ({ caller }) => {
  const record = await makeGetMyProfile(getActionDeps())(caller);
  return { body: publicView(record), headers: { etag: etagOf(record) } };
});
