import { DynamoFunnelStore } from '#shared/adapters/dynamodb/funnel-store.js';
import { makeGetPlacements } from '#shared/use-cases/placements.js';
import { getContainer } from './container.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/get-placements.js';

let funnel: DynamoFunnelStore | undefined;

/**
 * GET /insights/placements?region=&from=&to=: a region's placements funnel by target group, summed
 * from its daily counters. Bureau staff: their region or one inside it.
 */
export const handler = httpHandler(route, async ({ query, caller }) => {
  const { client, config, clock } = getContainer();
  funnel ??= new DynamoFunnelStore(client, config.TABLE_NAME);
  return { body: await makeGetPlacements({ funnel, clock })(caller, query) };
});
