import { makeListInbox } from '#shared/use-cases/inbox.js';
import { getActionDeps } from './action-deps.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/list-inbox.js';

/** GET /inbox: the caller's events, newest first, with the unread count. */
export const handler = httpHandler(route, async ({ query, caller }) => ({ body: await makeListInbox(getActionDeps())(caller, query) }));
