import { makeDeleteLearner } from '#shared/use-cases/erasure.js';
import { getActionDeps } from './action-deps.js';
import { campaignsChanged } from './campaigns-changed.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/delete-learner.js';

/**
 * DELETE /learners/{id}: removes the learner and its index entries, honouring If-Match (with a
 * tombstone and an erasure job in the same transaction), then withdraws its open applications and
 * invitations, strips it from engagements, the contact-reveal audit and its inbox, removes its
 * campaign results and unlinks its accounts (docs/action-loop.md, Retention). A retry after a
 * clean-up cut short finishes it and answers 204 again.
 */
export const handler = httpHandler(route, async ({ params, caller, headers }) => {
  await makeDeleteLearner({ ...getActionDeps(), campaignsChanged })(caller, params.id ?? '', headers['if-match']);
  return { status: 204 };
});
