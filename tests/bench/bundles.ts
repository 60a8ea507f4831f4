import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
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

const RUNS = 7;
/** Aim: a function's init at most this much above the floor of the same SDK clients (issue 19). */
const TARGET_OVER_FLOOR_MS = 50;
const TARGET_KB = 1024;

/**
 * The SDK client packages a function may carry, and the bare handler's code for each: constructed
 * at the top level, as a handler creates its clients once per cold start.
 */
const FLOOR_CLIENTS: Readonly<Record<string, { readonly imports: string; readonly create: string }>> = {
  '@aws-sdk/client-dynamodb': { imports: 'DynamoDBClient', create: "new DynamoDBClient({ region: 'cn-north-1' })" },
  '@aws-sdk/lib-dynamodb': {
    imports: 'DynamoDBDocumentClient',
    create: "DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-north-1' }))",
  },
  '@aws-sdk/client-dynamodb-streams': { imports: 'DynamoDBStreamsClient', create: "new DynamoDBStreamsClient({ region: 'cn-north-1' })" },
  '@aws-sdk/client-s3': { imports: 'S3Client', create: "new S3Client({ region: 'cn-north-1' })" },
  '@aws-sdk/client-sqs': { imports: 'SQSClient', create: "new SQSClient({ region: 'cn-north-1' })" },
};

/** The SDK client packages in a bundle, from its metafile parts: the floor it is compared with. */
function clientsOf(parts: ReadonlyMap<string, number>): string[] {
  const found = [...parts.keys()].filter((part) => /^@aws-sdk\/(client-|lib-dynamodb$)/.test(part));
  const unknown = found.filter((part) => FLOOR_CLIENTS[part] === undefined);
  if (unknown.length > 0) throw new Error(`no floor handler for ${unknown.join(', ')}: add it to FLOOR_CLIENTS`);
  // lib-dynamodb wraps client-dynamodb: the document client's floor constructs both.
  return found.filter((part) => !(part === '@aws-sdk/client-dynamodb' && found.includes('@aws-sdk/lib-dynamodb'))).sort();
}

/** Source of the bare handler for a set of SDK clients: imports, clients created, nothing else. */
function floorSource(clients: readonly string[]): string {
  const lines = clients.map((pkg) => `import { ${FLOOR_CLIENTS[pkg]?.imports} } from '${pkg}';`);
  if (clients.includes('@aws-sdk/lib-dynamodb')) lines.push("import { DynamoDBClient } from '@aws-sdk/client-dynamodb';");
  lines.push(`const clients = [${clients.map((pkg) => FLOOR_CLIENTS[pkg]?.create).join(', ')}];`);
  lines.push('export const handler = async () => ({ statusCode: 200, body: String(clients.length) });');
  return `${lines.join('\n')}\n`;
}

