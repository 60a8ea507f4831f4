import { DeleteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, Context, DynamoDBRecord } from 'aws-lambda';
import { handler as streamHandler } from '../../functions/update-shortage.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getActionDeps } from '../../functions/action-deps.js';
import { getContainer } from '../../functions/container.js';
import { DynamoEngagementStore } from '../../shared/adapters/dynamodb/engagement-store.js';
import { learnerDigest } from '../../shared/adapters/dynamodb/keys.js';
import type { Caller } from '../../shared/domain/caller.js';
import type { ErasureJobs } from '../../shared/ports/erasures.js';
import { makeEraseLearnerTraces } from '../../shared/use-cases/engagements.js';
import { makeDeleteLearner, makeSweepErasures, SWEEP_GRACE_MS, type ErasureDeps } from '../../shared/use-cases/erasure.js';
import { makeDeleteMyProfile } from '../../shared/use-cases/profile.js';
import { sweepErasures } from '../../local/sweep-erasures.js';
import { demandBody, learnerBody, startApi, type Api } from './api-harness.js';

/**
 * A learner's deletion that dies mid-clean-up (docs/action-loop.md, Retention) on DynamoDB Local:
 * the first DELETE runs the real use case over ports that fail at one step (a failing port fake,
 * or a client that refuses the n-th write of a kind), after the profile's own transaction; then a
 * retried DELETE, or the sweep, must finish the clean-up so that nothing of the person remains.
 */

let api: Api;
let employer: string;
let drone: string;

const profile = (overrides: Record<string, unknown> = {}) => {
  const { ref: _ref, ...rest } = learnerBody(overrides);
  return rest;
};

interface Seeker {
  readonly sub: string;
  readonly token: string;
  readonly learnerId: string;
  readonly application: string;
  readonly invitation: string;
  readonly phone: string;
  readonly note: string;
}

/**
 * A seeker with contact details who applied with a note, was invited to a second job and
 * accepted, and whose contact the employer saw. `linked`: the profile made through PATCH
 * /me/profile (linked to the account); otherwise through POST /learners (found as the account's first).
 */
async function engagedSeeker(sub: string, phone: string, linked: boolean): Promise<Seeker> {
  const token = await api.token('jobseeker', sub);
  const body = profile({ contact: { phone, email: `${sub}@example.cn` } });
  const created = linked ? await api.call('PATCH', '/me/profile', { token, body }) : await api.call('POST', '/learners', { token, body: { ...body, ref: `${sub}-ref` } });
  const learnerId = created.body.id as string;
  const note = `${sub}的求职留言`;
  const application = (await api.call('POST', '/applications', { token, body: { demandId: drone, note } })).body.id as string;
  const second = (await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: `ER-${sub}` }) })).body.id as string;
  const invitation = (await api.call('POST', '/invitations', { token: employer, body: { demandId: second, learnerId } })).body.id as string;
  await api.call('POST', `/invitations/${invitation}/accept`, { token });
  await api.call('PATCH', `/applications/${application}`, { token: employer, body: { status: 'accepted' } });
  const seen = await api.call('GET', '/applications', { token: employer });
  expect(seen.body.items.find((a: { id: string }) => a.id === application).contact.phone).toBe(phone);
  return { sub, token, learnerId, application, invitation, phone, note };
}

/** The items that still name the person: their id, contact, note, or their account's link and inbox events about their engagements. */
async function traces(s: Seeker): Promise<Record<string, unknown>[]> {
  const items = await api.allItems();
  const naming = [s.learnerId, s.phone, `${s.sub}@example.cn`, s.note];
  return items.filter(
    (i) =>
      naming.some((t) => JSON.stringify(i).includes(t)) ||
      i.pk === `SUBJECT#${s.sub}` ||
      (i.pk === `INBOX#${s.sub}` && (i.engagementId === s.application || i.engagementId === s.invitation)),
  );
}

/** A client that refuses the `nth` TransactWriteItems whose items match `matches`, and passes everything else to DynamoDB Local. */
function refusingClient(client: DynamoDBDocumentClient, matches: (input: string) => boolean, nth: number): DynamoDBDocumentClient {
  let seen = 0;
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop !== 'send') return Reflect.get(target, prop, receiver);
      return (command: { constructor: { name: string }; input: unknown }, ...rest: unknown[]) => {
        if (command.constructor.name === 'TransactWriteCommand' && matches(JSON.stringify(command.input)) && ++seen === nth) {
          return Promise.reject(new Error('injected: the process died here'));
        }
        return (target.send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
      };
    },
  });
}

