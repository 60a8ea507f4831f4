import { prepareExtraction } from '#shared/taxonomy/extract.js';
import { etagOf, makeGetRecord, makePatchRecord, publicView } from '#shared/use-cases/records.js';
import { getActionDeps } from './action-deps.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/update-learner.js';

// Build the skill-extraction indexes during init rather than on the first request that reads skill text.
prepareExtraction();

/**
 * PATCH /learners/{id}: JSON merge patch, honouring If-Match. Withdrawing consent withdraws the
 * learner's open applications and invitations in the same request, so employers stop seeing their
 * contact details at once.
 */
export const handler = httpHandler(route, async ({ params, body, caller, headers }) => {
  const deps = getActionDeps();
  const id = params.id ?? '';
  const before = await makeGetRecord('learner', deps)(caller, id);
  const record = await makePatchRecord('learner', deps)(caller, id, body, headers['if-match']);
  if (before.consentToShare && !record.consentToShare) await deps.withdrawOpen(record.id);
  return { body: publicView(record), headers: { etag: etagOf(record) } };
});
