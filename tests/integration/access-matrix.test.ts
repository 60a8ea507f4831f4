import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getCampaignContainer } from '../../functions/campaign-container.js';
import { ROUTES, type RouteDef } from '../../functions/routes.js';
import { ROLE_SCOPES } from '../../shared/domain/scopes.js';
import { ROLES, type Role } from '../../shared/domain/caller.js';
import { regionContains } from '../../shared/regions/regions.js';
import { DEV_AUDIENCE, DEV_ISSUER, signDevToken } from '../../local/dev-token.js';
import { createLocalServer } from '../../local/server.js';
import { courseBody, demandBody, learnerBody, startApi, type Api, type ApiResponse } from './api-harness.js';
import { scanAll } from './reliability-kit.js';
import { ABSENT_ID, ACCESS_MATRIX, ALLOWED, FAR, HOME, NA, RELATIONS, routeKey, targetKindOf, type CellContext, type Expected, type MatrixRow, type Relation, type TargetKind } from './access-matrix.js';

let api: Api;

beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  // Campaigns the cells started run on in the background; let them finish before the table goes.
  await getCampaignContainer().local?.idle();
  await api.close();
});

const routes = ROUTES as readonly RouteDef[];
const served = new Set(routes.map(routeKey));

/** Who calls in each role: bureau staff serve HOME. */
const CALLERS: Record<Role, { sub: string; region?: string }> = {
  jobseeker: { sub: 'js-self' },
  employer: { sub: 'emp-self' },
  bureau: { sub: 'bur-self', region: HOME },
};

/** Who owns the "other's" (in HOME) and "other region" (in FAR) records of each kind. */
const OTHERS: Record<Exclude<TargetKind, 'absent'> | 'course', { home: [Role, string, string?]; far: [Role, string, string?] }> = {
  learner: { home: ['jobseeker', 'js-other'], far: ['jobseeker', 'js-far'] },
  demand: { home: ['employer', 'emp-other'], far: ['employer', 'emp-far'] },
  course: { home: ['bureau', 'bur-other', HOME], far: ['bureau', 'bur-far', '310000'] },
  campaign: { home: ['bureau', 'bur-other', HOME], far: ['bureau', 'bur-far', '310000'] },
};

let counter = 0;
const freshRef = () => `M-${++counter}-${randomBytes(3).toString('hex')}`;

const CREATE_PATH: Record<Exclude<TargetKind, 'absent'> | 'course', string> = { demand: '/demands', learner: '/learners', course: '/courses', campaign: '/campaigns' };
const BODY: Record<Exclude<TargetKind, 'absent'> | 'course', (ref: string, region: string) => unknown> = {
  demand: (ref, region) => demandBody({ ref, region }),
  // Without consent: bureau staff may create a profile only so (access-matrix-consent.test.ts).
  learner: (ref, region) => learnerBody({ ref, region, consentToShare: false }),
  course: (ref, region) => courseBody({ ref, region }),
  campaign: (ref, region) => ({ name: ref, region }),
};

/** Creates a record (or campaign) through the API as `owner` and returns what was stored. */
async function create(kind: Exclude<TargetKind, 'absent'> | 'course', owner: [Role, string, string?], region: string): Promise<{ id: string; ref: string; token: string }> {
  const token = await api.token(owner[0], owner[1], owner[2]);
  const ref = freshRef();
  const res = await api.call('POST', CREATE_PATH[kind], { token, body: BODY[kind](ref, region) });
  if (res.status >= 300) throw new Error(`Preparing a ${kind} for ${owner[1]} failed with ${res.status}: ${JSON.stringify(res.body)}`);
  return { id: res.body.id as string, ref, token };
}

/** The record a cell acts on: the caller's own, someone else's in HOME, or someone's in FAR. */
function targetOwner(kind: Exclude<TargetKind, 'absent'> | 'course', role: Role, relation: Relation): [Role, string, string?] {
  if (relation === 'own') return [role, CALLERS[role].sub, CALLERS[role].region];
  return relation === "other's" ? OTHERS[kind].home : OTHERS[kind].far;
}

