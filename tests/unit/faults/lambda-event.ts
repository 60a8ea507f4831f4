import type { Context } from 'aws-lambda';
import type { HttpEvent } from '../../../functions/http/http-handler.js';
import { lambdaContext } from '../../../local/apigw.js';

/** An HTTP API (payload 2.0) event as the JWT authorizer forwards it, for calling a handler directly. */
export function httpEvent(options: { claims: Record<string, unknown>; body?: unknown; pathParameters?: Record<string, string>; headers?: Record<string, string> }): HttpEvent {
  return {
    version: '2.0',
    rawPath: '/',
    headers: { 'content-type': 'application/json', ...options.headers },
    isBase64Encoded: false,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    requestContext: { authorizer: { jwt: { claims: options.claims, scopes: [] } } },
  } as unknown as HttpEvent;
}

export const context = lambdaContext('unit') as Context;

/** The handlers read TABLE_NAME (and, locally, an endpoint) once; these never reach a network with the mocks on. */
export function unitEnvironment(): void {
  Object.assign(process.env, { TABLE_NAME: 'unit-table', DYNAMODB_ENDPOINT: 'http://127.0.0.1:9', AWS_REGION: 'cn-north-1' });
}

/** An AWS SDK service error as the client throws it. */
export const sdkError = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(name), { name, $fault: 'client', $metadata: { httpStatusCode: 400 }, ...extra });
