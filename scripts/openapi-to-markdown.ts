/**
 * docs/api.md, written from the OpenAPI document: one section per operation (who may call it,
 * parameters, body, answers with their headers) and the schemas the answers use. The document is
 * generated from the route table and its zod schemas, so this page never drifts from the API.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const anchor = (name: string) => name.toLowerCase().replace(/[^a-z0-9-]/g, '');

/** A short, readable name of a schema's type: `Demand`, `string[]`, `integer 1–5`… */
export function typeName(schema: Json | undefined): string {
  if (!isObject(schema)) return 'any';
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.split('/').pop() ?? '';
    return `[${name}](#${anchor(name)})`;
  }
  if ('const' in schema) return `\`${JSON.stringify(schema.const)}\``;
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => `\`${String(v)}\``).join(' | ');
  const options = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : undefined;
  if (options) return options.map(typeName).join(' or ');
  if (Array.isArray(schema.type)) return schema.type.map((t) => typeName({ ...schema, type: t })).join(' or ');
  if (schema.type === 'array') return Array.isArray(schema.prefixItems) ? `[${schema.prefixItems.map(typeName).join(', ')}]` : `${typeName(schema.items)}[]`;
  if (schema.type === 'number' && typeof schema.minimum === 'number' && typeof schema.maximum === 'number') return `number ${schema.minimum}–${schema.maximum}`;
  if (schema.type === 'integer') {
    // z.int() bounds itself to the safe integers; only tighter bounds say something.
    const min = typeof schema.minimum === 'number' && schema.minimum > Number.MIN_SAFE_INTEGER ? schema.minimum : undefined;
    const max = typeof schema.maximum === 'number' && schema.maximum < Number.MAX_SAFE_INTEGER ? schema.maximum : undefined;
    if (min !== undefined && max !== undefined) return `integer ${min}–${max}`;
    if (min !== undefined) return `integer ≥ ${min}`;
    return max !== undefined ? `integer ≤ ${max}` : 'integer';
  }
  if (schema.type === 'object' && !isObject(schema.properties)) return 'object';
  if (schema.type === 'object') return 'object (below)';
  return typeof schema.type === 'string' ? schema.type : 'any';
}

function propertiesTable(schema: JsonObject): string[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  if (Object.keys(properties).length === 0) return [];
  return [
    '| field | type | required | description |',
    '| --- | --- | --- | --- |',
    ...Object.entries(properties).map(([name, p]) => {
      const description = isObject(p) && typeof p.description === 'string' ? p.description : '';
      return `| \`${name}\` | ${cell(typeName(p))} | ${required.has(name) ? 'yes' : ''} | ${cell(description)} |`;
    }),
  ];
}

function operation(path: string, method: string, op: JsonObject): string[] {
  const out = [`### \`${method.toUpperCase()} ${path}\``, ''];
  if (typeof op.summary === 'string') out.push(`${op.summary}.`, '');
  const security = Array.isArray(op.security) ? op.security : [];
  const scopes = security.flatMap((s) => (isObject(s) && Array.isArray(s.bearer) ? s.bearer.map(String) : []));
  out.push(scopes.length > 0 ? `Bearer token with one of: ${scopes.map((s) => `\`${s}\``).join(', ')}.` : 'Public: no token needed.', '');
  const params = Array.isArray(op.parameters) ? op.parameters.filter(isObject) : [];
  if (params.length > 0) {
    out.push('| parameter | in | type | required | description |', '| --- | --- | --- | --- | --- |');
    for (const p of params) {
      const schema = isObject(p.schema) ? p.schema : {};
      const description = typeof p.description === 'string' ? p.description : typeof schema.description === 'string' ? schema.description : '';
      out.push(`| \`${String(p.name)}\` | ${String(p.in)} | ${cell(typeName(schema))} | ${p.required === true ? 'yes' : ''} | ${cell(description)} |`);
    }
    out.push('');
  }
  if (isObject(op.requestBody) && isObject(op.requestBody.content)) {
    const json = op.requestBody.content['application/json'];
    out.push(`Body (JSON): ${isObject(json) ? typeName(json.schema) : 'any'}.`, '');
  }
  out.push('| status | meaning | body | headers |', '| --- | --- | --- | --- |');
  for (const [status, response] of Object.entries(isObject(op.responses) ? op.responses : {})) {
    if (!isObject(response)) continue;
    const content = isObject(response.content) ? response.content : {};
    const bodies = Object.entries(content).map(([media, body]) => `${typeName(isObject(body) ? body.schema : undefined)} (\`${media}\`)`);
    const headers = isObject(response.headers) ? Object.keys(response.headers).map((h) => `\`${h}\``) : [];
    out.push(`| ${status} | ${cell(String(response.description ?? ''))} | ${cell(bodies.join(', ') || '—')} | ${headers.join(', ')} |`);
  }
  out.push('');
  return out;
}

/** Nested objects of a schema, listed after it so that every field can be read. */
function schemaSection(name: string, schema: JsonObject, out: string[], prefix = name): void {
  const rows = propertiesTable(schema);
  out.push(prefix === name ? `### ${name}` : `#### ${prefix}`, '');
  if (typeof schema.description === 'string') out.push(schema.description, '');
  if (rows.length > 0) out.push(...rows, '');
  else out.push(`${typeName(schema)}`, '');
  for (const [field, p] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
    const inner = isObject(p) && p.type === 'array' && isObject(p.items) ? p.items : p;
    if (isObject(inner) && inner.type === 'object' && isObject(inner.properties)) schemaSection(name, inner, out, `${prefix}.${field}`);
    const union = isObject(inner) ? (Array.isArray(inner.oneOf) ? inner.oneOf : Array.isArray(inner.anyOf) ? inner.anyOf : []) : [];
    union.forEach((u, i) => {
      if (isObject(u) && u.type === 'object' && isObject(u.properties)) schemaSection(name, u, out, `${prefix}.${field} (form ${i + 1})`);
    });
  }
}

/** The whole page. */
export function apiMarkdown(document: Json): string {
  if (!isObject(document) || !isObject(document.paths) || !isObject(document.info)) throw new Error('Not an OpenAPI document');
  const out = [
    '# SkillBridge HTTP API',
    '',
    '<!-- Generated from the OpenAPI document by `npm run gen:api-docs` (scripts/openapi-to-markdown.ts): do not edit. -->',
    '',
    `${String(document.info.description ?? '')} The same document is served at \`GET /openapi.json\`.`,
    '',
    'Every answer but `/health` and `/openapi.json` needs `Authorization: Bearer TOKEN` (locally: `npx skillbridge token …`).',
    'Errors are `application/problem+json` ([Problem](#problem)) naming each bad field in `errors[]`. Reads and writes of one',
    'record answer its `ETag`; `PATCH` and `DELETE` honour `If-Match` (412 when stale). A 503 carries `Retry-After`.',
    '',
    '## Operations',
    '',
  ];
  for (const [path, item] of Object.entries(document.paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (isObject(op)) out.push(...operation(path, method, op));
    }
  }
  out.push('## Schemas', '');
  const schemas = isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {};
  for (const [name, schema] of Object.entries(schemas)) if (isObject(schema)) schemaSection(name, schema, out);
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