const floorName = (clients: readonly string[]): string =>
  clients.length === 0 ? 'no SDK client' : clients.map((pkg) => pkg.replace('@aws-sdk/', '')).join(' + ');

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
  const loadAtStart = loadavg()[0] ?? NaN;
  try {
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const names = functionNames();
    const results = new Map<string, Record<Variant['key'], Measure>>();
    const fileOf = (name: string, variant: Variant) => join(dir, variant.key, name, BUNDLE_FILE);

    const bundle = async (entry: string, file: string, variant: Variant): Promise<Measure> => {
      try {
        const { metafile } = await build({ ...esbuildOptions(entry, file, variant.settings, PROJECT_ROOT), metafile: true });
        const output = Object.values(metafile.outputs).find((o) => o.entryPoint !== undefined);
        return {
          kb: statSync(file).size / 1024,
          gzKb: gzipSync(readFileSync(file)).length / 1024,
          initMs: [],
          cpuMs: [],
          parts: partsOf(output?.inputs ?? {}),
        };
      } catch (err) {
        return { kb: NaN, gzKb: NaN, initMs: [], cpuMs: [], parts: new Map(), error: `bundle: ${(err as Error).message.split('\n')[0]}` };
      }
    };

    for (const name of names) {
      const row = {} as Record<Variant['key'], Measure>;
      for (const variant of VARIANTS) row[variant.key] = await bundle(functionEntry(name), fileOf(name, variant), variant);
      results.set(name, row);
    }

    // The floor of each function: a bare handler with the SDK clients its deployed bundle carries,
    // bundled the same way. Functions with the same clients share one floor.
    const floorOf = new Map<string, string>();
    const floors = new Map<string, Record<Variant['key'], Measure>>();
    for (const name of names) {
      const parts = results.get(name)?.bundled.parts;
      if (parts === undefined || results.get(name)?.bundled.error !== undefined) continue;
      const clients = clientsOf(parts);
      const floor = floorName(clients);
      floorOf.set(name, floor);
      if (floors.has(floor)) continue;
      const src = join(dir, 'floor-src', `${floors.size}.mjs`);
      mkdirSync(join(dir, 'floor-src'), { recursive: true });
      writeFileSync(src, floorSource(clients));
      const row = {} as Record<Variant['key'], Measure>;
      for (const variant of VARIANTS) row[variant.key] = await bundle(src, join(dir, variant.key, `floor-${floors.size}`, BUNDLE_FILE), variant);
      floors.set(floor, row);
    }
    const floorFile = (floor: string, variant: Variant) => join(dir, variant.key, `floor-${[...floors.keys()].indexOf(floor)}`, BUNDLE_FILE);

    const timeInto = async (measure: Measure | undefined, file: string): Promise<void> => {
      if (measure === undefined || measure.error !== undefined) return;
      try {
        const { wall, cpu } = await initMs(file);
        measure.initMs.push(wall);
        measure.cpuMs.push(cpu);
      } catch (err) {
        measure.error = `import: ${(err as Error).message.split('\n')[0]}`;
      }
    };
    // Runs interleave floors, functions and variants, so drift on a shared machine hits all alike.
    for (let run = 0; run < RUNS; run++) {
      for (const variant of VARIANTS) {
        for (const floor of floors.keys()) await timeInto(floors.get(floor)?.[variant.key], floorFile(floor, variant));
        for (const name of names) await timeInto(results.get(name)?.[variant.key], fileOf(name, variant));
      }
    }

    const floorMs = (floor: string | undefined, key: Variant['key']): { wall: number; cpu: number } => {
      const m = floor === undefined ? undefined : floors.get(floor)?.[key];
      return m === undefined || m.error !== undefined ? { wall: NaN, cpu: NaN } : { wall: median(m.initMs), cpu: median(m.cpuMs) };
    };
    const plus = (n: number): string => (Number.isFinite(n) ? `${n >= 0 ? '+' : '−'} ${fmt(Math.abs(n))}` : '–');

    const floorLines = [
      '| floor (bare handler with) | SDK bundled: KB | init ms | CPU ms | `@aws-sdk/*` external: KB | init ms | CPU ms | functions |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...[...floors.entries()].map(([floor, row]) => {
        const cells = VARIANTS.map((v) => {
          const m = row[v.key];
          return m.error !== undefined ? ['error', 'error', 'error'] : [fmt(m.kb), fmt(median(m.initMs)), fmt(median(m.cpuMs))];
        });
        return `| ${floor} | ${cells.flat().join(' | ')} | ${[...floorOf.values()].filter((f) => f === floor).length} |`;
      }),
    ];

    const lines = [
      '| function | floor | SDK bundled: KB | gzip KB | init ms | floor + X ms | CPU floor + X ms | `@aws-sdk/*` external: KB | init ms | floor + X ms | CPU floor + X ms |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ];
    const summary: Record<Variant['key'], { kb: number[]; over: number[]; overKb: string[]; overMs: string[]; errors: string[] }> = {
      bundled: { kb: [], over: [], overKb: [], overMs: [], errors: [] },
      external: { kb: [], over: [], overKb: [], overMs: [], errors: [] },
    };
    for (const name of names) {
      const row = results.get(name);
      if (row === undefined) continue;
      const floor = floorOf.get(name);
      const cells = VARIANTS.map((variant) => {
        const m = row[variant.key];
        const s = summary[variant.key];
        if (m.error !== undefined) {
          s.errors.push(`${name} (${m.error})`);
          return variant.key === 'bundled' ? ['error', 'error', 'error', 'error', 'error'] : ['error', 'error', 'error', 'error'];
        }
        const base = floorMs(floor, variant.key);
        const ms = median(m.initMs);
        const over = ms - base.wall;
        const overCpu = median(m.cpuMs) - base.cpu;
        s.kb.push(m.kb);
        s.over.push(over);
        if (m.kb > TARGET_KB) s.overKb.push(name);
        if (!(over <= TARGET_OVER_FLOOR_MS)) s.overMs.push(name);
        const timing = [fmt(ms), plus(over), plus(overCpu)];
        return variant.key === 'bundled' ? [fmt(m.kb), fmt(m.gzKb), ...timing] : [fmt(m.kb), ...timing];
      });
      lines.push(`| ${name} | ${floor ?? '–'} | ${cells.flat().join(' | ')} |`);
    }

    const describe = (key: Variant['key']) => {
      const s = summary[key];
      return (
        `floor + X: X median ${fmt(median(s.over))} ms, max ${fmt(Math.max(...s.over))} ms; ` +
        `size median ${fmt(median(s.kb))} KB (max ${fmt(Math.max(...s.kb))} KB); ` +
        `**${s.overMs.length} of ${s.kb.length} over floor + ${TARGET_OVER_FLOOR_MS} ms, ${s.overKb.length} over ${TARGET_KB} KB**`
      );
    };
    const deployed: Variant['key'] = DEFAULT_BUNDLE_AWS_SDK ? 'bundled' : 'external';
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
      `Each function bundled with the options ServiceFunction deploys (ESM, ${'`node22`'}, minified, linked source map without sources, UTF-8 output), once with the AWS SDK inside and once with \`@aws-sdk/*\` and \`@smithy/*\` external (resolved from the repository's node_modules through a symlink, as the runtime would serve its own copy). KB is the bundle file (\`${BUNDLE_FILE}\`, source map not counted), gzip KB the same file gzipped. Init: median of ${RUNS} fresh \`node --enable-source-maps\` processes, timed inside the process around \`await import(bundle)\`, wall clock and CPU (user + system, all threads; less disturbed by other work on a shared machine). Load average ${fmt(loadAtStart, 1)} at the start of the run and ${fmt(loadavg()[0] ?? NaN, 1)} at its end, on ${cpus().length} CPUs: where it exceeds the CPU count, wall clock includes waiting for a CPU and the CPU columns say more.`,
      '',
      `**Floor.** Absolute times depend on the machine, so each function is reported against a floor measured in the same run: a bare handler bundled the same way that imports only the SDK clients the function's bundle carries and creates them at the top level (no middy, Powertools, zod or own code). Functions with the same clients share a floor; runs interleave floors and functions. "floor + X" is the function's median minus its floor's median. Aims: every function ≤ floor + ${TARGET_OVER_FLOOR_MS} ms and every bundle ≤ ${TARGET_KB} KB.`,
      '',
      ...floorLines,
      '',
      ...lines,
      '',
      `- SDK bundled: ${describe('bundled')}.`,
      `- SDK external: ${describe('external')}.`,
      ...(errors.length > 0 ? [`- Failed: ${errors.join('; ')}.`] : []),
      ...(summary[deployed].overMs.length > 0 ? [`- Over floor + ${TARGET_OVER_FLOOR_MS} ms with the deployed configuration: ${summary[deployed].overMs.join(', ')}.`] : []),
      ...(summary[deployed].overKb.length > 0 ? [`- Over ${TARGET_KB} KB with the deployed configuration: ${summary[deployed].overKb.join(', ')}.`] : []),
      '',
      `**Deployed: ${deployed === 'bundled' ? 'SDK bundled' : '`@aws-sdk/*` external'}** (\`DEFAULT_BUNDLE_AWS_SDK\` in infra/constructs/bundling.ts). On Lambda the external SDK loads from the runtime's own disk, so this run (SDK read from this repository's node_modules) estimates rather than reproduces that case.`,
      '',
      `Largest parts of the deployed bundles: ${largest}: ${composition(largest)} (the AWS SDK is ${fmt(sdkKb(largest))} of its ${fmt(sizeOf(largest))} KB); ${smallest} (the smallest): ${composition(smallest)}. Data: ${carriers.join('; ')} deployed bundles.`,
    ].join('\n');
    return { title: 'Lambda bundles: size and cold import', markdown };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
