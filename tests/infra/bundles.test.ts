import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '#functions/routes.js';
import { BUNDLE_FILE, esbuildOptions } from '../../infra/constructs/bundling.js';
import { BACKGROUND_FUNCTIONS } from '../../infra/functions.js';
import { functionEntry, PROJECT_ROOT } from '../../infra/paths.js';

/**
 * What each function's bundle holds, from esbuild's metafile with the deployed options. Packages
 * stay external here (fast: our own modules only), except where a test weighs a package. The
 * sizes and init times themselves are measured by `npm run bench -- bundles`.
 */

const ROUTE_HANDLERS: readonly string[] = ROUTES.map((r) => r.handler);
const FUNCTIONS: readonly string[] = [...new Set([...ROUTE_HANDLERS, ...BACKGROUND_FUNCTIONS.map((f) => f.name), 'pre-token-generation'])];

/** Repository files a function's bundle keeps code of (tree-shaken modules left out). */
type Contents = ReadonlySet<string>;

async function bundle(name: string, packages: 'external' | 'bundle'): Promise<Metafile['outputs'][string]['inputs']> {
  const { metafile } = await build({
    ...esbuildOptions(functionEntry(name), join('/tmp', name, BUNDLE_FILE), { bundleAwsSdk: true }, PROJECT_ROOT),
    ...(packages === 'external' ? { packages: 'external' as const, minify: false } : {}),
    write: false,
    sourcemap: false,
    metafile: true,
  });
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint !== undefined);
  if (output === undefined) throw new Error(`${name}: no entry output`);
  return output.inputs;
}

describe('function bundles', () => {
  const contents = new Map<string, Contents>();
  const of = (name: string): Contents => contents.get(name) ?? new Set();

  beforeAll(async () => {
    for (const name of FUNCTIONS) {
      const inputs = await bundle(name, 'external');
      contents.set(name, new Set(Object.entries(inputs).flatMap(([file, { bytesInOutput }]) => (bytesInOutput > 0 ? [file] : []))));
    }
  }, 120_000);

  it('never include the route table, which would bring every route’s schemas, except the OpenAPI document', () => {
    const withTable = FUNCTIONS.filter((name) => of(name).has('functions/routes.ts'));
    expect(withTable).toEqual(['get-openapi']);
  });

  it('include their own route module and no other', () => {
    for (const name of ROUTE_HANDLERS.filter((handler) => handler !== 'get-openapi')) {
      const routes = [...of(name)].filter((file) => file.startsWith('functions/routes/'));
      // get-health declares no schema and passes its spec inline.
      expect(routes, name).toEqual(name === 'get-health' ? [] : [`functions/routes/${name}.ts`]);
    }
  });

  it('leave the taxonomy and the region data out of the health check and the Cognito trigger', () => {
    for (const name of ['get-health', 'pre-token-generation']) {
      const data = [...of(name)].filter((file) => file.startsWith('shared/taxonomy/') || file.startsWith('shared/regions/') || file.startsWith('shared/schemas/common'));
      expect(data, name).toEqual([]);
    }
  });

  it('leave the region data out of the skill functions', () => {
    for (const name of ['search-skills', 'extract-skills']) expect(of(name).has('shared/regions/regions.ts'), name).toBe(false);
  });

  it('leave the campaign engine and the SQS client out of the handlers that only read or cancel campaigns', () => {
    for (const name of ['get-campaign', 'list-campaigns', 'get-campaign-results', 'cancel-campaign']) {
      const heavy = [...of(name)].filter((file) => file.startsWith('shared/use-cases/campaign/runner') || file.startsWith('shared/adapters/sqs/'));
      expect(heavy, name).toEqual([]);
    }
  });

  it('bundle the subsidy rules only where recommendations or campaigns are computed', () => {
    // functions/subsidy-rules.ts serves them; the shared container does not carry them.
    const withRules = FUNCTIONS.filter((name) => of(name).has('shared/rules/subsidies.json'));
    expect(withRules).toEqual(['recommend-courses', 'create-campaign', 'campaign-worker']);
  });

  it('import zod as a namespace, so that only the parts used are bundled', async () => {
    // `import { z } from 'zod'` (or its default export) in any one module makes esbuild keep the
    // whole namespace object, about 380 KB; `import * as z from 'zod'` keeps what is used.
    const bundled = new Set([...contents.values()].flatMap((files) => [...files]));
    const zObject = [...bundled].filter((file) => /^import\s+(z\b|\{[^}]*\bz\b[^}]*\})\s+from\s+'zod(\/[\w/]+)?';/m.test(readFileSync(join(PROJECT_ROOT, file), 'utf8')));
    expect(zObject).toEqual([]);
    const inputs = await bundle('create-demand', 'bundle');
    const zodBytes = Object.entries(inputs)
      .filter(([file]) => file.includes('node_modules/zod/'))
      .reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0);
    expect(zodBytes).toBeGreaterThan(0);
    expect(zodBytes).toBeLessThan(150 * 1024);
  }, 60_000);
});
