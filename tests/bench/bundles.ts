import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { ROUTES } from '#functions/routes.js';
import { BUNDLE_FILE, DEFAULT_BUNDLE_AWS_SDK, esbuildOptions, type BundleSettings } from '../../infra/constructs/bundling.js';
import { BACKGROUND_FUNCTIONS } from '../../infra/functions.js';
import { functionEntry, PROJECT_ROOT } from '../../infra/paths.js';

/**
 * Bundle size and cold import time of every Lambda function, with the AWS SDK bundled and with
 * `@aws-sdk/*` left to the runtime, built with the very options ServiceFunction deploys
 * (`esbuildOptions` in infra/constructs/bundling.ts).
 *
 * Where the bundles live: a fresh directory under os.tmpdir() holding one folder per variant and
 * a `node_modules` symlink to the repository's. ESM ignores NODE_PATH, but resolves a bare
 * `@aws-sdk/…` import by walking up the bundle's parent directories to a `node_modules`, where the
 * symlink leads to the installed SDK, much as the Lambda runtime serves its own copy from
 * /var/runtime/node_modules. The bundled variant never uses the link.
 */

const RUNS = 5;
const TARGET_MS = 100;
const TARGET_KB = 1024;

const exec = promisify(execFile);

interface Variant {
  readonly key: 'bundled' | 'external';
  readonly settings: BundleSettings;
}

const VARIANTS: readonly Variant[] = [
  { key: 'bundled', settings: { bundleAwsSdk: true } },
  { key: 'external', settings: { bundleAwsSdk: false } },
];

interface Measure {
  kb: number;
  importsMs: number[];
  /** Package (or repository folder) → bytes it contributes to the bundle. */
  parts: Map<string, number>;
  error?: string;
}

/** Groups a metafile's inputs by package, or by repository folder (`shared/taxonomy`) for own code. */
function partsOf(inputs: Record<string, { bytesInOutput: number }>): Map<string, number> {
  const parts = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
    const key = pkg ?? file.split('/').slice(0, 2).join('/');
    parts.set(key, (parts.get(key) ?? 0) + bytesInOutput);
  }
  return parts;
}

/** Every function the stacks deploy: one per route handler, the background ones and the Cognito trigger. */
function functionNames(): string[] {
  const names = [...ROUTES.map((r) => r.handler), ...BACKGROUND_FUNCTIONS.map((f) => f.name), 'pre-token-generation'];
  return [...new Set(names)];
}

/**
 * Milliseconds to import the bundle in a fresh Node process, measured inside it (Node's own
 * start-up excluded), with `--enable-source-maps` as NODE_OPTIONS sets on Lambda.
 */
