import { prepareExtraction } from '#shared/taxonomy/extract.js';
import { etagOf, publicView } from '#shared/use-cases/records.js';
import { makePatchMyProfile } from '#shared/use-cases/profile.js';
import { getActionDeps } from './action-deps.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/update-my-profile.js';

// Build the skill-extraction indexes during init rather than on the first request that reads skill text.
prepareExtraction();

/** PATCH /me/profile: merges into the caller's profile (If-Match honoured), or creates it from a whole profile (201). */
export const handler = httpHandler(route, async ({ body, caller, headers }) => {
  const { record, created } = await makePatchMyProfile(getActionDeps())(caller, body, headers['if-match']);
  return { status: created ? 201 : 200, body: publicView(record), headers: { etag: etagOf(record), ...(created ? { location: '/me/profile' } : {}) } };
});
