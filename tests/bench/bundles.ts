import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ROUTES } from '#functions/routes.js';
import { BUNDLE_FILE, DEFAULT_BUNDLE_AWS_SDK, esbuildOptions, type BundleSettings } from '../../infra/constructs/bundling.js';
import { BACKGROUND_FUNCTIONS } from '../../infra/functions.js';
import { functionEntry, PROJECT_ROOT } from '../../infra/paths.js';

/**
 * Bundle size (raw and gzipped) and cold-start init time of every Lambda function, with the AWS
 * SDK bundled and with `@aws-sdk/*` left to the runtime, built with the very options
 * ServiceFunction deploys (`esbuildOptions` in infra/constructs/bundling.ts).
 *
 * Init time is what a cold start spends before the first invocation: loading the bundle, which
 * parses it and runs every module's top level (schemas built, data indexed, clients configured).
 * It is measured as the time to `import()` the bundle in a fresh Node process.
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
  gzKb: number;
  /** Wall-clock milliseconds of each run's import. */
  initMs: number[];
  /** CPU milliseconds (user + system, all threads) of each run's import: less sensitive to a busy machine. */
  cpuMs: number[];
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
 * Wall-clock and CPU milliseconds to import the bundle in a fresh Node process, measured inside it
 * (Node's own start-up excluded), with `--enable-source-maps` as NODE_OPTIONS sets on Lambda.
 */
async function initMs(file: string): Promise<{ wall: number; cpu: number }> {
  const script =
    `const c=process.cpuUsage(),t=performance.now();await import(${JSON.stringify(pathToFileURL(file).href)});` +
    `const w=performance.now()-t,u=process.cpuUsage(c);process.stdout.write(JSON.stringify({wall:w,cpu:(u.user+u.system)/1000}));`;
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
  const { wall, cpu } = JSON.parse(stdout) as { wall: number; cpu: number };
  if (!Number.isFinite(wall) || !Number.isFinite(cpu)) throw new Error(`unexpected output ${JSON.stringify(stdout)}`);
  return { wall, cpu };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');

/** Parts every bundle could do without but some carry: reported per function in the summary. */
const DATA_PARTS: ReadonlyArray<readonly [label: string, part: string]> = [
  ['the taxonomy', 'shared/taxonomy'],
  ['the regions (code and packed data)', 'shared/regions'],
];

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
          row[variant.key] = {
            kb: statSync(file).size / 1024,
            gzKb: gzipSync(readFileSync(file)).length / 1024,
            initMs: [],
            cpuMs: [],
            parts: partsOf(output?.inputs ?? {}),
          };
        } catch (err) {
          row[variant.key] = { kb: NaN, gzKb: NaN, initMs: [], cpuMs: [], parts: new Map(), error: `bundle: ${(err as Error).message.split('\n')[0]}` };
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
            const { wall, cpu } = await initMs(fileOf(name, variant));
            measure.initMs.push(wall);
            measure.cpuMs.push(cpu);
          } catch (err) {
            measure.error = `import: ${(err as Error).message.split('\n')[0]}`;
          }
        }
      }
    }

    const lines = [
      '| function | SDK bundled: KB | gzip KB | init ms | CPU ms | `@aws-sdk/*` external: KB | gzip KB | init ms | CPU ms |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ];
    const summary: Record<Variant['key'], { kb: number[]; ms: number[]; cpu: number[]; overKb: string[]; overMs: string[]; errors: string[] }> = {
      bundled: { kb: [], ms: [], cpu: [], overKb: [], overMs: [], errors: [] },
      external: { kb: [], ms: [], cpu: [], overKb: [], overMs: [], errors: [] },
    };
    for (const name of names) {
      const row = results.get(name);
      if (row === undefined) continue;
      const cells = VARIANTS.map((variant) => {
        const m = row[variant.key];
        const s = summary[variant.key];
        if (m.error !== undefined) {
          s.errors.push(`${name} (${m.error})`);
          return ['error', 'error', 'error', 'error'];
        }
        const ms = median(m.initMs);
        const cpu = median(m.cpuMs);
        s.kb.push(m.kb);
        s.ms.push(ms);
        s.cpu.push(cpu);
        if (m.kb > TARGET_KB) s.overKb.push(name);
        if (ms > TARGET_MS) s.overMs.push(name);
        return [fmt(m.kb), fmt(m.gzKb), fmt(ms), fmt(cpu)];
      });
      lines.push(`| ${name} | ${cells.flat().join(' | ')} |`);
    }

    const describe = (key: Variant['key']) => {
      const s = summary[key];
      return (
        `init median ${fmt(median(s.ms))} ms (max ${fmt(Math.max(...s.ms))} ms, CPU median ${fmt(median(s.cpu))} ms), ` +
        `size median ${fmt(median(s.kb))} KB (max ${fmt(Math.max(...s.kb))} KB); ` +
        `${s.overKb.length} of ${s.kb.length} over ${TARGET_KB} KB, ${s.overMs.length} over ${TARGET_MS} ms`
      );
    };
    const deployed: Variant['key'] = DEFAULT_BUNDLE_AWS_SDK ? 'bundled' : 'external';
    const other: Variant['key'] = deployed === 'bundled' ? 'external' : 'bundled';
    const fasterDeployed = median(summary[deployed].cpu) <= median(summary[other].cpu);
    const errors = [...summary.bundled.errors, ...summary.external.errors];
    const partsOfName = (name: string) => results.get(name)?.[deployed].parts ?? new Map<string, number>();
    const composition = (name: string): string =>
      [...partsOfName(name).entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([part, bytes]) => `${part} ${fmt(bytes / 1024)} KB`)
        .join(', ');
    const sdkKb = (name: string): number =>
      [...partsOfName(name).entries()].filter(([part]) => part.startsWith('@aws-sdk/') || part.startsWith('@smithy/')).reduce((sum, [, bytes]) => sum + bytes, 0) / 1024;
    const sizeOf = (name: string) => results.get(name)?.[deployed].kb ?? NaN;
    const measured = names.filter((name) => Number.isFinite(sizeOf(name)));
    const smallest = measured.reduce((a, b) => (sizeOf(b) < sizeOf(a) ? b : a), measured[0] ?? '');
    const largest = measured.reduce((a, b) => (sizeOf(b) > sizeOf(a) ? b : a), measured[0] ?? '');
    const carriers = DATA_PARTS.map(([label, part]) => {
      const carrying = measured.filter((name) => (partsOfName(name).get(part) ?? 0) > 0);
      const kb = Math.max(0, ...carrying.map((name) => (partsOfName(name).get(part) ?? 0) / 1024));
      return `${label} (${fmt(kb)} KB) is in ${carrying.length} of ${measured.length}`;
    });

    const markdown = [
      `Each function bundled with the options ServiceFunction deploys (ESM, ${'`node22`'}, minified, linked source map without sources, UTF-8 output), once with the AWS SDK inside and once with \`@aws-sdk/*\` and \`@smithy/*\` external (resolved from the repository's node_modules through a symlink, as the runtime would serve its own copy). KB is the bundle file (\`${BUNDLE_FILE}\`, source map not counted), gzip KB the same file gzipped. Init: median of ${RUNS} fresh \`node --enable-source-maps\` processes, timed inside the process around \`await import(bundle)\`, wall clock and CPU (user + system, all threads; less disturbed by other work on a shared machine). Targets: ≤ ${TARGET_MS} ms and ≤ ${TARGET_KB} KB.`,
      '',
      ...lines,
      '',
      `- SDK bundled: ${describe('bundled')}.`,
      `- SDK external: ${describe('external')}.`,
      ...(errors.length > 0 ? [`- Failed: ${errors.join('; ')}.`] : []),
      '',
      `**Deployed: ${deployed === 'bundled' ? 'SDK bundled' : '`@aws-sdk/*` external'}** (\`DEFAULT_BUNDLE_AWS_SDK\` in infra/constructs/bundling.ts). ` +
        (fasterDeployed
          ? `It starts faster here (median CPU ${fmt(median(summary[deployed].cpu))} against ${fmt(median(summary[other].cpu))} ms) although it is larger: one pre-linked, minified, tree-shaken file instead of the SDK's complete CommonJS packages read and compiled one by one, and it pins the SDK version the tests ran against instead of whatever the runtime ships.`
          : `The other configuration started faster in this run (median CPU ${fmt(median(summary[other].cpu))} against ${fmt(median(summary[deployed].cpu))} ms): reconsider the default.`) +
        ` On Lambda the external SDK loads from the runtime's own disk, so this run (SDK read from this repository's node_modules) estimates rather than reproduces that case.`,
      '',
      `Largest parts of the deployed bundles: ${largest}: ${composition(largest)} (the AWS SDK is ${fmt(sdkKb(largest))} of its ${fmt(sizeOf(largest))} KB); ${smallest} (the smallest): ${composition(smallest)}. Data: ${carriers.join('; ')} deployed bundles.`,
      ...(summary[deployed].overKb.length > 0 ? ['', `Over ${TARGET_KB} KB with the deployed configuration: ${summary[deployed].overKb.join(', ')}.`] : []),
    ].join('\n');
    return { title: 'Lambda bundles: size and cold import', markdown };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
