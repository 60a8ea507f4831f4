import { makeDeleteMyProfile } from '#shared/use-cases/profile.js';
import { getActionDeps } from './action-deps.js';
import { campaignsChanged } from './campaigns-changed.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/delete-my-profile.js';

/** DELETE /me/profile: erases the caller's profile as DELETE /learners/{id} does; a retry after a clean-up cut short finishes it (204). */
export const handler = httpHandler(route, async ({ caller, headers }) => {
  await makeDeleteMyProfile({ ...getActionDeps(), campaignsChanged })(caller, headers['if-match']);
  return { status: 204 };
});
