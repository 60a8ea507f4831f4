import { makeApply } from '#shared/use-cases/engagements.js';
import { getActionDeps } from './action-deps.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/create-application.js';

/** POST /applications: the caller applies to an open demand with their profile; a repeat answers the same application. */
export const handler = httpHandler(route, async ({ body, caller }) => {
  const { engagement, created } = await makeApply(getActionDeps())(caller, body);
  return { status: created ? 201 : 200, body: engagement, headers: created ? { location: `/applications/${engagement.id}` } : ({} as Record<string, string>) };
});