const matches = (expected: Expected, status: number): boolean =>
  expected === ALLOWED ? ![401, 403, 404].includes(status) && status < 500 : status === expected;

interface Cell {
  readonly route: RouteDef;
  readonly row: MatrixRow;
  readonly role: Role;
  readonly relation: Relation;
  readonly expected: Expected;
}

const cells: Cell[] = routes.flatMap((route) => {
  const row = ACCESS_MATRIX[routeKey(route)];
  if (!row) return [];
  return ROLES.flatMap((role) => RELATIONS.map((relation, i) => ({ route, row, role, relation, expected: row.expect[role][i]! })));
}).filter((c) => c.expected !== NA);

const article = (role: Role) => (role === 'employer' ? 'an employer' : role === 'jobseeker' ? 'a job seeker' : 'bureau staff');

/** Lists of records only their owners and the bureau of their region may see. */
const PRIVATE_LISTS = new Set(['/demands', '/learners']);

/** Items of a list answer the caller may not see (list routes must never leak). */
function leaked(body: { items?: Array<{ owner?: string; region?: string }> }, role: Role): unknown[] {
  const items = Array.isArray(body?.items) ? body.items : [];
  return items.filter((item) => (role === 'bureau' ? !regionContains(HOME, item.region ?? '') : item.owner !== undefined && item.owner !== CALLERS[role].sub));
}

describe('access control matrix', () => {
  it('has a row for every route of the route table', () => {
    const missing = routes.map(routeKey).filter((key) => !(key in ACCESS_MATRIX));

    expect(missing).toEqual([]);
  });

  it('expects 403 wherever a role’s tokens carry none of the route’s scopes', () => {
    const wrong = routes.flatMap((route) => {
      const row = ACCESS_MATRIX[routeKey(route)];
      if (!row || route.scopes.length === 0) return [];
      return ROLES.filter((role) => !route.scopes.some((s) => ROLE_SCOPES[role].includes(s)))
        .filter((role) => row.expect[role].some((e) => e !== NA && e !== 403))
        .map((role) => `${routeKey(route)} for ${role}`);
    });

    expect(wrong).toEqual([]);
  });

  it.each(cells.map((c) => [c.expected, article(c.role), routeKey(c.route), c.relation, c] as const))('answers %s to %s on %s (%s)', async (_e, _a, _k, _r, cell) => {
    const { route, row, role, relation, expected } = cell;
    const caller = CALLERS[role];
    const token = await api.token(role, caller.sub, caller.region);
    const region = relation === 'other region' ? FAR : HOME;
    const kind = targetKindOf(route.path);
    const target = kind === 'absent' ? { id: ABSENT_ID } : kind ? await create(kind, targetOwner(kind, role, relation), region) : undefined;
    // On a create route, "other's" reuses the ref of someone else's existing record.
    const others = relation === "other's" && row.submits ? await create(row.submits, OTHERS[row.submits].home, HOME) : undefined;
    const context: CellContext = { role, relation, region, ref: others?.ref ?? freshRef() };
    const spec = row.request?.(context) ?? {};
    const query = spec.query && Object.keys(spec.query).length > 0 ? `?${new URLSearchParams(spec.query)}` : '';
    const path = route.path.replace('{id}', target?.id ?? '') + query;

    const res: ApiResponse = await api.call(route.method, path, { token, ...(spec.body !== undefined ? { body: spec.body } : {}) });

    expect(matches(expected, res.status), `${route.method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`).toBe(true);
    if (res.status >= 400) expect(res.headers.get('content-type')).toBe('application/problem+json');
    if (PRIVATE_LISTS.has(route.path) && res.status === 200) expect(leaked(res.body, role)).toEqual([]);
    if (others && res.status < 300) {
      // Reusing someone else's ref makes the caller's own record; theirs stays as it was.
      const theirs = (await scanAll(api.table.client, api.table.tableName)).filter((i) => i.id === others.id && i.entity === row.submits!.toUpperCase());
      const mine = Array.isArray(res.body?.items) ? res.body.items[0] : res.body;
      expect(mine?.id).not.toBe(others.id);
      expect(theirs.map((i) => i.version)).toEqual([1]);
    }
  });

  const pending = Object.keys(ACCESS_MATRIX).filter((key) => !served.has(key));
  for (const key of pending) it.todo(`runs ${key} once the route is in functions/routes.ts`);
});