async function importMs(file: string): Promise<number> {
  const script = `const t=performance.now();await import(${JSON.stringify(pathToFileURL(file).href)});process.stdout.write(String(performance.now()-t));`;
  const { stdout } = await exec(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], {
    env: {
      PATH: process.env.PATH ?? '',
      AWS_REGION: 'cn-north-1',
      TABLE_NAME: 'bench',
      POWERTOOLS_SERVICE_NAME: 'skillbridge',
      POWERTOOLS_METRICS_NAMESPACE: 'SkillBridge',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    timeout: 30_000,
  });
  const ms = Number(stdout);
  if (!Number.isFinite(ms)) throw new Error(`unexpected output ${JSON.stringify(stdout)}`);
  return ms;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');

/** The bundle section of BENCHMARKS.md. */
export async function benchBundles(): Promise<{ title: string; markdown: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'skillbridge-bundles-'));
  try {
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const names = functionNames();
    const results = new Map<string, Record<Variant['key'], Measure>>();
    const fileOf = (name: string, variant: Variant) => join(dir, variant.key, name, BUNDLE_FILE);

    for (const name of names) {
      const row = {} as Record<Variant['key'], Measure>;
      for (const variant of VARIANTS) {
        const file = fileOf(name, variant);
        try {
          const { metafile } = await build({ ...esbuildOptions(functionEntry(name), file, variant.settings, PROJECT_ROOT), metafile: true });
          const output = Object.values(metafile.outputs).find((o) => o.entryPoint !== undefined);
          row[variant.key] = { kb: statSync(file).size / 1024, importsMs: [], parts: partsOf(output?.inputs ?? {}) };
        } catch (err) {
          row[variant.key] = { kb: NaN, importsMs: [], parts: new Map(), error: `bundle: ${(err as Error).message.split('\n')[0]}` };
        }
      }
      results.set(name, row);
    }

    // Runs interleave functions and variants, so drift on a shared machine hits both alike.
    for (let run = 0; run < RUNS; run++) {
      for (const name of names) {
        for (const variant of VARIANTS) {
          const measure = results.get(name)?.[variant.key];
          if (measure === undefined || measure.error !== undefined) continue;
          try {
            measure.importsMs.push(await importMs(fileOf(name, variant)));
          } catch (err) {
            measure.error = `import: ${(err as Error).message.split('\n')[0]}`;
          }
        }
      }
    }

    const lines = [
      '| function | SDK bundled: KB | import ms | `@aws-sdk/*` external: KB | import ms |',
      '| --- | ---: | ---: | ---: | ---: |',
    ];
    const summary: Record<Variant['key'], { kb: number[]; ms: number[]; over: string[]; errors: string[] }> = {
      bundled: { kb: [], ms: [], over: [], errors: [] },
      external: { kb: [], ms: [], over: [], errors: [] },
    };
    for (const name of names) {
      const row = results.get(name);
      if (row === undefined) continue;
      const cells = VARIANTS.map((variant) => {
        const m = row[variant.key];
        const s = summary[variant.key];
        if (m.error !== undefined) {
          s.errors.push(`${name} (${m.error})`);
          return ['error', 'error'];
        }
        const ms = median(m.importsMs);
        s.kb.push(m.kb);
        s.ms.push(ms);
        if (ms > TARGET_MS || m.kb > TARGET_KB) s.over.push(name);
        return [fmt(m.kb), fmt(ms)];
      });
      lines.push(`| ${name} | ${cells.flat().join(' | ')} |`);
    }

    const describe = (key: Variant['key']) => {
      const s = summary[key];
      return `median ${fmt(median(s.ms))} ms (max ${fmt(Math.max(...s.ms))} ms), median ${fmt(median(s.kb))} KB (max ${fmt(Math.max(...s.kb))} KB); ${s.over.length} of ${s.ms.length} over ${TARGET_MS} ms or ${TARGET_KB} KB`;
    };
    const deployed: Variant['key'] = DEFAULT_BUNDLE_AWS_SDK ? 'bundled' : 'external';
    const other: Variant['key'] = deployed === 'bundled' ? 'external' : 'bundled';
    const fasterDeployed = median(summary[deployed].ms) <= median(summary[other].ms);
    const errors = [...summary.bundled.errors, ...summary.external.errors];
    const composition = (name: string): string => {
      const parts = results.get(name)?.[deployed].parts ?? new Map<string, number>();
      return [...parts.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([part, bytes]) => `${part} ${fmt(bytes / 1024)} KB`)
        .join(', ');
    };
    const sdkKb = (name: string): number =>
      [...(results.get(name)?.[deployed].parts ?? new Map<string, number>()).entries()]
        .filter(([part]) => part.startsWith('@aws-sdk/') || part.startsWith('@smithy/'))
        .reduce((sum, [, bytes]) => sum + bytes, 0) / 1024;
    const smallest = names.reduce((a, b) => ((results.get(b)?.[deployed].kb ?? Infinity) < (results.get(a)?.[deployed].kb ?? Infinity) ? b : a));
    const largest = names.reduce((a, b) => ((results.get(b)?.[deployed].kb ?? -Infinity) > (results.get(a)?.[deployed].kb ?? -Infinity) ? b : a));

    const markdown = [
      `Each function bundled with the options ServiceFunction deploys (ESM, ${'`node22`'}, minified, linked source map without sources, UTF-8 output), once with the AWS SDK inside and once with \`@aws-sdk/*\` and \`@smithy/*\` external (resolved from the repository's node_modules through a symlink, as the runtime would serve its own copy). Import time: median of ${RUNS} fresh \`node --enable-source-maps\` processes, timed inside the process around \`await import(bundle)\`. Targets: ≤ ${TARGET_MS} ms and ≤ ${TARGET_KB} KB.`,
      '',
      ...lines,
      '',
      `- SDK bundled: ${describe('bundled')}.`,
      `- SDK external: ${describe('external')}.`,
      ...(errors.length > 0 ? [`- Failed: ${errors.join('; ')}.`] : []),
      '',
      `**Deployed: ${deployed === 'bundled' ? 'SDK bundled' : '`@aws-sdk/*` external'}** (\`DEFAULT_BUNDLE_AWS_SDK\` in infra/constructs/bundling.ts). ` +
        (fasterDeployed
          ? `It imports faster here: one pre-linked, minified file instead of the SDK's many modules resolved and read one by one, and it pins the SDK version the tests ran against instead of whatever the runtime ships.`
          : `The other configuration imported faster in this run: reconsider the default.`) +
        ` On Lambda the external SDK loads from the runtime's own disk, so this run (SDK read from this repository's node_modules) estimates rather than reproduces that case.`,
      '',
      `Largest parts of the deployed bundles: ${largest}: ${composition(largest)}; ${smallest} (the smallest): ${composition(smallest)}. The AWS SDK is ${fmt(sdkKb(largest))} of ${fmt(results.get(largest)?.[deployed].kb ?? NaN)} KB in ${largest}; without it (the external column) bundles still weigh ${fmt(Math.min(...summary.external.kb))}–${fmt(Math.max(...summary.external.kb))} KB${summary[deployed].over.length > 0 ? ': what keeps them over the targets is the code every function imports (through functions/routes.ts and the schemas), not the SDK' : ''}.`,
      ...(summary[deployed].over.length > 0 ? ['', `Over target with the deployed configuration: ${summary[deployed].over.join(', ')}.`] : []),
    ].join('\n');
    return { title: 'Lambda bundles: size and cold import', markdown };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
