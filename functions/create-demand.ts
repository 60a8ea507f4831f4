import { isActive } from '#shared/domain/records.js';
import { prepareExtraction } from '#shared/taxonomy/extract.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { makeAnnounceJob } from '#shared/use-cases/announce-job.js';
import { etagOf, makeUpsertRecord, publicView } from '#shared/use-cases/records.js';
import { getActionDeps } from './action-deps.js';
import { getContainer } from './container.js';
import { httpHandler } from './http/http-handler.js';
import { logger } from './http/observability.js';
import { route } from './routes/create-demand.js';

// Build the skill-extraction indexes during init rather than on the first request that reads skill text.
prepareExtraction();

/**
 * POST /demands: create or update (by ref) one demand. A new open demand is announced in the
 * inboxes of matching job seekers in its region; a failed announcement never fails the posting.
 */
export const handler = httpHandler(route, async ({ body, caller }) => {
  const container = getContainer();
  const { record, created } = await makeUpsertRecord('demand', container)(caller, body);
  if (created && isActive(record, container.clock.now())) {
    const { store, notify } = getActionDeps();
    await makeAnnounceJob({ candidates: container.candidates, store, taxonomy: loadTaxonomy(), notify })(record).catch((error: unknown) => logger.warn('Announcing a new job failed', { error, demandId: record.id }));
  }
  return { status: created ? 201 : 200, body: publicView(record), headers: { etag: etagOf(record), location: `/demands/${record.id}` } };
});
