import type { Role } from '../../shared/domain/caller.js';
import { courseBody, demandBody, learnerBody } from './api-harness.js';

/**
 * The access-control matrix: for every route of functions/routes.ts, the status each role gets
 * for each ownership relation. access-matrix.test.ts runs every cell against the local server on
 * DynamoDB Local, and fails while a route of the route table has no row here.
 *
 * Relations, for a caller of each role (a job seeker `js-self`, an employer `emp-self`, bureau
 * staff `bur-self` serving 北京市延庆区 110119):
 *
 * - `own`: a record the caller submitted, in 110119; for collection routes, the caller's own
 *   scope (a body in 110119, a list without `?region=`);
 * - `other's`: a record someone else submitted, in 110119 (inside the bureau's region); for
 *   create routes, a body reusing the `ref` of someone else's existing record; for lists, `?region=110119`;
 * - `other region`: someone else's record in 上海市浦东新区 310115, or a body or `?region=` there.
 *
 * `NA` marks a relation that cannot exist (an employer owns no learner profile).
 */

export const RELATIONS = ['own', "other's", 'other region'] as const;
export type Relation = (typeof RELATIONS)[number];

export const NA = 'n/a';
/**
 * `ALLOWED`: any answer but 401, 403, 404 or a 5xx, for the pending campaign rows whose success
 * status (200, 202, or 409 for a finished campaign's cancel) is not settled yet.
 */
export const ALLOWED = 'allowed';
export type Expected = number | typeof NA | typeof ALLOWED;

/** The caller's region (a bureau's) and the region of "other region" records. */
export const HOME = '110119';
export const FAR = '310115';

/**
 * What a route's `{id}` names, from its first path segment. `absent`: an id of the right shape that
 * names nothing (applications, invitations, inbox events), so the cell checks who is turned away
 * before the lookup; tests/integration/action-loop.test.ts drives those routes on real records.
 */
export type TargetKind = 'demand' | 'learner' | 'campaign' | 'absent';

/** The `{id}` of an `absent` target. */
export const ABSENT_ID = 'a_000000000000000000000000';

/** What the runner worked out for one cell: the region and ref the request should use. */
export interface CellContext {
  readonly role: Role;
  readonly relation: Relation;
  /** HOME for `own` and `other's`, FAR for `other region`. */
  readonly region: string;
  /** Fresh for `own` and `other region`; for `other's` on a create route, the ref of someone else's record. */
  readonly ref: string;
}

export interface RequestSpec {
  readonly query?: Record<string, string>;
  readonly body?: unknown;
}

export interface MatrixRow {
  /** Status by role, for [own, other's, other region]. */
  readonly expect: Readonly<Record<Role, readonly [Expected, Expected, Expected]>>;
  readonly request?: (cell: CellContext) => RequestSpec;
  /** The kind of record the body submits: `other's` reuses the ref of another owner's record of it. */
  readonly submits?: 'demand' | 'learner' | 'course';
  /** Without a token. @default 401 (200 for public routes) */
  readonly anonymous?: number;
}

const all = (status: Expected): readonly [Expected, Expected, Expected] => [status, status, status];
const FORBIDDEN = all(403);
const PUBLIC: MatrixRow = { expect: { jobseeker: all(200), employer: all(200), bureau: all(200) }, anonymous: 200 };

/** A list's `?region=`: none for the caller's own scope, else the cell's region. */
const listQuery = (c: CellContext): Record<string, string> => (c.relation === 'own' ? {} : { region: c.region });

const demand = (c: CellContext) => ({ body: demandBody({ ref: c.ref, region: c.region }) });
// Bureau staff create profiles without consent: only the learner may give it (access-matrix-consent.test.ts).
const learner = (c: CellContext) => ({ body: learnerBody({ ref: c.ref, region: c.region, consentToShare: c.role !== 'bureau' }) });
const course = (c: CellContext) => ({ body: courseBody({ ref: c.ref, region: c.region }) });
const batchOf = (one: (c: CellContext) => RequestSpec) => (c: CellContext) => ({ body: [one(c).body] });

/** Reading or changing one record: its owner, and bureau staff of its region; everyone else 404 (403 without the scope). */
const ONE_DEMAND = { jobseeker: [NA, 403, 403], employer: [200, 404, 404], bureau: [200, 200, 404] } as const;
const ONE_LEARNER = { jobseeker: [200, 404, 404], employer: [NA, 403, 403], bureau: [200, 200, 404] } as const;
const DELETE_ONE = (s: typeof ONE_DEMAND | typeof ONE_LEARNER) =>
  Object.fromEntries(Object.entries(s).map(([role, row]) => [role, row.map((x) => (x === 200 ? 204 : x))])) as unknown as MatrixRow['expect'];