describe('token checks', () => {
  let server: Server;
  let base: string;
  const key = randomBytes(32);

  beforeAll(async () => {
    // A second local server on the same table whose signing key the test knows, to sign bad tokens with it.
    server = createLocalServer({ tokenKey: key });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = (role: string) => ({ 'cognito:groups': [role], scope: Object.values(ROLE_SCOPES).flat().join(' ') });
  const signed = (payload: object, options: { key?: Uint8Array; iss?: string; aud?: string; exp?: number } = {}) =>
    new SignJWT({ ...payload })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('someone')
      .setIssuer(options.iss ?? DEV_ISSUER)
      .setAudience(options.aud ?? DEV_AUDIENCE)
      .setIssuedAt(options.exp !== undefined ? options.exp - 3600 : undefined)
      .setExpirationTime(options.exp ?? '1h')
      .sign(options.key ?? key);

  const BAD_TOKENS: ReadonlyArray<readonly [string, () => Promise<string | undefined>]> = [
    ['no token', async () => undefined],
    ['a malformed token', async () => 'not.a.jwt'],
    ['an expired token', () => signed(claims('bureau'), { exp: Math.floor(Date.now() / 1000) - 60 })],
    ['an unsigned token (alg none)', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims('bureau'), sub: 'x', iss: DEV_ISSUER, aud: DEV_AUDIENCE, exp: Math.floor(Date.now() / 1000) + 3600 })}.`],
    ['a token signed with another key', () => signed(claims('bureau'), { key: randomBytes(32) })],
    [
      'a job seeker’s token whose role was forged to bureau',
      async () => {
        const [header, payload, signature] = (await signDevToken(key, { role: 'jobseeker', sub: 'js-forger' })).split('.');
        const forged = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')), ...claims('bureau'), 'custom:region': 'national' };
        return `${header}.${b64(forged)}.${signature}`;
      },
    ],
    ['a token from another issuer', () => signed(claims('bureau'), { iss: 'https://evil.example' })],
    ['a token for another audience', () => signed(claims('bureau'), { aud: 'someone-else' })],
    ['a correctly signed token naming a role the API does not know', () => signed(claims('admin'))],
  ];

  const protectedRoutes = routes.filter((r) => r.scopes.length > 0);

  it.each(BAD_TOKENS.map(([name, make]) => [name, make] as const))('answers 401 with WWW-Authenticate on every protected route to %s', async (_name, make) => {
    const token = await make();
    const outcomes: string[] = [];

    for (const route of protectedRoutes) {
      const path = route.path.replace('{id}', 'd_aaaaaaaaaaaaaaaaaaaa');
      const res = await fetch(`${base}${path}`, { method: route.method, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      outcomes.push(`${routeKey(route)} ${res.status} ${res.headers.get('www-authenticate') ? 'challenge' : 'no challenge'}`);
    }

    expect(outcomes).toEqual(protectedRoutes.map((r) => `${routeKey(r)} 401 challenge`));
  });

  it('accepts the same token shapes when they are genuine (the 401s above are about the token)', async () => {
    const genuine = await signed(claims('bureau'));

    const res = await fetch(`${base}/skills?q=Python`, { headers: { authorization: `Bearer ${genuine}` } });

    expect(res.status).toBe(200);
  });

  it('answers 401 to a token that expired while it was held', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 13 * 3600 * 1000);
    const old = await signDevToken(key, { role: 'employer', sub: 'emp-old' });
    vi.useRealTimers();

    const res = await fetch(`${base}/demands`, { headers: { authorization: `Bearer ${old}` } });

    expect(res.status).toBe(401);
  });
});