const context = { functionName: 'update-shortage', awsRequestId: 'test' } as Context;
let sequence = 0;
/** A stream record of an item's removal, as Lambda delivers it. */
const streamRecord = (eventName: 'REMOVE', oldItem: Record<string, unknown>): DynamoDBRecord => ({
  eventID: `ev-${++sequence}`,
  eventName,
  eventSource: 'aws:dynamodb',
  dynamodb: { SequenceNumber: String(sequence).padStart(21, '0'), OldImage: marshall(oldItem) as Record<string, AttributeValue>, StreamViewType: 'NEW_AND_OLD_IMAGES' },
});

const CUTS = ['withdrawing open engagements', 'stripping the second engagement', 'anonymising the reveal audit', 'ending the job'] as const;
type Cut = (typeof CUTS)[number];

/** The action-loop dependencies with one step failing. */
function cutShortAt(cut: Cut): ErasureDeps & ReturnType<typeof getActionDeps> {
  const deps = getActionDeps();
  const { client, config } = getContainer();
  const failing = (matches: (input: string) => boolean, nth: number) =>
    makeEraseLearnerTraces({ engagements: new DynamoEngagementStore(refusingClient(client, matches, nth), config.TABLE_NAME), inbox: deps.inbox });
  switch (cut) {
    case 'withdrawing open engagements':
      return { ...deps, withdrawOpen: () => Promise.reject(new Error('injected: the process died here')) };
    case 'stripping the second engagement':
      return { ...deps, eraseTraces: failing((input) => input.includes('learnerId = :erased'), 2) };
    case 'anonymising the reveal audit':
      return { ...deps, eraseTraces: failing((input) => input.includes('AUDIT#ERASED#'), 1) };
    case 'ending the job': {
      const real = deps.erasures;
      const erasures: ErasureJobs = {
        get: (id) => real.get(id),
        due: (before, limit) => real.due(before, limit),
        removeCampaignResults: (id) => real.removeCampaignResults(id),
        complete: () => Promise.reject(new Error('injected: the process died here')),
      };
      return { ...deps, erasures } as ErasureDeps & ReturnType<typeof getActionDeps>;
    }
  }
}

beforeAll(async () => {
  api = await startApi();
  employer = await api.token('employer', 'emp-erase');
  drone = (await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'ER-UAV', headcount: 50 }) })).body.id;
});
afterAll(() => api.close());

const FINISHERS = ['a retried DELETE /learners/{id}', 'a retried DELETE /me/profile', 'the sweep', 'the stream handler on the job’s expiry'] as const;
const CASES = CUTS.flatMap((cut) => FINISHERS.map((finisher) => [cut, finisher] as const));

