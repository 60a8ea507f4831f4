import type { CourseQuery } from '#shared/schemas/queries.js';
import { makeListCourses } from '#shared/use-cases/list-courses.js';
import { publicView } from '#shared/use-cases/records.js';
import { getContainer } from './container.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes.js';

/** GET /courses?skill=&region=: courses anyone signed in may browse. */
export const handler = httpHandler(route('list-courses'), async ({ query }) => {
  const page = await makeListCourses(getContainer())(query as CourseQuery);
  return { body: { items: page.items.map(publicView), ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
});
