import { makeMarkRead } from '#shared/use-cases/inbox.js';
import { getActionDeps } from './action-deps.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/read-inbox-event.js';

/** POST /inbox/{id}/read: marks one of the caller's events read (again: no change). */
export const handler = httpHandler(route, async ({ params, caller }) => {
  await makeMarkRead(getActionDeps())(caller, params.id ?? '');
  return { status: 204 };
});
