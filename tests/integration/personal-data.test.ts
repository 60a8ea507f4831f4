import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Log everything, incoming events included: set before any import creates the Powertools logger.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
  process.env.POWERTOOLS_LOGGER_LOG_EVENT = 'true';
});
import { getContainer } from '../../functions/container.js';
import { getCampaignContainer } from '../../functions/campaign-container.js';
import { ROUTES, type RouteDef } from '../../functions/routes.js';
import { REDACTED, redact, redactText } from '../../functions/http/redact.js';
import { demandBody, learnerBody, startApi, type Api } from './api-harness.js';
import { indexProblems, scanAll } from './reliability-kit.js';

/**
 * PIPL: a learner's profile (disability status included) is sensitive personal information.
 * Learners choose what employers see, employers never see contact details or group membership,
 * logs carry none of it, and deleting a profile deletes everything about the person.
 */

/** Personal details a learner typed into the free-text summary; none may reach an employer or a log. */
const NAME = '欧阳娜娜';
const PHONE = '13912345678';
const ID_NUMBER = '11010119900307123X';
const EMAIL = 'nana.ouyang@example.cn';
const SUMMARY = `我叫${NAME}，残疾人，电话${PHONE}，身份证${ID_NUMBER}，邮箱${EMAIL}，会开多旋翼无人机`;
const CERTIFICATE = 'CAAC多旋翼视距内驾驶员（编号 UTC-778899）';
const PERSONAL = [NAME, PHONE, ID_NUMBER, EMAIL, SUMMARY, CERTIFICATE, 'disabled'];

const sensitiveLearner = (overrides: Record<string, unknown> = {}) =>
  learnerBody({ summary: SUMMARY, group: 'disabled', certificates: [CERTIFICATE], education: '大专', skills: ['多旋翼无人机驾驶', { skill: '无人机维修', level: 3 }, '航拍'], region: '110119', ...overrides });

let api: Api;
let employer: string;
let bureau: string;
let demandId: string;

/** Everything written to stdout and stderr while the tests ran (the Powertools logger writes there). */
const captured: string[] = [];

/** Every item of the table, all pages (the harness's allItems reads one page). */
const everything = () => scanAll(api.table.client, api.table.tableName);

beforeAll(async () => {
  api = await startApi();
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  }
  employer = await api.token('employer', 'emp-pd');
  bureau = await api.token('bureau', 'bur-pd', '110000');
  demandId = (await api.call('POST', '/demands', { token: employer, body: demandBody({ ref: 'PD-1' }) })).body.id;
});
afterAll(async () => {
  vi.restoreAllMocks();
  await getCampaignContainer().local?.idle();
  await api.close();
});

const matchIds = async (): Promise<string[]> => {
  const res = await api.call('GET', `/demands/${demandId}/matches?limit=50`, { token: employer });
  expect(res.status).toBe(200);
  return res.body.items.map((i: { id: string }) => i.id);
};

describe('consent to share', () => {
  it('shows a learner in employers’ match lists only while consentToShare is true', async () => {
    const seeker = await api.token('jobseeker', 'js-consent');
    const id = (await api.call('POST', '/learners', { token: seeker, body: sensitiveLearner({ ref: 'c', consentToShare: false }) })).body.id as string;

    const before = await matchIds();
    await api.call('PATCH', `/learners/${id}`, { token: seeker, body: { consentToShare: true } });
    const granted = await matchIds();
    await api.call('PATCH', `/learners/${id}`, { token: seeker, body: { consentToShare: false } });
    const withdrawn = await matchIds();

    expect(before).not.toContain(id);
    expect(granted).toContain(id);
    expect(withdrawn).not.toContain(id);
    expect(indexProblems(await everything())).toEqual([]);
  });
});

