import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runImport } from '../../cli/import-command.js';
import { getCampaignContainer } from '../../functions/campaign-container.js';
import { ROUTES, type RouteDef } from '../../functions/routes.js';
import type { Role } from '../../shared/domain/caller.js';
import { courseBody, demandBody, learnerBody, startApi, type Api } from './api-harness.js';
import { indexProblems, recordReliability, scanAll, type Item } from './reliability-kit.js';

/**
 * Property-based bad input (fast-check) on every write route of the route table and on
 * `skillbridge import`: random and adversarial bodies never cause a 5xx, a rejected request
 * stores nothing, and no existing record is ever left corrupt. FUZZ_RUNS scales the runs per
 * route (default 40, about 30 s for the file); the counts are printed and recorded.
 *
 * In `npm test` every property runs from a fixed, recorded seed ({@link RECORDED_SEED}), so a
 * run is reproducible and a red CI always means a change of behaviour, never a new random draw.
 * Open-ended random fuzzing is `npm run fuzz` (tests/fuzz/run.ts: FUZZ_RANDOM=1, thousands of
 * cases, a fresh seed each time, printed on failure); FUZZ_SEED replays any one seed.
 */

/** The seed `npm test` runs every property from; each property offsets it by its name. */
const RECORDED_SEED = 20_261_206;
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const IMPORT_RUNS = Number(process.env.FUZZ_IMPORT_RUNS ?? Math.max(5, Math.round(RUNS / 2)));
const RANDOM = process.env.FUZZ_RANDOM === '1';
/** Runs for the campaign routes (each accepted campaign runs, and the table grows with it); defaults to FUZZ_RUNS. */
const CAMPAIGN_RUNS = Number(process.env.FUZZ_CAMPAIGN_RUNS ?? RUNS);
const runsFor = (route: RouteDef): number => (route.path.startsWith('/campaigns') ? CAMPAIGN_RUNS : RUNS);
/** Time per case the test allows: generous in open-ended runs, where a shared machine may be slow. */
const MS_PER_CASE = RANDOM ? 4_000 : 1_000;
const FIXED_SEED = process.env.FUZZ_SEED === undefined ? RECORDED_SEED : Number(process.env.FUZZ_SEED);
/** fast-check's seed for a property: none (random) under `npm run fuzz`, else the fixed seed offset by the property's name. */
const seedOf = (name: string): { seed?: number } =>
  RANDOM && process.env.FUZZ_SEED === undefined ? {} : { seed: (FIXED_SEED + [...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 0)) | 0 };

let api: Api;
const tokens = {} as Record<Role, string>;
/** The records each kind's fuzzed `{id}` mostly points at, re-created when a fuzzed DELETE removes one. */
const fixtures: Record<string, { id: string; create: () => Promise<string> }> = {};
const counts: Record<string, { runs: number; statuses: Record<string, number> }> = {};

const routes = (ROUTES as readonly RouteDef[]).filter((r) => r.method !== 'GET');
const key = (r: RouteDef) => `${r.method} ${r.path}`;

const everything = () => scanAll(api.table.client, api.table.tableName);
/** The whole table as one hash: equal exactly when nothing was written. */
const fingerprint = (items: readonly Item[]) =>
  createHash('sha256')
    .update(JSON.stringify(items.map((i) => JSON.stringify(i, Object.keys(i).sort())).sort()))
    .digest('hex');

/** Waits until campaigns accepted earlier have finished running in the background (they write as they go). */
const settle = async () => {
  await getCampaignContainer().local?.idle();
};

