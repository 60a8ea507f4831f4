import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/domain/caller.js';
import { ForbiddenError } from '../../../shared/domain/errors.js';
import { CampaignInputSchema } from '../../../shared/schemas/campaign.js';
import { makeListCampaigns, newCampaign } from '../../../shared/use-cases/campaign/manage.js';
import { MemoryCampaignStore } from './fakes.js';

const officer = (sub: string, region: string): Caller => ({ sub, role: 'bureau', region });
const yanqing = officer('yq-1', '110119');
const beijing = officer('bj-1', '110000');

/** A store holding campaigns in Yanqing (two), Haidian and Pudong, a minute apart, oldest first. */
async function store(): Promise<MemoryCampaignStore> {
  const campaigns = new MemoryCampaignStore();
  const start = Date.parse('2026-06-01T00:00:00Z');
  const specs = [
    ['yq-1', '110119', 'yq-spring'],
    ['hd-1', '110108', 'hd-graduates'],
    ['pd-1', '310115', 'pd-logistics'],
    ['yq-1', '110119', 'yq-autumn'],
  ] as const;
  for (const [i, [sub, region, name]] of specs.entries()) {
    const input = CampaignInputSchema.parse({ name, region });
    await campaigns.create(newCampaign(officer(sub, region), input, new Date(start + i * 60_000)));
  }
  return campaigns;
}

describe('list campaigns use case', () => {
  it('lists the campaigns of the bureau’s region and the regions inside it, newest first', async () => {
    // Prepare
    const list = makeListCampaigns({ campaigns: await store() });

    // Act
    const district = await list(yanqing, { limit: 20 });
    const province = await list(beijing, { limit: 20 });

    // Assess
    expect(district.items.map((c) => c.name)).toEqual(['yq-autumn', 'yq-spring']);
    expect(province.items.map((c) => c.name)).toEqual(['yq-autumn', 'hd-graduates', 'yq-spring']);
  });

  it('narrows with a region inside the bureau’s, and refuses one outside it', async () => {
    const list = makeListCampaigns({ campaigns: await store() });

    const narrowed = await list(beijing, { limit: 20, region: '110108' });

    expect(narrowed.items.map((c) => c.name)).toEqual(['hd-graduates']);
    await expect(list(yanqing, { limit: 20, region: '110000' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses callers who are not bureau staff, and bureau staff without a region', async () => {
    const list = makeListCampaigns({ campaigns: await store() });

    await expect(list({ sub: 'acme', role: 'employer', region: undefined }, { limit: 20 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(list({ sub: 'lost', role: 'bureau', region: undefined }, { limit: 20 })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('answers an empty page where there are no campaigns', async () => {
    const list = makeListCampaigns({ campaigns: new MemoryCampaignStore() });

    expect(await list(yanqing, { limit: 20 })).toEqual({ items: [] });
  });
});
