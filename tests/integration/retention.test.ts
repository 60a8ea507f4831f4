import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnerDigest } from '../../shared/adapters/dynamodb/keys.js';
import { demandBody, learnerBody, startApi, type Api } from './api-harness.js';

let api: Api;
let employer: string;
let bureau: string;
let drone: string;

const profile = (overrides: Record<string, unknown> = {}) => {
  const { ref: _ref, ...rest } = learnerBody(overrides);
  return rest;
};

/** A seeker with contact details who applied (with a note), was invited to a second job and accepted, and whose contact the employer saw. */
async function engagedSeeker(sub: string, phone: string) {
  const token = await api.token('jobseeker', sub);
  const learnerId = (await api.call('PATCH', '/me/profile', { token, body: profile({ contact: { phone, email: `${sub}@example.cn` } }) })).body.id as string;
  const application = (await api.call('POST', '/applications', { token, body: { demandId: drone, note: `${sub}的求职留言` } })).body.id as string;
  const second = (await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: `RET-${sub}` }) })).body.id as string;
  const invitation = (await api.call('POST', '/invitations', { token: employer, body: { demandId: second, learnerId } })).body.id as string;
  await api.call('POST', `/invitations/${invitation}/accept`, { token });
  await api.call('PATCH', `/applications/${application}`, { token: employer, body: { status: 'accepted' } });
  const seen = await api.call('GET', '/applications', { token: employer });
  expect(seen.body.items.find((a: { id: string }) => a.id === application).contact.phone).toBe(phone);
  return { token, learnerId, application, invitation };
}

beforeAll(async () => {
  api = await startApi();
  employer = await api.token('employer', 'emp-ret');
  bureau = await api.token('bureau', 'bur-ret', '110119');
  drone = (await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'RET-UAV', headcount: 10 }) })).body.id;
});
afterAll(() => api.close());

describe('retention after a learner is deleted', () => {
  it.each([
    ['DELETE /me/profile', 'js-ret-me', '13800138001'],
    ['DELETE /learners/{id}', 'js-ret-id', '13800138002'],
  ])('%s leaves no item naming the learner: engagements stripped, list entries and inbox events gone, reveals kept without them', async (how, sub, phone) => {
    const seeker = await engagedSeeker(sub, phone);
    const funnelBefore = (await api.call('GET', '/insights/placements', { token: bureau })).body.total;

    const deleted =
      how === 'DELETE /me/profile'
        ? await api.call('DELETE', '/me/profile', { token: seeker.token })
        : await api.call('DELETE', `/learners/${seeker.learnerId}`, { token: seeker.token });

    const items = await api.allItems();
    const digest = learnerDigest(seeker.learnerId);
    expect(deleted.status).toBe(204);
    // Nothing left names the learner, their account's events about the engagements, their contact or their note.
    const text = JSON.stringify(items);
    for (const trace of [seeker.learnerId, phone, `${sub}@example.cn`, `${sub}的求职留言`]) expect(items.filter((i) => JSON.stringify(i).includes(trace))).toEqual([]);
    expect(items.filter((i) => String(i.pk).startsWith('APPLICATIONS#LEARNER#') || String(i.pk).startsWith('INVITATIONS#LEARNER#'))).toEqual([]);
    for (const id of [seeker.application, seeker.invitation]) {
      const e = items.find((i) => i.pk === `ENGAGEMENT#${id}`)!;
      expect(e).toMatchObject({ learnerId: `erased:${digest}`, learnerRef: '', learnerSub: '', status: 'withdrawn' });
      expect(Object.keys(e)).not.toEqual(expect.arrayContaining(['note']));
      expect(e).not.toHaveProperty('groups');
      expect(e).not.toHaveProperty('learnerRegion');
    }
    const reveals = items.filter((i) => i.pk === `AUDIT#ERASED#${digest}`);
    expect(reveals.length).toBeGreaterThan(0);
    for (const r of reveals) expect(Object.keys(r).sort()).toEqual(['at', 'engagementId', 'entity', 'pk', 'sk', 'ttl', 'viewer']);
    const inbox = await api.call('GET', '/inbox', { token: seeker.token });
    expect(inbox.body.items.filter((e: { engagementId?: string }) => e.engagementId === seeker.application || e.engagementId === seeker.invitation)).toEqual([]);
    expect(inbox.body.unread).toBe(inbox.body.items.filter((e: { read: boolean }) => !e.read).length);
    // The employer still sees its applications, withdrawn and without contact; the funnel's counts (anonymous) stay.
    const employerView = await api.call('GET', '/applications', { token: employer });
    const kept = employerView.body.items.find((a: { id: string }) => a.id === seeker.application);
    expect(kept).toMatchObject({ status: 'withdrawn', learnerRef: '' });
    expect(kept).not.toHaveProperty('contact');
    expect((await api.call('GET', '/insights/placements', { token: bureau })).body.total).toEqual(funnelBefore);
  });
});