beforeAll(async () => {
  api = await startApi();
  tokens.jobseeker = await api.token('jobseeker', 'js-fuzz');
  tokens.employer = await api.token('employer', 'emp-fuzz');
  tokens.bureau = await api.token('bureau', 'bur-fuzz', '110000');
  const make = (path: string, token: () => string, body: () => unknown) => async () => {
    const res = await api.call('POST', path, { token: token(), body: body() });
    if (res.status >= 300) throw new Error(`fixture ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const plan: Array<[string, () => Promise<string>]> = [
    ['demands', make('/demands', () => tokens.employer, () => demandBody({ ref: 'FIXTURE' }))],
    ['learners', make('/learners', () => tokens.jobseeker, () => learnerBody({ ref: 'FIXTURE' }))],
    ['courses', make('/courses', () => tokens.bureau, () => courseBody({ ref: 'FIXTURE' }))],
  ];
  for (const [segment, create] of plan) fixtures[segment] = { id: await create(), create };
});

afterAll(async () => {
  const total = Object.values(counts).reduce((n, c) => n + c.runs, 0);
  const lines = Object.entries(counts).map(([name, c]) => `  ${name}: ${c.runs} cases ${JSON.stringify(c.statuses)}`);
  process.stdout.write(`fuzz: ${total} cases in all\n${lines.join('\n')}\n`);
  recordReliability(RANDOM ? 'fuzz-random' : 'fuzz', { runsPerRoute: RUNS, importRuns: IMPORT_RUNS, total, byTarget: counts, seeds: RANDOM ? 'random' : FIXED_SEED });
  await settle();
  await api.close();
});

const tally = (name: string, status: number | string) => {
  const c = (counts[name] ??= { runs: 0, statuses: {} });
  c.runs++;
  c.statuses[String(status)] = (c.statuses[String(status)] ?? 0) + 1;
};

// ---------------------------------------------------------------------------------------------
// Inputs

/** Values that have broken JSON APIs before. */
const NASTY: readonly unknown[] = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\u202e反转',
  '😀'.repeat(50),
  '<script>alert(1)</script>',
  "'; DROP TABLE learners; --",
  '{"$ne":null}',
  '__proto__',
  'constructor',
  '火星市',
  '000000',
  'national',
  '9999-99-99T99:99:99Z',
  'x'.repeat(10_001),
  -1,
  0,
  -0,
  1.5,
  2 ** 53 + 1,
  1e308,
  -1e308,
  true,
  false,
  null,
  [],
  {},
  [null],
  { skill: null, level: 'guru' },
  Array.from({ length: 200 }, (_, i) => `技能${i}`),
  JSON.parse('{"a":'.repeat(30) + '1' + '}'.repeat(30)) as unknown,
];

const adversarial: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
);

/** A valid body for each write route: mutations of it reach validation's deepest branches. */
const TEMPLATES: Record<string, (ref: string) => unknown> = {
  'POST /demands': (ref) => demandBody({ ref }),
  'POST /demands/batch': (ref) => [demandBody({ ref }), demandBody({ ref: `${ref}-b`, region: '110108' })],
  'PATCH /demands/{id}': () => ({ headcount: 5, title: '无人机飞手' }),
  'DELETE /demands/{id}': () => undefined,
  'POST /learners': (ref) => learnerBody({ ref }),
  'POST /learners/batch': (ref) => [learnerBody({ ref }), learnerBody({ ref: `${ref}-b` })],
  'PATCH /learners/{id}': () => ({ prefersOnline: true, yearsExperience: 3 }),
  'DELETE /learners/{id}': () => undefined,
  'POST /learners/{id}/subsidies': (ref) => ({ ref, kind: 'training', occupation: '无人机驾驶员', level: 2, amountYuan: 1500, paidAt: '2026-03-01', payerRegion: '110119' }),
  'POST /courses': (ref) => courseBody({ ref }),
  'POST /courses/batch': (ref) => [courseBody({ ref }), courseBody({ ref: `${ref}-b` })],
  'POST /skills/extract': () => ({ text: '熟练操作多旋翼无人机，会Python' }),
  'POST /campaigns': (ref) => ({ name: ref, region: '110000' }),
  'POST /campaigns/{id}/cancel': () => undefined,
  // The action loop: the job seeker `js-fuzz` has a profile (the learners fixture).
  'PATCH /me/profile': () => ({ prefersOnline: true, summary: '会开无人机', contact: { phone: '13800138000' } }),
  'DELETE /me/profile': () => undefined,
  'POST /me/profile/claim': () => ({ code: 'ABCDEFGHJK' }),
  'POST /learners/{id}/claim-code': () => undefined,
  'POST /applications': () => ({ demandId: fixtures.demands?.id ?? '', note: '想应聘' }),
  'PATCH /applications/{id}': () => ({ status: 'withdrawn' }),
  'POST /invitations': () => ({ demandId: fixtures.demands?.id ?? '', learnerId: fixtures.learners?.id ?? '' }),
  'POST /invitations/{id}/accept': () => undefined,
  'POST /invitations/{id}/decline': () => undefined,
  'PATCH /invitations/{id}': () => ({ status: 'withdrawn' }),
  'POST /inbox/{id}/read': () => undefined,
};

/** Who calls each route: the owner of the fixtures it acts on. */
const callerFor = (route: RouteDef): Role => {
  const segment = route.path.split('/')[1];
  if (route.path.endsWith('/subsidies')) return 'bureau';
  return segment === 'demands' ? 'employer' : segment === 'courses' || segment === 'campaigns' ? 'bureau' : 'jobseeker';
};

type Mutation = { kind: 'set'; path: string[]; value: unknown } | { kind: 'drop'; path: string[] } | { kind: 'replace'; value: unknown } | { kind: 'wrap' } | { kind: 'none' };

/** An array index as JSON can hold it: a canonical non-negative integer, at most one past the end. */
const isArrayIndex = (key: string, array: readonly unknown[]): boolean => /^(0|[1-9]\d{0,5})$/.test(key) && Number(key) <= array.length;

/**
 * Applies a mutation to a copy of a JSON body; paths that do not exist are created. Never throws:
 * on an array, a step that is not an index (`length`, `-1`, `1e9`) leaves the body as it is —
 * setting an array's `length` to a fuzzed value threw RangeError here, failing CI on a harness
 * bug rather than a product defect.
 */
function mutate(body: unknown, m: Mutation): unknown {
  if (m.kind === 'none') return body;
  if (m.kind === 'replace') return m.value;
  if (m.kind === 'wrap') return { data: body };
  const copy = structuredClone(body) as Record<string, unknown>;
  if (copy === null || typeof copy !== 'object' || m.path.length === 0) return copy;
  let node: Record<string, unknown> = copy;
  for (const step of m.path.slice(0, -1)) {
    if (Array.isArray(node) && !isArrayIndex(step, node)) return copy;
    const next = Object.hasOwn(node, step) ? node[step] : undefined;
    if (next === null || typeof next !== 'object') return copy;
    node = next as Record<string, unknown>;
  }
  const last = m.path[m.path.length - 1]!;
  if (Array.isArray(node)) {
    if (!isArrayIndex(last, node)) return copy;
    if (m.kind === 'drop') node.splice(Number(last), 1);
    else node[Number(last)] = m.value;
    return copy;
  }
  // A plain property, `__proto__` included, as JSON.parse would make it (never the prototype).
  if (m.kind === 'drop') delete node[last];
  else Object.defineProperty(node, last, { value: m.value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Paths into a body (objects and the first array items), for mutations to aim at. */
function pathsOf(value: unknown, prefix: string[] = [], depth = 0): string[][] {
  if (value === null || typeof value !== 'object' || depth > 3) return [];
  const entries = Array.isArray(value) ? value.slice(0, 2).map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k], depth + 1)]);
}

const mutationFor = (template: unknown): fc.Arbitrary<Mutation> => {
  const paths = pathsOf(template);
  const path: fc.Arbitrary<string[]> = paths.length > 0 ? fc.oneof(fc.constantFrom(...paths), fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 2 })) : fc.constant(['x']);
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), path, value: adversarial }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), path }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('replace' as const), value: adversarial }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'wrap' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  );
};

/** Raw bodies that are not (quite) JSON, or JSON with keys JSON.stringify cannot produce. */
const rawBody = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom('{', '{"ref":', '[1,2', 'null', '"text"', '1e999999', '{"a":1}{"b":2}', '\uFEFF{}', '{"__proto__":{"admin":true},"ref":"P"}', '{"constructor":{"prototype":{"x":1}}}', '{"ref":"\\ud800"}'),
  fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)),
);

const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/json; charset=gbk', 'application/problem+json', 'multipart/form-data', '') },
);

interface Case {
  readonly idChoice: 'fixture' | 'random' | 'other kind';
  readonly randomId: string;
  readonly ref: string;
  readonly body: { json: Mutation } | { raw: string };
  readonly contentType: string;
  readonly ifMatch: string | undefined;
}

const caseFor = (template: unknown): fc.Arbitrary<Case> =>
  fc.record({
    idChoice: fc.constantFrom('fixture', 'fixture', 'random', 'other kind'),
    randomId: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('l_aaaaaaaaaaaaaaaaaaaa', '..', '%2e%2e', 'd_' + 'z'.repeat(200))),
    ref: fc.constantFrom('FZ-1', 'FZ-2', 'FZ-3'),
    body: fc.oneof({ weight: 5, arbitrary: mutationFor(template).map((json) => ({ json })) }, { weight: 1, arbitrary: rawBody.map((raw) => ({ raw })) }),
    contentType,
    ifMatch: fc.option(fc.constantFrom('*', '"v1"', '"v999"', 'garbage', 'W/"v1"'), { nil: undefined }),
  });

// ---------------------------------------------------------------------------------------------
// The write routes

describe('the fuzzer\'s own mutator', () => {
  it('never throws, whatever the path and value (seed 1488652295 set an array\'s length to a fuzzed value)', () => {
    const template = TEMPLATES['POST /courses/batch']!('FZ-1');

    expect(() => mutate(template, { kind: 'set', path: ['0', 'skillsTaught', 'length'], value: -1 })).not.toThrow();
    expect(() => mutate(template, { kind: 'drop', path: ['length'] })).not.toThrow();
    fc.assert(
      fc.property(mutationFor(template), (m) => {
        mutate(template, m);
      }),
      { numRuns: 2_000, seed: RECORDED_SEED },
    );
  });
});

describe('fuzzed write routes', () => {
  it('has a body template for every write route of the route table', () => {
    expect(routes.map(key).filter((k) => !(k in TEMPLATES))).toEqual([]);
  });

  it.each(routes.map((r) => [key(r), r] as const))('never answers 5xx, stores nothing when it rejects, and corrupts nothing: %s', async (name, route) => {
    const template = TEMPLATES[name]?.('FZ-1') ?? {};
    const segment = route.path.split('/')[1]!;
    const token = tokens[callerFor(route)];

    await fc.assert(
      fc.asyncProperty(caseFor(template), async (c) => {
        const fixture = fixtures[segment];
        const id = c.idChoice === 'fixture' && fixture ? fixture.id : c.idChoice === 'other kind' ? (fixtures[segment === 'demands' ? 'learners' : 'demands']?.id ?? '') : c.randomId;
        const path = route.path.replace('{id}', encodeURIComponent(id) || 'x');
        const json = 'json' in c.body ? mutate(TEMPLATES[name]?.(c.ref) ?? {}, c.body.json) : undefined;
        const raw = 'raw' in c.body ? c.body.raw : json === undefined ? undefined : JSON.stringify(json);
        await settle();
        const before = await everything();

        const res = await api.call(route.method, path, {
          token,
          ...(raw !== undefined ? { rawBody: raw } : {}),
          headers: { ...(c.contentType ? { 'content-type': c.contentType } : {}), ...(c.ifMatch ? { 'if-match': c.ifMatch } : {}) },
        });

        tally(name, res.status);
        await settle();
        const after = await everything();
        expect(res.status, `${route.method} ${path} ${String(raw).slice(0, 300)} → ${JSON.stringify(res.body).slice(0, 300)}`).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get('content-type')).toBe('application/problem+json');
          expect(fingerprint(after), `rejected with ${res.status} but the table changed`).toBe(fingerprint(before));
        }
        expect(indexProblems(after)).toEqual([]);
        if (fixture) {
          const main = after.find((i) => i.id === fixture.id);
          if (!main) fixture.id = await fixture.create();
          else expect(typeof main.region === 'string' && Number.isInteger(main.version) && typeof main.ref === 'string').toBe(true);
        }
      }),
      { numRuns: runsFor(route), ...seedOf(name) },
    );
  }, 30_000 + Math.max(RUNS, CAMPAIGN_RUNS) * MS_PER_CASE);

  it('answers 422, naming the field, to numbers DynamoDB cannot store (found by this fuzzer: 5e-324 was a 500)', async () => {
    const before = fingerprint(await everything());

    const tiny = await api.call('POST', '/courses/batch', { token: tokens.bureau, body: [courseBody({ ref: 'TINY', priceYuan: 5e-324 })] });
    const huge = await api.call('POST', '/learners', { token: tokens.jobseeker, rawBody: JSON.stringify(learnerBody({ ref: 'HUGE' })).replace('"consentToShare":true', '"consentToShare":true,"yearsExperience":1e999'), headers: { 'content-type': 'application/json' } });

    expect([tiny.status, huge.status]).toEqual([422, 422]);
    expect(tiny.body.errors.map((e: { path: string }) => e.path)).toEqual(['/0/priceYuan']);
    expect(huge.body.errors.map((e: { path: string }) => e.path)).toContain('/yearsExperience');
    expect(fingerprint(await everything())).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------------
// The import command

const LEARNER_FIELDS = ['ref', 'summary', 'skills', 'region', 'group', 'consentToShare', 'yearsExperience'] as const;
// Imported by bureau staff: without consent, which only the learner may give (a fuzzed `true` is rejected).
const validRow = (ref: string): Record<string, unknown> => ({ ref, summary: '求职', skills: ['数据标注', 'Python'], region: '110108', group: 'graduate', consentToShare: false, yearsExperience: 2 });

const csvCell = (v: unknown): string => {
  const text = Array.isArray(v) ? v.join(';') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v ?? '');
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

type Row = { kind: 'valid'; ref: string } | { kind: 'mutated'; ref: string; field: string; value: unknown } | { kind: 'junk'; text: string };

const rowArb: fc.Arbitrary<Row> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('valid' as const), ref: fc.constantFrom('R1', 'R2', 'R3', 'R4', 'R5', 'R6') }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('mutated' as const), ref: fc.constantFrom('R1', 'R2', 'R3', 'X1', 'X2'), field: fc.constantFrom(...LEARNER_FIELDS, 'extra', '__proto__'), value: adversarial }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('junk' as const), text: fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('"unterminated,quote', '\uFEFF', ',,,,,,,', '{"ref":', '"a""b",c')) }) },
);

function fileOf(format: 'csv' | 'jsonl', rows: readonly Row[]): string {
  const values = rows.map((r) => (r.kind === 'junk' ? r.text : r.kind === 'valid' ? validRow(r.ref) : { ...validRow(r.ref), [r.field]: r.value }));
  if (format === 'jsonl') return values.map((v) => (typeof v === 'string' ? v.replace(/[\r\n]/g, ' ') : JSON.stringify(v))).join('\n');
  const header = LEARNER_FIELDS.join(',');
  const lines = values.map((v) => (typeof v === 'string' ? v.replace(/[\r\n]/g, ' ') : LEARNER_FIELDS.map((f) => csvCell((v as Record<string, unknown>)[f])).join(',')));
  return [header, ...lines].join('\r\n');
}

interface ReportSummary {
  rows: number;
  written: number;
  unchanged: number;
  rejected: Array<{ line: number; ref?: string }>;
}

describe('fuzzed skillbridge import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sb-fuzz-'));
  let run = 0;

  /** Runs the command in this process, its output captured, and returns its exit code and JSON report. */
  async function importFile(owner: string, format: 'csv' | 'jsonl', text: string): Promise<{ code: number | string; report?: ReportSummary }> {
    const n = ++run;
    const file = join(dir, `learners-${n}.${format}`);
    const report = join(dir, `report-${n}.json`);
    writeFileSync(file, text);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const code = await runImport(['learners', file, '--endpoint', api.table.endpoint, '--table', api.table.tableName, '--owner', owner, '--report', report]);
      return { code, report: JSON.parse(readFileSync(report, 'utf8')) as ReportSummary };
    } catch (e) {
      return { code: `threw ${(e as Error).message}` };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  }

  it('never crashes, lands exactly the rows it accepts, and leaves records of rejected rows as they were', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('csv' as const, 'jsonl' as const), fc.array(rowArb, { minLength: 1, maxLength: 25 }), async (format, rows) => {
        const owner = `fuzz-import-${run + 1}`;
        // What is stored before: R1–R3, cleanly imported.
        await importFile(owner, 'jsonl', ['R1', 'R2', 'R3'].map((r) => JSON.stringify(validRow(r))).join('\n'));
        const mine = async () => new Map((await everything()).filter((i) => i.entity === 'LEARNER' && i.owner === owner).map((i) => [String(i.ref), i]));
        const baseline = await mine();
        // Index entries and the index's presence items (which provinces a skill has entries in) follow the import's own records.
        const notTheirs = (i: Item) => i.owner !== owner && i.entity !== 'INDEX' && i.entity !== 'INDEX_PRESENCE';
        const others = fingerprint((await everything()).filter(notTheirs));

        const { code, report } = await importFile(owner, format, fileOf(format, rows));

        tally(`import (${format})`, code);
        expect(code, `${format} import of ${JSON.stringify(rows).slice(0, 500)}`).toSatisfy((c: unknown) => c === 0 || c === 1);
        const after = await mine();
        const all = await everything();
        expect(indexProblems(all)).toEqual([]);
        expect(fingerprint(all.filter(notTheirs))).toBe(others);
        expect(report!.written + report!.unchanged + report!.rejected.length).toBe(report!.rows);
        expect(code).toBe(report!.rejected.length > 0 ? 1 : 0);
        if (format !== 'jsonl') return;
        // JSON Lines map rows to lines one to one (CSV quotes may join lines): check row by row.
        const rejectedLines = new Set(report!.rejected.map((r) => r.line));
        // The ref a row is stored under: its own, or the value a mutation put in its ref field
        // (trimmed, as the schema does; a row whose ref is not a string is rejected).
        const refOf = (r: Exclude<Row, { kind: 'junk' }>): string => (r.kind === 'mutated' && r.field === 'ref' ? String(r.value).trim() : r.ref);
        const landed = new Set(rows.flatMap((r, i) => (r.kind !== 'junk' && !rejectedLines.has(i + 1) ? [refOf(r)] : [])));
        for (const [i, row] of rows.entries()) {
          if (row.kind === 'junk' || landed.has(refOf(row))) continue;
          expect(rejectedLines.has(i + 1)).toBe(true);
          // Only ever on rejected rows: not stored if it was new, exactly as it was otherwise.
          expect(after.get(refOf(row)), `rejected row ${i + 1} (${refOf(row)}) changed what is stored`).toEqual(baseline.get(refOf(row)));
        }
        for (const ref of landed) expect(after.has(ref), `accepted ${ref} is not stored`).toBe(true);
      }),
      { numRuns: IMPORT_RUNS, ...seedOf('import') },
    );
  }, 30_000 + IMPORT_RUNS * 3 * MS_PER_CASE);
});
