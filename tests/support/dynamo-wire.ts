import { Readable } from 'node:stream';

/**
 * DynamoDB on the wire, for fault injection: intercept a client's requests below the SDK's retry
 * middleware and answer them with real-looking errors or bodies. Shared by unit tests (no network:
 * every call is answered here) and integration tests (calls forwarded to DynamoDB Local).
 */

/** The HTTP request the SDK is about to send, as its request handler sees it. */
export interface WireRequest {
  readonly headers: Record<string, string>;
  readonly body?: unknown;
  readonly [key: string]: unknown;
}

/** What a request handler answers. */
export interface WireResponse {
  readonly response: { statusCode: number; headers: Record<string, string>; body: unknown };
}

/** Decides the fate of one DynamoDB call: `forward` sends it (or a changed copy) to DynamoDB. */
export type Interceptor = (operation: string, request: WireRequest, forward: (changed?: WireRequest) => Promise<WireResponse>) => Promise<WireResponse>;

/**
 * Puts `intercept` between a client and DynamoDB, below the SDK's retry and marshalling
 * middleware: the SDK retries what the interceptor fails exactly as it would a real failure.
 * The document client shares its config with the client it wraps. Returns the undo.
 */
export function interceptDynamo(client: { config: { requestHandler: unknown } }, intercept: Interceptor): () => void {
  const real = client.config.requestHandler as { handle: (request: WireRequest, options?: unknown) => Promise<WireResponse> };
  const handle = (request: WireRequest, options?: unknown) => {
    const operation = String(request.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
    return intercept(operation, request, (changed) => real.handle(changed ?? request, options));
  };
  // Everything but `handle` is the real handler's, bound to it (it keeps private state).
  const wrapper = new Proxy(real, {
    get(target, property) {
      if (property === 'handle') return handle;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  client.config.requestHandler = wrapper;
  return () => {
    client.config.requestHandler = real;
  };
}

/** A DynamoDB error answer (JSON 1.0 protocol), as the service sends it. */
export function dynamoError(name: string, message: string, statusCode = 400): WireResponse {
  const body = JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${name}`, message });
  return { response: { statusCode, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': name }, body: Readable.from([Buffer.from(body)]) } };
}

/** A successful DynamoDB answer with this JSON body. */
export function dynamoOk(json: unknown): WireResponse {
  return { response: { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: Readable.from([Buffer.from(JSON.stringify(json))]) } };
}

/** The JSON body of a request the SDK serialised. */
export const bodyOf = (request: WireRequest): Record<string, unknown> => JSON.parse(String(request.body ?? '{}')) as Record<string, unknown>;

/** A copy of a request with another JSON body (DynamoDB Local does not check signatures). */
export function withBody(request: WireRequest, json: unknown): WireRequest {
  const body = JSON.stringify(json);
  const copy = Object.assign(Object.create(Object.getPrototypeOf(request) as object) as WireRequest, request);
  return Object.assign(copy, { body, headers: { ...request.headers, 'content-length': String(Buffer.byteLength(body)) } });
}
