import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { preferredLang, httpHandler, type HttpEvent } from '../../../functions/http/http-handler.js';
import { callerFromEvent } from '../../../functions/http/caller.js';
import { ConflictError, ServiceBusyError } from '../../../shared/domain/errors.js';
import { lambdaContext } from '../../../local/apigw.js';

const event = (over: Partial<HttpEvent> & { claims?: Record<string, unknown> } = {}): HttpEvent =>
  ({
    version: '2.0',
    rawPath: '/x',
    headers: { 'content-type': 'application/json' },
    isBase64Encoded: false,
    requestContext: { authorizer: { jwt: { claims: over.claims ?? { sub: 'u1', 'cognito:groups': '[employer]' }, scopes: [] } } },
    ...over,
  }) as unknown as HttpEvent;

const context = lambdaContext('test') as Context;
const echo = httpHandler({ body: z.strictObject({ n: z.int() }) }, async ({ body, caller }) => ({ status: 201, body: { n: body.n, sub: caller.sub } }));

describe('httpHandler', () => {
  it('validates the body and passes the caller from the JWT claims', async () => {
    const res = await echo(event({ body: '{"n":3}' }), context);

    expect(res).toMatchObject({ statusCode: 201, body: JSON.stringify({ n: 3, sub: 'u1' }) });
  });

  it('answers problem JSON for bad bodies', async () => {
    const bad = await echo(event({ body: '{"n":"x","m":1}' }), context);
    const malformed = await echo(event({ body: '{' }), context);
    const base64 = await echo(event({ body: Buffer.from('{"n":1}').toString('base64'), isBase64Encoded: true }), context);

    expect(bad.statusCode).toBe(422);
    expect(JSON.parse(bad.body!).errors.map((e: { path: string }) => e.path)).toEqual(['/n', '/m']);
    expect(malformed.statusCode).toBe(400);
    expect(base64.statusCode).toBe(201);
  });

  it('answers 401 when the claims name no role', async () => {
    const res = await echo(event({ body: '{"n":1}', claims: { sub: 'u1' } }), context);

    expect(res.statusCode).toBe(401);
  });

  it('maps conflicts to 409 and exhausted throttling to 503 with Retry-After', async () => {
    const conflict = httpHandler({}, async () => {
      throw new ConflictError('lost');
    });
    const busy = httpHandler({}, async () => {
      throw new ServiceBusyError('busy', 2);
    });

    expect((await conflict(event(), context)).statusCode).toBe(409);
    const res = await busy(event(), context);
    expect(res.statusCode).toBe(503);
    expect(res.headers).toMatchObject({ 'retry-after': '2', 'content-type': 'application/problem+json' });
  });

  it('never leaks internals of an unexpected error', async () => {
    const broken = httpHandler({}, async () => {
      throw new Error('connect ECONNREFUSED 10.0.0.1:8000 secret-table');
    });

    const res = await broken(event(), context);

    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('ECONNREFUSED');
    expect(res.body).not.toContain('secret-table');
  });
});

describe('httpHandler with a lazy request schema', () => {
  it('builds its own route’s schema at init, and validates with it like a plain one', async () => {
    // Prepare
    let built = 0;
    const body = z.lazy(() => {
      built += 1;
      return z.strictObject({ n: z.int() });
    });

    // Act
    const handler = httpHandler({ body }, async ({ body: input }) => ({ status: 201, body: { n: input.n } }));
    const builtAtInit = built;
    const good = await handler(event({ body: '{"n":3}' }), context);
    const bad = await handler(event({ body: '{"n":"x"}' }), context);

    // Assess
    expect(builtAtInit).toBe(1);
    expect(built).toBe(1);
    expect(good).toMatchObject({ statusCode: 201, body: JSON.stringify({ n: 3 }) });
    expect(JSON.parse(bad.body!).errors.map((e: { path: string }) => e.path)).toEqual(['/n']);
  });
});

describe('preferredLang', () => {
  it('reads Accept-Language with q-values, Chinese by default', () => {
    expect(preferredLang(undefined)).toBe('zh');
    expect(preferredLang('en-US,en;q=0.9')).toBe('en');
    expect(preferredLang('en;q=0.5, zh-CN;q=0.9')).toBe('zh');
    expect(preferredLang('fr')).toBe('zh');
  });
});

describe('callerFromEvent', () => {
  it('reads API Gateway’s stringified group arrays and real arrays', () => {
    expect(callerFromEvent(event({ claims: { sub: 'b', 'cognito:groups': '[bureau]', 'custom:region': '110119' } }))).toEqual({ sub: 'b', role: 'bureau', region: '110119' });
    expect(callerFromEvent(event({ claims: { sub: 'j', 'cognito:groups': ['jobseeker'] } }))).toEqual({ sub: 'j', role: 'jobseeker' });
  });
});
