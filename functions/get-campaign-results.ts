import { resultsCsv } from '#shared/domain/campaign/csv.js';
import { CAMPAIGN_RESULTS_MAX } from '#shared/schemas/campaign.js';
import { loadTaxonomy } from '#shared/taxonomy/taxonomy.js';
import { makeCampaignResults, resultView } from '#shared/use-cases/campaign/manage.js';
import { getCampaignStore } from './campaign-store.js';
import { httpHandler } from './http/http-handler.js';
import { route } from './routes/get-campaign-results.js';

/**
 * GET /campaigns/{id}/results?format=json|csv: one item (row) per learner. JSON carries the
 * summary and a `nextToken`; CSV is UTF-8 with a BOM (Excel and WPS then read the Chinese right)
 * and continues through the `X-Next-Token` header when the campaign has more rows than a page.
 */
export const handler = httpHandler(route, async ({ params, query, caller }) => {
  const { format, limit, nextToken } = query;
  const taxonomy = loadTaxonomy();
  const page = await makeCampaignResults({ campaigns: getCampaignStore() })(caller, params.id ?? '', { limit: limit ?? (format === 'csv' ? CAMPAIGN_RESULTS_MAX.csv : 500), nextToken });
  if (format === 'csv') {
    return {
      body: resultsCsv(page.items, taxonomy),
      contentType: 'text/csv; charset=utf-8',
      headers: {
        'content-disposition': `attachment; filename="campaign-${page.campaign.id}.csv"`,
        ...(page.nextToken ? { 'x-next-token': page.nextToken, 'access-control-expose-headers': 'X-Next-Token' } : {}),
      },
    };
  }
  return {
    body: {
      items: page.items.map((r) => resultView(r, taxonomy)),
      ...(page.campaign.summary ? { summary: page.campaign.summary } : {}),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    },
  };
});
