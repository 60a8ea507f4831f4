import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../../shared/domain/consent.js';
import { learnerBody, startApi, type Api } from './api-harness.js';
import { HOME } from './access-matrix.js';

/**
 * Access-matrix rows for consent (PIPL: consent comes from the individual): who may set
 * `consentToShare` on POST and PATCH of /learners and /learners/batch. Only the learner's own
 * token may give it; bureau staff of the region may create a profile without it and withdraw it.
 */

let api: Api;
let seeker: string;
let bureau: string;

beforeAll(async () => {
  api = await startApi();
  seeker = await api.token('jobseeker', 'js-consent');
  bureau = await api.token('bureau', 'bur-consent', HOME);
});
afterAll(() => api.close());

/** A learner of HOME created by the job seeker with the given consent. */
async function ownProfile(ref: string, consentToShare: boolean): Promise<string> {
  const res = await api.call('POST', '/learners', { token: seeker, body: learnerBody({ ref, region: HOME, consentToShare }) });
  if (res.status !== 201) throw new Error(`Preparing ${ref} failed with ${res.status}`);
  return res.body.id as string;
}

const storedLearners = async () => (await api.allItems()).filter((i) => i.entity === 'LEARNER');

describe('consent access matrix', () => {
  it('answers 403 naming consentToShare when bureau staff grant it by PATCH, and changes nothing', async () => {
    const id = await ownProfile('bur-grants-patch', false);

    const res = await api.call('PATCH', `/learners/${id}`, { token: bureau, body: { consentToShare: true } });

    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: '/consentToShare' })]);
    const after = await api.call('GET', `/learners/${id}`, { token: seeker });
    expect(after.body).toMatchObject({ consentToShare: false, version: 1 });
  });

  it('answers 403 naming consentToShare when bureau staff create a consenting profile, and stores nothing', async () => {
    const before = (await storedLearners()).length;

    const res = await api.call('POST', '/learners', { token: bureau, body: learnerBody({ ref: 'bur-grants-post', region: HOME, consentToShare: true }) });

    expect(res.status).toBe(403);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: '/consentToShare' })]);
    expect((await storedLearners()).length).toBe(before);
  });

  it('answers 403 naming each record of a batch where bureau staff grant consent, and stores none of the batch', async () => {
    const before = (await storedLearners()).length;
    const body = [
      learnerBody({ ref: 'bur-batch-0', region: HOME, consentToShare: false }),
      learnerBody({ ref: 'bur-batch-1', region: HOME, consentToShare: true }),
      learnerBody({ ref: 'bur-batch-2', region: HOME, consentToShare: true }),
    ];

    const res = await api.call('POST', '/learners/batch', { token: bureau, body });

    expect(res.status).toBe(403);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['/1/consentToShare', '/2/consentToShare']);
    expect((await storedLearners()).length).toBe(before);
  });

  it('answers 201 when bureau staff create a profile without consent, recording who decided', async () => {
    const res = await api.call('POST', '/learners', { token: bureau, body: learnerBody({ ref: 'bur-creates', region: HOME, consentToShare: false }) });

    expect(res.status).toBe(201);
    expect(res.body.consent).toMatchObject({ given: false, by: 'bureau', subject: 'bur-consent', noticeVersion: PRIVACY_NOTICE_VERSION });
  });

  it('answers 200 when bureau staff withdraw consent, and records the withdrawal', async () => {
    const id = await ownProfile('bur-withdraws', true);

    const res = await api.call('PATCH', `/learners/${id}`, { token: bureau, body: { consentToShare: false } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ consentToShare: false, consent: { given: false, by: 'bureau', subject: 'bur-consent' } });
  });

  it('answers 200 when the learner grants consent with their own token, and shows them the provenance', async () => {
    const id = await ownProfile('self-grants', false);

    const res = await api.call('PATCH', `/learners/${id}`, { token: seeker, body: { consentToShare: true } });
    const own = await api.call('GET', `/learners/${id}`, { token: seeker });

    expect(res.status).toBe(200);
    expect(own.body.consentToShare).toBe(true);
    expect(own.body.consent).toMatchObject({ given: true, by: 'self', subject: 'js-consent', noticeVersion: PRIVACY_NOTICE_VERSION });
    expect(Number.isNaN(Date.parse(own.body.consent.at))).toBe(false);
  });

  it('keeps the provenance of an unchanged consent when bureau staff edit other fields', async () => {
    const id = await ownProfile('bur-edits', true);
    const granted = (await api.call('GET', `/learners/${id}`, { token: seeker })).body.consent;

    const res = await api.call('PATCH', `/learners/${id}`, { token: bureau, body: { prefersOnline: true, consentToShare: true } });

    expect(res.status).toBe(200);
    expect(res.body.consent).toEqual(granted);
  });
});