describe('what employers see', () => {
  it('never shows employers a learner’s contact details, group, summary or certificates', async () => {
    const seeker = await api.token('jobseeker', 'js-visible');
    const id = (await api.call('POST', '/learners', { token: seeker, body: sensitiveLearner({ ref: 'v' }) })).body.id as string;

    const matches = await api.call('GET', `/demands/${demandId}/matches?limit=50`, { token: employer });
    const profile = await api.call('GET', `/learners/${id}`, { token: employer });
    const list = await api.call('GET', '/learners', { token: employer });

    expect(matches.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const shown = JSON.stringify(matches.body);
    expect(PERSONAL.filter((p) => shown.includes(p))).toEqual([]);
    for (const item of matches.body.items) expect(Object.keys(item).sort()).toEqual(['explanation', 'id', 'ref', 'score']);
    expect([profile.status, list.status]).toEqual([403, 403]);
  });

  it('keeps personal fields off the skill-index items that employers’ match lists are built from', async () => {
    const seeker = await api.token('jobseeker', 'js-index');
    const id = (await api.call('POST', '/learners', { token: seeker, body: sensitiveLearner({ ref: 'i' }) })).body.id as string;

    const entries = (await everything()).filter((i) => i.entity === 'INDEX' && i.recordId === id);

    expect(entries.length).toBeGreaterThan(0);
    const stored = JSON.stringify(entries);
    expect(PERSONAL.filter((p) => stored.includes(p))).toEqual([]);
    for (const entry of entries) for (const field of ['summary', 'group', 'certificates', 'education', 'owner']) expect(entry).not.toHaveProperty(field);
  });

  it('still shows the learner everything about themselves', async () => {
    const seeker = await api.token('jobseeker', 'js-self-view');
    const id = (await api.call('POST', '/learners', { token: seeker, body: sensitiveLearner({ ref: 's' }) })).body.id as string;

    const own = await api.call('GET', `/learners/${id}`, { token: seeker });

    expect(own.body).toMatchObject({ summary: SUMMARY, group: 'disabled', certificates: [CERTIFICATE] });
  });
});

describe('deleting a profile', () => {
  /** Items that name the learner's id or carry their (marked) summary. */
  const mentions = (items: readonly Record<string, unknown>[], id: string, marker: string) => items.filter((i) => JSON.stringify(i).includes(id) || JSON.stringify(i).includes(marker));

  it('removes the profile, every index item and every match result about the learner', async () => {
    const seeker = await api.token('jobseeker', 'js-delete');
    const marker = `${SUMMARY} #delete-1`;
    const id = (await api.call('POST', '/learners', { token: seeker, body: sensitiveLearner({ ref: 'd', summary: marker }) })).body.id as string;
    const before = mentions(await everything(), id, marker);
    expect(await matchIds()).toContain(id);

    const deleted = await api.call('DELETE', `/learners/${id}`, { token: seeker });

    expect(deleted.status).toBe(204);
    expect(before.filter((i) => i.entity === 'INDEX').length).toBeGreaterThan(1);
    expect(before.filter((i) => i.entity === 'LEARNER')).toHaveLength(1);
    expect(mentions(await everything(), id, marker)).toEqual([]);
    expect(await matchIds()).not.toContain(id);
    expect((await api.call('GET', `/learners/${id}`, { token: seeker })).status).toBe(404);
    expect((await api.call('GET', `/learners/${id}/matches`, { token: seeker })).status).toBe(404);
  });

  it('lets bureau staff of the region delete a profile just as completely', async () => {
    const seeker = await api.token('jobseeker', 'js-delete-bureau');
    const marker = `${SUMMARY} #delete-2`;
    const id = (await api.call('POST', '/learners', { token: seeker, body: sensitiveLearner({ ref: 'db', summary: marker }) })).body.id as string;

    const deleted = await api.call('DELETE', `/learners/${id}`, { token: bureau });

    expect(deleted.status).toBe(204);
    expect(mentions(await everything(), id, marker)).toEqual([]);
  });

  const campaignsServed = (ROUTES as readonly RouteDef[]).some((r) => r.method === 'POST' && r.path === '/campaigns');

  it.runIf(campaignsServed)('removes the learner’s campaign results too', async () => {
    const seeker = await api.token('jobseeker', 'js-campaign');
    const marker = `${SUMMARY} #delete-3`;
    const id = (await api.call('POST', '/learners', { token: seeker, body: sensitiveLearner({ ref: 'camp', region: '110119', summary: marker }) })).body.id as string;
    const started = await api.call('POST', '/campaigns', { token: bureau, body: { name: 'PIPL deletion check', region: '110119' } });
    expect(started.status).toBeLessThan(300);
    let status = started.body.status as string;
    for (let i = 0; i < 200 && (status === 'queued' || status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await api.call('GET', `/campaigns/${started.body.id}`, { token: bureau })).body.status;
    }
    const results = await api.call('GET', `/campaigns/${started.body.id}/results?format=json`, { token: bureau });
    expect(status).toBe('completed');
    expect(results.body.items.map((i: { learner: { id: string } }) => i.learner.id)).toContain(id);

    await api.call('DELETE', `/learners/${id}`, { token: seeker });

    expect(mentions(await everything(), id, marker)).toEqual([]);
    const after = await api.call('GET', `/campaigns/${started.body.id}/results?format=json`, { token: bureau });
    expect(after.body.items.map((i: { learner: { id: string } }) => i.learner.id)).not.toContain(id);
  });
});

describe('logs', () => {
  const logLines = () =>
    captured
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{') && line.includes('"level"'));

  it('redacts phone numbers, ID numbers, e-mail addresses and free-text fields wherever they appear', () => {
    const entry = {
      learner: { name: NAME, summary: SUMMARY, id: 'l_abcdefghijklmnopqrst', nested: [{ text: 'free text' }], description: { zh: '描述' } },
      note: `call ${PHONE} or +86 139-1234-5678, id ${ID_NUMBER.toLowerCase()}, mail ${EMAIL}`,
      asNumber: Number(PHONE),
      counts: { rows: 120, written: 118 },
    };

    const out = redact(entry) as typeof entry;

    expect(out.learner).toEqual({ name: REDACTED, summary: REDACTED, id: 'l_abcdefghijklmnopqrst', nested: [{ text: REDACTED }], description: REDACTED });
    expect(out.note).toBe('call [REDACTED:phone] or [REDACTED:phone], id [REDACTED:id], mail [REDACTED:email]');
    expect(out.asNumber).toBe(REDACTED);
    expect(out.counts).toEqual({ rows: 120, written: 118 });
    expect(redactText('request 1714000000000, trace 1-5759e988-bd862e3fe1be46a994272793')).toBe('request 1714000000000, trace 1-5759e988-bd862e3fe1be46a994272793');
  });

  it('writes no name, phone number, ID number, e-mail or summary into any log line, even with event logging on and on a 500', async () => {
    const seeker = await api.token('jobseeker', 'js-logs');
    // One DynamoDB call fails with a message that echoes personal data, as SDK errors can.
    let failNext = false;
    getContainer().client.middlewareStack.add(
      (next) => async (args) => {
        if (failNext) {
          failNext = false;
          throw new Error(`Item ${JSON.stringify({ summary: SUMMARY })} rejected for ${NAME} ${PHONE}`);
        }
        return next(args);
      },
      { step: 'initialize', name: 'failOnceWithPersonalData' },
    );
    const created = await api.call('POST', '/learners', { token: seeker, body: sensitiveLearner({ ref: 'log' }) });
    await api.call('PATCH', `/learners/${created.body.id}`, { token: seeker, body: { summary: `${SUMMARY}（更新）` } });
    await api.call('POST', '/skills/extract', { token: seeker, body: { text: SUMMARY } });
    await api.call('POST', '/learners', { token: seeker, body: sensitiveLearner({ ref: 'bad', yearsExperience: -1 }) });
    await api.call('GET', `/skills?q=${encodeURIComponent(`${NAME}${PHONE}`)}`, { token: seeker });
    failNext = true;
    const failed = await api.call('GET', `/learners/${created.body.id}`, { token: seeker });

    const lines = logLines();
    const text = lines.join('\n');

    expect(failed.status).toBe(500);
    expect(lines.length).toBeGreaterThan(5);
    expect(text).toContain('Request failed');
    expect(text).toContain('[REDACTED');
    expect(lines.every((line) => typeof JSON.parse(line) === 'object')).toBe(true);
    expect([NAME, PHONE, ID_NUMBER, EMAIL, SUMMARY, seeker, '139-1234-5678'].filter((p) => text.includes(p))).toEqual([]);
  });
});

describe('table invariants', () => {
  it('leaves every record’s index items in step with it after all of the above', async () => {
    expect(indexProblems(await scanAll(api.table.client, api.table.tableName))).toEqual([]);
  });
});
