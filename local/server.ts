import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { JWTPayload } from 'jose';
import { INVALID_TOKEN } from '#functions/http/caller.js';
import { redactUrl } from '#functions/http/redact.js';
import { ROUTES, type RouteDef } from '#functions/routes.js';
import { lambdaContext, toApiGatewayEvent } from './apigw.js';
import { verifyDevToken } from './dev-token.js';

type Handler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** API Gateway's own limit on a request body. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

interface CompiledRoute {
  readonly def: RouteDef;
  readonly pattern: RegExp;
  readonly params: string[];
}

const compiled: CompiledRoute[] = (ROUTES as readonly RouteDef[]).map((def) => {
  const params: string[] = [];
  const source = def.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    params.push(name);
    return '([^/]+)';
  });
  return { def, params, pattern: new RegExp(`^${source}$`) };
});

const handlers = new Map<string, Promise<Handler>>();
/** Imports a Lambda file once, as a cold start would. */
const loadHandler = (name: string): Promise<Handler> => {
  let h = handlers.get(name);
  if (!h) {
    h = import(`../functions/${name}.ts`).then((m: { handler: Handler }) => m.handler);
    handlers.set(name, h);
  }
  return h;
};

/** Headers on every API answer: nothing in it may be cached or sniffed into another type. */
export const API_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const;


function sendProblem(res: ServerResponse, status: number, title: string, detail: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/problem+json', ...API_HEADERS, ...headers });
  res.end(JSON.stringify({ type: `/problems/${title.toLowerCase().replaceAll(' ', '-')}`, title, status, detail }));
}

/** Decodes path parameters; undefined when one is not valid percent-encoding (`%E0%A4%A`). */
function decodeParams(names: readonly string[], match: RegExpExecArray): Record<string, string> | undefined {
  try {
    return Object.fromEntries(names.map((p, i) => [p, decodeURIComponent(match[i + 1]!)]));
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export interface LocalServerOptions {
  readonly tokenKey: Uint8Array;
  /** Extra routes served before the API (the web pages, the dev sign-in). */
  readonly extra?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
  readonly log?: (line: string) => void;
}

/**
 * The local stand-in for API Gateway: matches the route table, checks the bearer token and its
 * scopes as the JWT authorizer would, and invokes the route's Lambda handler with a v2 event.
 */
export function createLocalServer(options: LocalServerOptions): Server {
  return createServer((req, res) => {
    const started = performance.now();
    handle(req, res, options)
      .catch((err: unknown) => {
        options.log?.(`local server error: ${(err as Error).stack ?? String(err)}`);
        if (!res.headersSent) sendProblem(res, 500, 'Internal', 'The local server failed; see its console.');
        else res.end();
      })
      .finally(() => options.log?.(`${req.method} ${redactUrl(req.url ?? '/')} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`));
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, options: LocalServerOptions): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  if (options.extra && (await options.extra(req, res, url))) return;

  const candidates = compiled.map((r) => ({ r, m: r.pattern.exec(url.pathname) })).filter((c) => c.m);
  // HEAD is a GET without the body (RFC 9110): same handler, same headers.
  const head = req.method === 'HEAD';
  const found = candidates.find((c) => c.r.def.method === (head ? 'GET' : req.method));
  if (!found) {
    if (candidates.length > 0) return sendProblem(res, 405, 'Method Not Allowed', `${req.method} is not served on ${url.pathname}.`, { allow: candidates.map((c) => c.r.def.method).join(', ') });
    return sendProblem(res, 404, 'Not Found', `No route ${req.method} ${url.pathname}; see /openapi.json.`);
  }
  const { def } = found.r;
  const params = decodeParams(found.r.params, found.m!);
  if (!params) return sendProblem(res, 400, 'Bad Request', 'The path is not valid percent-encoding.');

  let claims: JWTPayload | undefined;
  if (def.scopes.length > 0) {
    const auth = req.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
    if (!token) return sendProblem(res, 401, 'Unauthorized', 'Send Authorization: Bearer TOKEN (npx skillbridge token --role … --sub …).', { 'www-authenticate': 'Bearer' });
    try {
      claims = await verifyDevToken(options.tokenKey, token);
    } catch (err) {
      // The reason (signature, expiry, algorithm …) helps an attacker more than a user: logged, not answered.
      options.log?.(`token rejected on ${def.method} ${def.path}: ${(err as Error).message}`);
      return sendProblem(res, 401, 'Unauthorized', INVALID_TOKEN, { 'www-authenticate': 'Bearer error="invalid_token"' });
    }
    const granted = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
    if (!def.scopes.some((s) => granted.includes(s))) return sendProblem(res, 403, 'Forbidden', `This route needs one of the scopes ${def.scopes.join(', ')}.`);
  }

  const body = await readBody(req);
  if (body === undefined) return sendProblem(res, 413, 'Payload Too Large', `Requests are limited to ${MAX_REQUEST_BYTES} bytes.`);
  const event = toApiGatewayEvent(req, url, body, `${def.method} ${def.path}`, params, claims);
  if (head) event.requestContext.http.method = 'GET';
  const result = await (await loadHandler(def.handler))(event, lambdaContext(def.handler));
  const out = result.isBase64Encoded && result.body ? Buffer.from(result.body, 'base64') : (result.body ?? '');
  res.writeHead(result.statusCode ?? 200, { ...API_HEADERS, ...((result.headers ?? {}) as Record<string, string>), ...(head ? { 'content-length': String(Buffer.byteLength(out)) } : {}) });
  res.end(head ? undefined : out);
}
