import { prepareExtraction } from '#shared/taxonomy/extract.js';
import { makeListCourses } from '#shared/use-cases/list-courses.js';
import { publicView } from '#shared/use-cases/records.js';
import { getContainer } from './container.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/list-courses.js';

// Build the skill-extraction indexes during init rather than on the first request that reads skill text.
prepareExtraction();

/** GET /courses?skill=&region=: courses anyone signed in may browse. */
export const handler = httpHandler(route, async ({ query }) => {
  const page = await makeListCourses(getContainer())(query);
  return { body: { items: page.items.map(publicView), ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
});
