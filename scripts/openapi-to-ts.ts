/**
 * A `paths` type for openapi-fetch, written from an OpenAPI 3.1 document, in the shape
 * openapi-typescript gives (`paths[path][method]` with `parameters`, `requestBody` and
 * `responses[status].content[mediaType]`). openapi-typescript itself is not a dependency: this
 * covers the JSON Schema the document uses (objects, arrays, tuples, enums, const, unions,
 * nullable types, records, $ref to components) and fails on anything else rather than guess.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
const indent = (text: string, by = '  ') => text.replace(/\n/g, `\n${by}`);

/** The TypeScript type of one JSON Schema. */
export function schemaType(schema: Json | undefined): string {
  if (schema === undefined || schema === true || (isObject(schema) && Object.keys(schema).every((k) => ['description', 'example', 'examples', 'title', 'default', 'deprecated'].includes(k)))) return 'unknown';
  if (schema === false) return 'never';
  if (!isObject(schema)) throw new Error(`Not a schema: ${JSON.stringify(schema)}`);
  if (typeof schema.$ref === 'string') {
    const match = /^#\/components\/schemas\/(.+)$/.exec(schema.$ref);
    if (!match) throw new Error(`Unsupported $ref ${schema.$ref}`);
    return `components["schemas"][${JSON.stringify(match[1])}]`;
  }
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  for (const combinator of ['anyOf', 'oneOf'] as const) {
    const options = schema[combinator];
    if (Array.isArray(options)) return options.map((o) => `(${schemaType(o)})`).join(' | ');
  }
  if (Array.isArray(schema.allOf)) return schema.allOf.map((o) => `(${schemaType(o)})`).join(' & ');
  if (Array.isArray(schema.type)) return schema.type.map((t) => schemaType({ ...schema, type: t })).join(' | ');
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      if (Array.isArray(schema.prefixItems)) return `[${schema.prefixItems.map(schemaType).join(', ')}]`;
      return `(${schemaType(schema.items)})[]`;
    }
    case 'object':
    case undefined:
      return objectType(schema);
    default:
      throw new Error(`Unsupported type ${JSON.stringify(schema.type)}`);
  }
}

function objectType(schema: JsonObject): string {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const lines = Object.entries(properties).map(([name, property]) => {
    const doc = isObject(property) && typeof property.description === 'string' ? `/** ${property.description.replace(/\*\//g, '* /')} */\n` : '';
    return `${doc}${key(name)}${required.has(name) ? '' : '?'}: ${schemaType(property)};`;
  });
  const extra = schema.additionalProperties;
  // Declared properties must fit an index signature, so it is `unknown` beside them.
  if (extra !== undefined && extra !== false) lines.push(`[key: string]: ${extra === true || lines.length > 0 ? 'unknown' : schemaType(extra)};`);
  else if (isObject(schema.propertyNames) || (Object.keys(properties).length === 0 && extra === undefined && schema.type === 'object')) lines.push('[key: string]: unknown;');
  return lines.length === 0 ? 'Record<string, never>' : `{\n  ${indent(lines.join('\n'))}\n}`;
}

/** `{ query?: …; header?: …; path?: …; cookie?: never }` of an operation. */
function parametersType(parameters: Json | undefined): string {
  const byPlace: Record<string, string[]> = { query: [], header: [], path: [], cookie: [] };
  for (const p of Array.isArray(parameters) ? parameters : []) {
    if (!isObject(p) || typeof p.in !== 'string' || typeof p.name !== 'string') throw new Error('Unsupported parameter');
    byPlace[p.in]!.push(`${key(p.name)}${p.required === true ? '' : '?'}: ${schemaType(p.schema)};`);
  }
  const places = Object.entries(byPlace).map(([place, lines]) => {
    if (lines.length === 0) return `${place}?: never;`;
    const optional = place !== 'path' && !(Array.isArray(parameters) && parameters.some((p) => isObject(p) && p.in === place && p.required === true));
    return `${place}${optional ? '?' : ''}: {\n  ${indent(lines.join('\n'))}\n};`;
  });
  return `{\n  ${indent(places.join('\n'))}\n}`;
}

function contentType(content: Json | undefined): string {
  if (!isObject(content)) return 'never';
  const lines = Object.entries(content).map(([media, body]) => `${key(media)}: ${schemaType(isObject(body) ? body.schema : undefined)};`);
  return `{\n  ${indent(lines.join('\n'))}\n}`;
}

function responsesType(responses: Json | undefined): string {
  if (!isObject(responses)) throw new Error('An operation needs responses');
  const lines = Object.entries(responses).map(([status, response]) => {
    if (!isObject(response)) throw new Error(`Response ${status} is not an object`);
    const headers = isObject(response.headers) ? Object.keys(response.headers).map((h) => `${key(h)}?: string;`) : [];
    const head = `headers: {\n  ${indent([...headers, '[name: string]: unknown;'].join('\n'))}\n};`;
    const body = response.content === undefined ? 'content?: never;' : `content: ${contentType(response.content)};`;
    // Statuses as numbers, as openapi-typescript writes them (openapi-fetch filters on them).
    return `${/^\d+$/.test(status) ? status : key(status)}: {\n  ${indent(`${head}\n${body}`)}\n};`;
  });
  return `{\n  ${indent(lines.join('\n'))}\n}`;
}

function operationType(op: JsonObject): string {
  const body = isObject(op.requestBody) ? `requestBody${op.requestBody.required === true ? '' : '?'}: {\n  content: ${indent(contentType(op.requestBody.content))};\n};` : 'requestBody?: never;';
  const doc = typeof op.summary === 'string' ? `/** ${op.summary} */\n` : '';
  return `${doc}{\n  ${indent([`parameters: ${parametersType(op.parameters)};`, body, `responses: ${responsesType(op.responses)};`].join('\n'))}\n}`;
}

/** The source of a module exporting `paths` and `components` for `createClient<paths>()`. */
export function pathsTypeSource(document: Json): string {
  if (!isObject(document) || !isObject(document.paths)) throw new Error('Not an OpenAPI document');
  const paths = Object.entries(document.paths).map(([path, item]) => {
    if (!isObject(item)) throw new Error(`Path ${path} is not an object`);
    const methods = METHODS.map((m) => (isObject(item[m]) ? `${m}: ${indent(operationType(item[m]))};` : `${m}?: never;`));
    return `${key(path)}: {\n  ${indent(['parameters: { query?: never; header?: never; path?: never; cookie?: never };', ...methods].join('\n'))}\n};`;
  });
  const schemas = isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {};
  const components = Object.entries(schemas).map(([name, schema]) => `${key(name)}: ${indent(schemaType(schema))};`);
  return [
    '// Generated from the OpenAPI document by `npm run gen:api-docs` (scripts/openapi-to-ts.ts): do not edit.',
    '// A test fails when it no longer matches the document the API serves.',
    '',
    `export interface paths {\n  ${indent(paths.join('\n'))}\n}`,
    '',
    `export interface components {\n  schemas: {\n    ${indent(components.join('\n'), '    ')}\n  };\n}`,
    '',
  ].join('\n');
}
