import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../../functions/http/openapi.js';
import { ROUTES } from '../../../functions/routes.js';
import type { RouteDef } from '../../../functions/http/route-def.js';
import { API_DOCS, apiDocs } from '../../../scripts/gen-api-docs.js';
import { schemaType } from '../../../scripts/openapi-to-ts.js';

const ROOT = join(import.meta.dirname, '../../..');

describe('the OpenAPI document', () => {
  it('passes redocly lint (recommended rules) without errors', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(buildOpenApiDocument(), null, 2));

    // Act: the CLI exits non-zero when there are errors; its JSON report says which.
    const run = await promisify(execFile)(join(ROOT, 'node_modules/.bin/redocly'), ['lint', file, '--extends', 'recommended', '--format', 'json'], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((err: { stdout: string; code: number }) => ({ stdout: err.stdout, code: err.code }));
    rmSync(dir, { recursive: true, force: true });

    // Assess
    const report = JSON.parse(run.stdout) as { totals: { errors: number }; problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[] };
    const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
  }, 60_000);

  it('declares the success answers of every route: a body schema unless 204, and the ETag of single records', () => {
    for (const route of ROUTES as readonly RouteDef[]) {
      const answers = Object.entries(route.responses ?? {});
      expect(answers.length, `${route.method} ${route.path} declares no responses`).toBeGreaterThan(0);
      for (const [status, answer] of answers) {
        expect(Number(status) >= 200 && Number(status) < 300, `${route.handler} ${status}`).toBe(true);
        expect(answer.schema !== undefined, `${route.handler} ${status}: a body schema exactly when not 204`).toBe(status !== '204');
      }
      const singleRecord = /^\/(demands|learners|courses)(\/\{id\})?$/.test(route.path) && route.method !== 'DELETE' && !(route.method === 'GET' && !route.path.endsWith('}'));
      if (singleRecord) for (const [, answer] of answers) expect(answer.headers, route.handler).toContain('ETag');
    }
  });

  it('answers 201 for a new record and 200 for an existing ref on the upsert routes, 204 on DELETE', () => {
    const statuses = (handler: string) => Object.keys((ROUTES as readonly RouteDef[]).find((r) => r.handler === handler)?.responses ?? {}).sort();
    for (const handler of ['create-demand', 'create-learner', 'create-course']) expect(statuses(handler)).toEqual(['200', '201']);
    for (const handler of ['delete-demand', 'delete-learner']) expect(statuses(handler)).toEqual(['204']);
    expect(statuses('create-campaign')).toEqual(['202']);
  });

  it('declares If-Match on PATCH and DELETE and Retry-After on 503', () => {
    const document = JSON.parse(JSON.stringify(buildOpenApiDocument()));
    for (const [path, item] of Object.entries<Record<string, { parameters?: { name: string; in: string }[]; responses: Record<string, { headers?: object }> }>>(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const ifMatch = (op.parameters ?? []).some((p) => p.in === 'header' && p.name === 'If-Match');
        expect(ifMatch, `${method} ${path}`).toBe(method === 'patch' || method === 'delete');
        expect(Object.keys(op.responses['503']?.headers ?? {}), `${method} ${path}`).toEqual(['Retry-After']);
      }
    }
  });

  it('cites no file outside the repository', () => {
    expect(JSON.stringify(buildOpenApiDocument())).not.toMatch(/CONTRACT\.md/);
  });
});

describe('generated API documentation', () => {
  it('docs/api.md and the openapi-fetch paths type match the document (run npm run gen:api-docs)', () => {
    // Prepare / Act
    const fresh = apiDocs();

    // Assess
    expect(readFileSync(join(ROOT, API_DOCS.markdown), 'utf8')).toBe(fresh.markdown);
    expect(readFileSync(join(ROOT, API_DOCS.paths), 'utf8')).toBe(fresh.paths);
  });

  it('documents every operation and every schema component', () => {
    const markdown = apiDocs().markdown;
    for (const route of ROUTES) expect(markdown).toContain(`### \`${route.method} ${route.path}\``);
    const document = JSON.parse(JSON.stringify(buildOpenApiDocument()));
    for (const name of Object.keys(document.components.schemas)) expect(markdown).toContain(`### ${name}\n`);
  });
});

describe('openapi-to-ts', () => {
  it('types the JSON Schema forms the document uses', () => {
    expect(schemaType({ type: 'object', properties: { a: { type: 'integer' }, b: { type: ['string', 'null'] } }, required: ['a'], additionalProperties: false })).toBe('{\n  a: number;\n  b?: string | null;\n}');
    expect(schemaType({ type: 'array', prefixItems: [{ type: 'integer' }, { type: 'integer' }] })).toBe('[number, number]');
    expect(schemaType({ anyOf: [{ $ref: '#/components/schemas/Demand' }, { const: 'x' }] })).toBe('(components["schemas"]["Demand"]) | ("x")');
    expect(schemaType({ type: 'string', enum: ['open', 'closed'] })).toBe('"open" | "closed"');
    expect(() => schemaType({ $ref: 'other.json#/x' })).toThrow(/Unsupported \$ref/);
  });
});
