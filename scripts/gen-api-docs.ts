/**
 * Writes docs/api.md and the openapi-fetch `paths` type (web/src/api/paths.generated.ts) from the
 * OpenAPI document the API serves. Run after changing a route or a schema: `npm run gen:api-docs`;
 * tests/unit/http/api-docs.test.ts fails until both match the document.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '../functions/http/openapi.js';
import { apiMarkdown } from './openapi-to-markdown.js';
import { pathsTypeSource } from './openapi-to-ts.js';

export const API_DOCS = { markdown: 'docs/api.md', paths: 'web/src/api/paths.generated.ts' } as const;

/** The two files' contents, from the document as GET /openapi.json serves it. */
export function apiDocs(): { markdown: string; paths: string } {
  const document = JSON.parse(JSON.stringify(buildOpenApiDocument()));
  return { markdown: apiMarkdown(document), paths: pathsTypeSource(document) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { markdown, paths } = apiDocs();
  const root = fileURLToPath(new URL('..', import.meta.url));
  writeFileSync(`${root}${API_DOCS.markdown}`, markdown);
  writeFileSync(`${root}${API_DOCS.paths}`, paths);
  console.log(`Wrote ${API_DOCS.markdown} and ${API_DOCS.paths}.`);
}