describe('a learner deletion cut short after the profile is gone', () => {
  it.each(CASES.map(([cut, finisher], i) => [cut, finisher, i] as const))('cut short while %s, is finished by %s, and nothing of the person remains', async (cut, finisher, i) => {
    // Prepare: an engaged seeker (for DELETE /me/profile, a profile the account is not linked to yet).
    const seeker = await engagedSeeker(`js-er-${i}`, `1380013${String(8000 + i)}`, finisher !== 'a retried DELETE /me/profile');
    const caller: Caller = { sub: seeker.sub, role: 'jobseeker' };
    const deps = cutShortAt(cut);
    const first = finisher === 'a retried DELETE /me/profile' ? makeDeleteMyProfile(deps)(caller) : makeDeleteLearner(deps)(caller, seeker.learnerId);
    await expect(first).rejects.toThrow('injected');
    // The profile is gone, and something of the person is still there: the cut was real.
    expect((await api.call('GET', `/learners/${seeker.learnerId}`, { token: seeker.token })).status).toBe(404);
    expect((await traces(seeker)).length).toBeGreaterThan(0);

    // Act
    if (finisher === 'the stream handler on the job’s expiry') {
      // DynamoDB Local has no TTL: the job is deleted as TTL would, and its stream record handed to the handler.
      const job = (await api.allItems()).find((x) => x.pk === 'ERASURES' && x.learnerId === seeker.learnerId)!;
      await api.table.client.send(new DeleteCommand({ TableName: api.table.tableName, Key: { pk: job.pk, sk: job.sk } }));
      const expiry = { ...streamRecord('REMOVE', job), userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } };
      const result = await streamHandler({ Records: [expiry] }, context);
      expect(result.batchItemFailures).toEqual([]);
    } else if (finisher === 'the sweep') {
      const early = await makeSweepErasures({ ...getActionDeps() })();
      const later = { now: () => new Date(Date.now() + SWEEP_GRACE_MS + 60_000) };
      const swept = Math.floor(i / FINISHERS.length) % 2 === 0 ? await makeSweepErasures({ ...getActionDeps(), clock: later })() : await sweepErasures({ graceMs: 0 });
      // Assess: a job younger than the grace period is left to its request; once due (or at a local start, graceMs 0), it is finished.
      expect(early).toEqual({ finished: 0, failed: 0 });
      expect(swept.failed).toBe(0);
      expect(swept.finished).toBeGreaterThanOrEqual(1);
    } else {
      const retried = finisher === 'a retried DELETE /me/profile' ? await api.call('DELETE', '/me/profile', { token: seeker.token }) : await api.call('DELETE', `/learners/${seeker.learnerId}`, { token: seeker.token });
      expect(retried.status).toBe(204);
    }

    // Assess: nothing names the person; engagements stay stripped and withdrawn; the reveal audit stays under the digest only; no job is left.
    expect(await traces(seeker)).toEqual([]);
    const items = await api.allItems();
    const digest = learnerDigest(seeker.learnerId);
    for (const id of [seeker.application, seeker.invitation]) {
      expect(items.find((x) => x.pk === `ENGAGEMENT#${id}`)).toMatchObject({ learnerId: `erased:${digest}`, learnerRef: '', learnerSub: '', status: 'withdrawn' });
    }
    expect(items.filter((x) => x.pk === `AUDIT#ERASED#${digest}`).length).toBeGreaterThan(0);
    expect(items.filter((x) => x.pk === 'ERASURES' && x.learnerId === seeker.learnerId)).toEqual([]);
    expect(items.find((x) => x.pk === `TOMBSTONE#${digest}`)).toMatchObject({ entity: 'TOMBSTONE' });
    // Once finished, the deletion is over: another DELETE is 404 again.
    expect((await api.call('DELETE', `/learners/${seeker.learnerId}`, { token: seeker.token })).status).toBe(404);
    expect((await api.call('DELETE', '/me/profile', { token: seeker.token })).status).toBe(404);
  });

  it('refuses a DELETE /me/profile with a stale If-Match (412) before writing anything, not even the account’s link to a profile found as its first', async () => {
    // Prepare: a profile made through POST /learners, so the account is not linked to it yet (found as its first).
    const seeker = await engagedSeeker('js-er-stale', '13800137777', false);
    const before = JSON.stringify(await api.allItems());

    // Act
    const stale = await api.call('DELETE', '/me/profile', { token: seeker.token, headers: { 'if-match': '"v999"' } });

    // Assess
    expect(stale.status).toBe(412);
    expect(JSON.stringify(await api.allItems())).toBe(before);
    expect((await api.call('GET', '/me/profile', { token: seeker.token })).status).toBe(200);
  });

  it('lets only someone who could have deleted the profile finish it: anyone else gets 404 and the job stays', async () => {
    const seeker = await engagedSeeker('js-er-other', '13800139999', true);
    await expect(makeDeleteLearner(cutShortAt('withdrawing open engagements'))({ sub: seeker.sub, role: 'jobseeker' }, seeker.learnerId)).rejects.toThrow('injected');

    const stranger = await api.call('DELETE', `/learners/${seeker.learnerId}`, { token: await api.token('jobseeker', 'js-er-stranger') });
    const farBureau = await api.call('DELETE', `/learners/${seeker.learnerId}`, { token: await api.token('bureau', 'bur-er-far', '310115') });
    const bureau = await api.call('DELETE', `/learners/${seeker.learnerId}`, { token: await api.token('bureau', 'bur-er', '110119') });

    expect(stranger.status).toBe(404);
    expect(farBureau.status).toBe(404);
    expect(bureau.status).toBe(204);
    expect(await traces(seeker)).toEqual([]);
  });

  it('keeps identifiers only in the job and nothing of the learner in the tombstone, and removes the job when the clean-up ends', async () => {
    const seeker = await engagedSeeker('js-er-job', '13800137777', true);
    await expect(makeDeleteLearner(cutShortAt('ending the job'))({ sub: seeker.sub, role: 'jobseeker' }, seeker.learnerId)).rejects.toThrow('injected');

    const job = (await api.allItems()).filter((x) => x.pk === 'ERASURES' && x.learnerId === seeker.learnerId);
    expect(job).toHaveLength(1);
    expect(Object.keys(job[0]!).sort()).toEqual(['accounts', 'deletedAt', 'entity', 'learnerId', 'pk', 'region', 'sk', 'ttl']);
    expect(job[0]).toMatchObject({ learnerId: seeker.learnerId, accounts: [seeker.sub], region: '110119' });
    // It expires (and reaches the stream handler) once the grace period has passed.
    expect(job[0]!.ttl).toBe(Math.ceil((Date.parse(job[0]!.deletedAt as string) + SWEEP_GRACE_MS) / 1000));
    const tombstone = (await api.allItems()).find((x) => x.pk === `TOMBSTONE#${learnerDigest(seeker.learnerId)}`)!;
    expect(JSON.stringify(tombstone)).not.toContain(seeker.learnerId);

    expect((await api.call('DELETE', '/me/profile', { token: seeker.token })).status).toBe(204);
    expect((await api.allItems()).filter((x) => x.pk === 'ERASURES' && x.learnerId === seeker.learnerId)).toEqual([]);
  });
});
