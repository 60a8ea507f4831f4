import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCampaignContainer } from '../../functions/campaign-container.js';
import { CSV_COLUMNS } from '../../shared/domain/campaign/csv.js';
import { chinaDay, dayMinus } from '../../shared/domain/funnel.js';
import { demandBody, learnerBody, startApi, type Api } from './api-harness.js';

let api: Api;
let employer: string;
let bureau: string;
let cityBureau: string;
let nationalBureau: string;
let farBureau: string;
let drone: string;
let campaignId: string;
const seekers: Record<string, string> = {};

const profile = (overrides: Record<string, unknown> = {}) => {
  const { ref: _ref, ...rest } = learnerBody(overrides);
  return rest;
};

/** The funnel a bureau token reads, total and per group, for today unless a query says otherwise. */
const placements = async (token: string, query = '') => api.call('GET', `/insights/placements${query}`, { token });
const counts = (matched: number, applied: number, invited: number, accepted: number, hired: number) => ({ matched, applied, invited, accepted, hired });

beforeAll(async () => {
  api = await startApi();
  employer = await api.token('employer', 'emp-funnel');
  bureau = await api.token('bureau', 'bur-funnel', '110119');
  cityBureau = await api.token('bureau', 'bur-city', '110000');
  nationalBureau = await api.token('bureau', 'bur-nat', 'national');
  farBureau = await api.token('bureau', 'bur-far', '310115');
  drone = (await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'FUNNEL-UAV', headcount: 20 }) })).body.id;
  // Two seekers the campaign will match (a veteran; a graduate who is also disabled), one in another district.
  for (const [name, body] of [
    ['veteran', profile()],
    ['graduate', profile({ group: undefined, groups: ['graduate', 'disabled'] })],
    ['elsewhere', profile({ region: '110101', group: 'migrant_worker' })],
  ] as const) {
    seekers[name] = await api.token('jobseeker', `js-${name}`);
    const created = await api.call('PATCH', '/me/profile', { token: seekers[name], body });
    expect(created.status).toBe(201);
  }
  const started = await api.call('POST', '/campaigns', { token: bureau, body: { name: '延庆区漏斗', region: '110119' } });
  campaignId = started.body.id;
  await getCampaignContainer().local?.idle();
});
afterAll(() => api.close());