export const ACCESS_MATRIX: Readonly<Record<string, MatrixRow>> = {
  'GET /health': PUBLIC,
  'GET /openapi.json': PUBLIC,

  'POST /demands': { submits: 'demand', request: demand, expect: { jobseeker: FORBIDDEN, employer: all(201), bureau: [201, 201, 403] } },
  'POST /demands/batch': { submits: 'demand', request: batchOf(demand), expect: { jobseeker: FORBIDDEN, employer: all(200), bureau: [200, 200, 403] } },
  'GET /demands': { request: (c) => ({ query: listQuery(c) }), expect: { jobseeker: FORBIDDEN, employer: all(200), bureau: [200, 200, 403] } },
  'GET /demands/{id}': { expect: ONE_DEMAND },
  'PATCH /demands/{id}': { request: () => ({ body: { headcount: 4 } }), expect: ONE_DEMAND },
  'DELETE /demands/{id}': { expect: DELETE_ONE(ONE_DEMAND) },

  'POST /learners': { submits: 'learner', request: learner, expect: { jobseeker: all(201), employer: FORBIDDEN, bureau: [201, 201, 403] } },
  'POST /learners/batch': { submits: 'learner', request: batchOf(learner), expect: { jobseeker: all(200), employer: FORBIDDEN, bureau: [200, 200, 403] } },
  'GET /learners': { request: (c) => ({ query: listQuery(c) }), expect: { jobseeker: FORBIDDEN, employer: FORBIDDEN, bureau: [200, 200, 403] } },
  'GET /learners/{id}': { expect: ONE_LEARNER },
  'PATCH /learners/{id}': { request: () => ({ body: { prefersOnline: true } }), expect: ONE_LEARNER },
  'DELETE /learners/{id}': { expect: DELETE_ONE(ONE_LEARNER) },
  // Subsidy history: bureau staff of the learner's region only (the learner reads it on the record).
  'POST /learners/{id}/subsidies': {
    request: (c) => ({ body: { ref: c.ref, kind: 'training', amountYuan: 1500, paidAt: '2026-03-01', payerRegion: '110119' } }),
    expect: { jobseeker: [403, 403, 403], employer: [NA, 403, 403], bureau: [201, 201, 404] },
  },

  'POST /courses': { submits: 'course', request: course, expect: { jobseeker: FORBIDDEN, employer: FORBIDDEN, bureau: [201, 201, 403] } },
  'POST /courses/batch': { submits: 'course', request: batchOf(course), expect: { jobseeker: FORBIDDEN, employer: FORBIDDEN, bureau: [200, 200, 403] } },
  'GET /courses': {
    request: (c): RequestSpec => ({ query: c.relation === "other's" ? { skill: '多旋翼无人机驾驶', region: c.region } : { region: c.region } }),
    expect: { jobseeker: all(200), employer: all(200), bureau: all(200) },
  },

  'GET /skills': { request: () => ({ query: { q: '无人机' } }), expect: { jobseeker: all(200), employer: all(200), bureau: all(200) } },
  'POST /skills/extract': { request: () => ({ body: { text: '熟练操作多旋翼无人机，会Python数据分析' } }), expect: { jobseeker: all(200), employer: all(200), bureau: all(200) } },

  'GET /insights/shortage': { request: (c) => ({ query: listQuery(c) }), expect: { jobseeker: FORBIDDEN, employer: all(200), bureau: [200, 200, 403] } },
  // The placements funnel: bureau staff of the region only (docs/placements.md).
  'GET /insights/placements': { request: (c) => ({ query: listQuery(c) }), expect: { jobseeker: FORBIDDEN, employer: FORBIDDEN, bureau: [200, 200, 403] } },

  'GET /demands/{id}/matches': { expect: ONE_DEMAND },
  'GET /learners/{id}/matches': { expect: ONE_LEARNER },
  'GET /learners/{id}/recommendations': { expect: ONE_LEARNER },

  // Bureau campaigns (docs/api.md), written ahead of their routes: the test lists these as
  // pending until the routes are in functions/routes.ts, then runs them. A campaign is seen by
  // the bureau staff serving its region, like records; other roles lack the bureau scope.
  'POST /campaigns': {
    request: (c) => ({ body: { name: c.ref, region: c.region } }),
    expect: { jobseeker: FORBIDDEN, employer: FORBIDDEN, bureau: [ALLOWED, NA, 403] },
  },
  // The campaigns of the bureau's region (and inside it); `?region=` narrows, and only inside it.
  'GET /campaigns': { request: (c) => ({ query: listQuery(c) }), expect: { jobseeker: FORBIDDEN, employer: FORBIDDEN, bureau: [200, 200, 403] } },
  'GET /campaigns/{id}': { expect: { jobseeker: [NA, 403, 403], employer: [NA, 403, 403], bureau: [200, 200, 404] } },
  'GET /campaigns/{id}/results': { expect: { jobseeker: [NA, 403, 403], employer: [NA, 403, 403], bureau: [ALLOWED, ALLOWED, 404] } },
  'POST /campaigns/{id}/cancel': { expect: { jobseeker: [NA, 403, 403], employer: [NA, 403, 403], bureau: [ALLOWED, ALLOWED, 404] } },

  // The action loop (contract v2). `/me/profile` is the caller's own whatever the relation: the
  // job seeker `js-self` has profiles from the cells above (POST /learners).
  'GET /me/profile': { expect: { jobseeker: all(200), employer: FORBIDDEN, bureau: FORBIDDEN } },
  'PATCH /me/profile': { request: () => ({ body: { prefersOnline: true } }), expect: { jobseeker: all(200), employer: FORBIDDEN, bureau: FORBIDDEN } },
  'DELETE /me/profile': { expect: { jobseeker: all(204), employer: FORBIDDEN, bureau: FORBIDDEN } },
  // A seeker who has a profile cannot claim another (409); an unknown code is 422 (action-loop.test.ts).
  'POST /me/profile/claim': { request: () => ({ body: { code: 'ABCDEFGHJK' } }), expect: { jobseeker: all(409), employer: FORBIDDEN, bureau: FORBIDDEN } },
  'POST /learners/{id}/claim-code': { expect: { jobseeker: FORBIDDEN, employer: [NA, 403, 403], bureau: [201, 201, 404] } },
  'GET /jobs': { request: (c) => ({ query: { region: c.region } }), expect: { jobseeker: all(200), employer: all(200), bureau: all(200) } },
  // No such demand: the job seeker gets as far as the lookup (404); other roles lack the scope.
  'POST /applications': { request: () => ({ body: { demandId: 'd_aaaaaaaaaaaaaaaaaaaa' } }), expect: { jobseeker: all(404), employer: FORBIDDEN, bureau: FORBIDDEN } },
  'GET /applications': { request: (c) => ({ query: listQuery(c) }), expect: { jobseeker: all(200), employer: all(200), bureau: [200, 200, 403] } },
  'PATCH /applications/{id}': { request: () => ({ body: { status: 'accepted' } }), expect: { jobseeker: all(404), employer: all(404), bureau: all(404) } },
  'POST /invitations': {
    request: () => ({ body: { demandId: 'd_aaaaaaaaaaaaaaaaaaaa', learnerId: 'l_aaaaaaaaaaaaaaaaaaaa' } }),
    expect: { jobseeker: FORBIDDEN, employer: all(404), bureau: all(404) },
  },
  'GET /invitations': { request: (c) => ({ query: listQuery(c) }), expect: { jobseeker: all(200), employer: all(200), bureau: [200, 200, 403] } },
  'POST /invitations/{id}/accept': { expect: { jobseeker: all(404), employer: FORBIDDEN, bureau: FORBIDDEN } },
  'POST /invitations/{id}/decline': { expect: { jobseeker: all(404), employer: FORBIDDEN, bureau: FORBIDDEN } },
  'PATCH /invitations/{id}': { request: () => ({ body: { status: 'withdrawn' } }), expect: { jobseeker: FORBIDDEN, employer: all(404), bureau: all(404) } },
  'GET /inbox': { expect: { jobseeker: all(200), employer: all(200), bureau: all(200) } },
  'POST /inbox/{id}/read': { expect: { jobseeker: all(404), employer: all(404), bureau: all(404) } },
};

/** The key of a route in the matrix. */
export const routeKey = (route: { readonly method: string; readonly path: string }): string => `${route.method} ${route.path}`;

/** What `{id}` names on a path, or undefined for collection routes. */
export function targetKindOf(path: string): TargetKind | undefined {
  if (!path.includes('{id}')) return undefined;
  const segment = path.split('/')[1];
  if (segment === 'demands') return 'demand';
  if (segment === 'learners') return 'learner';
  if (segment === 'campaigns') return 'campaign';
  if (segment === 'applications' || segment === 'invitations' || segment === 'inbox') return 'absent';
  throw new Error(`The access matrix does not know what {id} names on ${path}; teach targetKindOf.`);
}
