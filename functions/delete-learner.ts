import { makeDeleteRecord } from '#shared/use-cases/records.js';
import { getActionDeps } from './action-deps.js';
import { campaignsChanged } from './campaigns-changed.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/delete-learner.js';

/**
 * DELETE /learners/{id}: removes the learner and its index entries, honouring If-Match, then
 * withdraws its open applications and invitations (its contact details are gone with it).
 * Completed campaigns that held the learner's result get their summaries recomputed.
 */
export const handler = httpHandler(route, async ({ params, caller, headers }) => {
  const deps = getActionDeps();
  await makeDeleteRecord('learner', { ...deps, campaignsChanged })(caller, params.id ?? '', headers['if-match']);
  await deps.withdrawOpen(params.id ?? '');
  return { status: 204 };
});