describe('placements funnel', () => {
  it('counts the learners a finished campaign matched, by group, in their region and the regions containing it', async () => {
    const campaign = await api.call('GET', `/campaigns/${campaignId}`, { token: bureau });
    const district = await placements(bureau);
    const nation = await placements(nationalBureau);

    expect(campaign.body.status).toBe('completed');
    expect(campaign.body.summary.matched).toBe(2);
    expect(district.status).toBe(200);
    expect(district.body.total).toEqual(counts(2, 0, 0, 0, 0));
    expect(district.body.byGroup).toEqual([
      { group: 'graduate', ...counts(1, 0, 0, 0, 0) },
      { group: 'veteran', ...counts(1, 0, 0, 0, 0) },
      { group: 'disabled', ...counts(1, 0, 0, 0, 0) },
    ]);
    expect(nation.body.total.matched).toBe(2);
  });

  it('counts an application once however often it is sent, and an acceptance and a hire once however often they are recorded', async () => {
    const first = await api.call('POST', '/applications', { token: seekers.veteran, body: { demandId: drone } });
    const retried = await api.call('POST', '/applications', { token: seekers.veteran, body: { demandId: drone } });
    const id = first.body.id;
    const accepted = await api.call('PATCH', `/applications/${id}`, { token: employer, body: { status: 'accepted' } });
    const acceptedAgain = await api.call('PATCH', `/applications/${id}`, { token: employer, body: { status: 'accepted' } });
    const hired = await api.call('PATCH', `/applications/${id}`, { token: employer, body: { status: 'hired' } });

    const funnel = await placements(bureau);

    expect([first.status, retried.status, accepted.status, acceptedAgain.status, hired.status]).toEqual([201, 200, 200, 200, 200]);
    expect(retried.body.id).toBe(id);
    expect(funnel.body.total).toEqual(counts(2, 1, 0, 1, 1));
    expect(funnel.body.byGroup.find((g: { group: string }) => g.group === 'veteran')).toEqual({ group: 'veteran', ...counts(1, 1, 0, 1, 1) });
  });

  it('counts an invitation and its acceptance in every group of the learner', async () => {
    const learnerId = (await api.call('GET', '/me/profile', { token: seekers.graduate })).body.id;
    const invited = await api.call('POST', '/invitations', { token: employer, body: { demandId: drone, learnerId } });
    const again = await api.call('POST', '/invitations', { token: employer, body: { demandId: drone, learnerId } });
    const accepted = await api.call('POST', `/invitations/${invited.body.id}/accept`, { token: seekers.graduate });

    const funnel = await placements(bureau);

    expect([invited.status, again.status, accepted.status]).toEqual([201, 200, 200]);
    expect(funnel.body.total).toEqual(counts(2, 1, 1, 2, 1));
    expect(funnel.body.byGroup.filter((g: { group: string }) => g.group === 'graduate' || g.group === 'disabled')).toEqual([
      { group: 'graduate', ...counts(1, 0, 1, 1, 0) },
      { group: 'disabled', ...counts(1, 0, 1, 1, 0) },
    ]);
  });

  it('loses no count when many seekers apply at the same moment, and counts a withdrawn application sent again once', async () => {
    const tokens = await Promise.all(Array.from({ length: 8 }, (_, i) => api.token('jobseeker', `js-crowd-${i}`)));
    for (const token of tokens) await api.call('PATCH', '/me/profile', { token, body: profile({ group: 'laid_off' }) });

    const answers = await Promise.all(tokens.map((token) => api.call('POST', '/applications', { token, body: { demandId: drone } })));
    const withdrawn = await api.call('PATCH', `/applications/${answers[0]!.body.id}`, { token: tokens[0]!, body: { status: 'withdrawn' } });
    const resent = await api.call('POST', '/applications', { token: tokens[0]!, body: { demandId: drone } });
    const funnel = await placements(bureau);

    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    expect([withdrawn.status, resent.body.status]).toEqual([200, 'sent']);
    expect(funnel.body.total).toEqual(counts(2, 9, 1, 2, 1));
    expect(funnel.body.byGroup.find((g: { group: string }) => g.group === 'laid_off')).toEqual({ group: 'laid_off', ...counts(0, 8, 0, 0, 0) });
  });

  it('rolls a district up into its city and the nation, and keeps a district to its own', async () => {
    await api.call('POST', '/applications', { token: seekers.elsewhere, body: { demandId: drone } });

    const district = await placements(bureau);
    const city = await placements(cityBureau);
    const otherDistrict = await placements(cityBureau, '?region=110101');
    const nation = await placements(nationalBureau);

    expect(district.body.total.applied).toBe(9);
    expect(city.body.total).toEqual(counts(2, 10, 1, 2, 1));
    expect(otherDistrict.body.total).toEqual(counts(0, 1, 0, 0, 0));
    expect(otherDistrict.body.byGroup).toEqual([{ group: 'migrant_worker', ...counts(0, 1, 0, 0, 0) }]);
    expect(nation.body.total).toEqual(city.body.total);
  });

  it('reports, for a campaign, how many of the learners it matched went on to each stage, in the API and the CSV', async () => {
    const today = chinaDay(new Date());
    const campaign = await api.call('GET', `/campaigns/${campaignId}`, { token: bureau });
    const csv = await api.call('GET', `/campaigns/${campaignId}/results?format=csv`, { token: bureau });
    const json = await api.call('GET', `/campaigns/${campaignId}/results`, { token: bureau });

    // The crowd applied too, but the campaign did not match them (they came later): only its own learners count.
    expect(campaign.body.placements.total).toEqual(counts(2, 1, 1, 2, 1));
    expect(campaign.body.placements.byGroup).toEqual([
      { group: 'graduate', ...counts(1, 0, 1, 1, 0) },
      { group: 'veteran', ...counts(1, 1, 0, 1, 1) },
      { group: 'disabled', ...counts(1, 0, 1, 1, 0) },
    ]);
    const [header, ...rows] = (csv.body as string).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header!.split(',').slice(0, 23)).toEqual(CSV_COLUMNS.slice(0, 23));
    expect(header!.split(',').slice(23)).toEqual(['applied_on', 'invited_on', 'accepted_on', 'hired_on']);
    const veteranRow = rows.map((r) => r.split(',')).find((cells) => cells[2] === 'veteran')!;
    expect(veteranRow.slice(23)).toEqual([today, '', today, today]);
    const graduate = json.body.items.find((r: { learner: { group: string } }) => r.learner.group === 'graduate');
    expect(graduate.placement).toEqual({ invited: today, accepted: today });
  });

  it('counts only the days asked for, and says which days it counted', async () => {
    const today = chinaDay(new Date());
    const before = await placements(bureau, `?from=${dayMinus(today, 10)}&to=${dayMinus(today, 1)}`);
    const defaulted = await placements(bureau);

    expect(before.body.total).toEqual(counts(0, 0, 0, 0, 0));
    expect(before.body.byGroup).toEqual([]);
    expect(defaulted.body).toMatchObject({ region: '110119', from: dayMinus(today, 29), to: today, stages: ['matched', 'applied', 'invited', 'accepted', 'hired'] });
  });

  it('names every bad field of a query, and turns away callers outside the region or without the bureau scope', async () => {
    const reversed = await placements(bureau, '?from=2026-12-10&to=2026-12-01');
    const badDays = await placements(bureau, '?from=2026-02-30&to=yesterday');
    const tooLong = await placements(bureau, '?from=2024-01-01&to=2026-01-01');
    const outside = await placements(farBureau, '?region=110119');
    const asEmployer = await placements(employer);

    expect(reversed.status).toBe(422);
    expect(reversed.headers.get('content-type')).toContain('application/problem+json');
    expect(reversed.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/from', '/to']);
    expect(badDays.status).toBe(422);
    expect(badDays.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/from', '/to']);
    expect(tooLong.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/from', '/to']);
    expect(outside.status).toBe(403);
    expect(asEmployer.status).toBe(403);
  });
});
