import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Context } from 'aws-lambda';
import { httpHandler, type HttpEvent } from '../../../functions/http/http-handler.js';
import { route as createDemand } from '../../../functions/routes/create-demand.js';
import { route as deleteDemand } from '../../../functions/routes/delete-demand.js';
import { route as searchSkills } from '../../../functions/routes/search-skills.js';
import { lambdaContext } from '../../../local/apigw.js';
import type { DemandView } from '../../../shared/schemas/views/records.js';

/**
 * A handler's request and answer are typed by its route: `tsc --noEmit -p .` checks the lines
 * marked @ts-expect-error (an answer the route does not declare), and fails should one compile.
 */

declare const demand: DemandView;
const context = lambdaContext('test') as Context;

describe('handler answers typed by the route', () => {
  it('types the query from the route schema and accepts the declared answer', async () => {
    // Prepare
    const handler = httpHandler({ ...searchSkills, public: true }, async ({ query }) => {
      expectTypeOf(query).toEqualTypeOf<{ q: string; limit: number }>();
      return { body: { items: [], taxonomyVersion: `${query.q}:${query.limit}` } };
    });

    // Act
    const res = await handler({ version: '2.0', rawPath: '/skills', headers: {}, queryStringParameters: { q: 'x' }, isBase64Encoded: false } as unknown as HttpEvent, context);

    // Assess
    expect(res).toMatchObject({ statusCode: 200, body: JSON.stringify({ items: [], taxonomyVersion: 'x:10' }) });
  });

  it('rejects at compile time a status or a body the route does not declare', async () => {
    httpHandler(createDemand, async () => ({ status: 201, body: demand }));
    // @ts-expect-error 202 is not an answer of POST /demands
    httpHandler(createDemand, async () => ({ status: 202, body: demand }));
    // @ts-expect-error the body lacks the demand's fields
    httpHandler(createDemand, async () => ({ status: 200, body: { id: 'd_1' } }));
    const deleted = httpHandler(deleteDemand, async () => ({ status: 204 }));
    // @ts-expect-error DELETE answers 204 without a body, never 200
    httpHandler(deleteDemand, async () => ({ body: demand }));
    // @ts-expect-error no body with a 204
    httpHandler(deleteDemand, async () => ({ status: 204, body: demand }));

    const claims = { sub: 'u1', 'cognito:groups': '[employer]' };
    const res = await deleted({ version: '2.0', rawPath: '/demands/x', headers: {}, isBase64Encoded: false, requestContext: { authorizer: { jwt: { claims, scopes: [] } } } } as unknown as HttpEvent, context);
    expect(res).toEqual({ statusCode: 204, headers: { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } });
  });
});
