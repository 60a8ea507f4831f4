import { etagOf } from '#shared/use-cases/records.js';
import { makeRecordSubsidy } from '#shared/use-cases/subsidy-history.js';
import { getContainer } from './container.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/record-subsidy.js';

/**
 * POST /learners/{id}/subsidies: bureau staff of the learner's region record a subsidy the learner
 * received; 201 for a new entry, 200 when its `ref` was recorded before (replaced, or unchanged).
 */
export const handler = httpHandler(route, async ({ params, body, caller }) => {
  const { learner, created } = await makeRecordSubsidy(getContainer())(caller, params.id ?? '', body);
  return { status: created ? 201 : 200, body: { learnerId: learner.id, subsidyHistory: learner.subsidyHistory ?? [] }, headers: { etag: etagOf(learner) } };
});
