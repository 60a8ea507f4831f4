import { makeDeleteRecord } from '#shared/use-cases/records.js';
import { getActionDeps } from './action-deps.js';
import { campaignsChanged } from './campaigns-changed.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/delete-learner.js';

/**
 * DELETE /learners/{id}: removes the learner and its index entries, honouring If-Match, then
 * withdraws its open applications and invitations (its contact details are gone with it), then
 * strips it from engagements, the contact-reveal audit and its inbox (docs/action-loop.md, Retention).
 * Completed campaigns that held the learner's result get their summaries recomputed.
 */
export const handler = httpHandler(route, async ({ params, caller, headers }) => {
  const deps = getActionDeps();
  const id = params.id ?? '';
  // Read first: the accounts linked to the profile are unlinked once it is gone.
  const before = await deps.store.get('learner', id);
  await makeDeleteRecord('learner', { ...deps, campaignsChanged })(caller, id, headers['if-match']);
  await deps.withdrawOpen(id);
  await deps.eraseTraces(id, before?.kind === 'learner' ? [before.owner, before.subject] : []);
  return { status: 204 };
});
