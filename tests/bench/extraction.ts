/**
 * Benchmark of the taxonomy cold start and of skill extraction on a ~2 KB posting.
 *
 * The code under test is bundled with esbuild first (ESM, node22, minified, as a Lambda ships it)
 * and run in fresh child processes, so that the cold start includes evaluating the bundled JSON
 * and no figure includes tsx's on-the-fly compilation.
 */
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const run = promisify(execFile);
const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('./out/', import.meta.url));

interface LoadTiming {
  readonly importMs: number;
  readonly buildMs: number;
  readonly indexMs: number;
  readonly totalMs: number;
  /** CPU time of the whole cold start (user + system), which a busy machine does not inflate. */
  readonly totalCpuMs: number;
  readonly skills: number;
}

interface Percentiles {
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** CPU time per extraction, averaged over the timed runs (GC included). */
  readonly meanCpuMs: number;
  readonly items: number;
}

interface ExtractTiming {
  readonly runs: number;
  /** `extractSkills` with only `items` read (what matching pays). */
  readonly itemsOnly: Percentiles;
  /** With `unmapped` read too (it is computed on first read, by ICU word segmentation). */
  readonly withUnmapped: Percentiles;
  readonly chars: number;
  readonly bytes: number;
}

const COLD_STARTS = 5;
const EXTRACT_RUNS = 3000;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ms = (value: number): string => `${value.toFixed(value < 1 ? 3 : 1)} ms`;

async function child<T>(bundle: string, ...args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, [bundle, ...args], { maxBuffer: 1 << 20 });
  const line = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as T;
}

/**
 * Measures the taxonomy load at cold start (median of 5 fresh processes) and extraction of a
 * ~2 KB posting (median and p99 over 3,000 runs after 500 warm-up runs), without and with reading
 * the lazily computed `unmapped`.
 */
export async function benchExtraction(): Promise<{ title: string; markdown: string }> {
  await mkdir(outDir, { recursive: true });
  const bundle = `${outDir}extraction-child.mjs`;
  const result = await build({
    entryPoints: [`${here}extraction-child.ts`],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    metafile: true,
    logLevel: 'silent',
  });
  const bundleBytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);

  const loads: LoadTiming[] = [];
  for (let i = 0; i < COLD_STARTS; i += 1) loads.push(await child<LoadTiming>(bundle, 'load'));
  const extraction = await child<ExtractTiming>(bundle, 'extract', String(EXTRACT_RUNS));

  const rows = [
    ['taxonomy cold start: import (module + JSON)', ms(median(loads.map((load) => load.importMs)))],
    ['taxonomy cold start: build and check', ms(median(loads.map((load) => load.buildMs)))],
    ['extraction indexes: build (first extraction)', ms(median(loads.map((load) => load.indexMs)))],
    ['**cold start total** (median of 5 processes)', `**${ms(median(loads.map((load) => load.totalMs)))}**`],
    ['cold start total, CPU time (median)', ms(median(loads.map((load) => load.totalCpuMs)))],
    [`**extraction of a ${extraction.bytes} B (${extraction.chars} chars) posting: median**`, `**${ms(extraction.itemsOnly.medianMs)}**`],
    [`extraction: p99 / max (${extraction.runs} runs after 500 warm-up)`, `${ms(extraction.itemsOnly.p99Ms)} / ${ms(extraction.itemsOnly.maxMs)}`],
    ['extraction: mean CPU time per run', ms(extraction.itemsOnly.meanCpuMs)],
    ['extraction reading `unmapped` too: median', ms(extraction.withUnmapped.medianMs)],
    ['extraction reading `unmapped` too: p99 / max', `${ms(extraction.withUnmapped.p99Ms)} / ${ms(extraction.withUnmapped.maxMs)}`],
  ];
  const markdown = [
    `Taxonomy of ${loads[0]?.skills ?? 0} skills; bundle ${(bundleBytes / 1024).toFixed(0)} KB (esbuild, ESM, minified); ` +
      `${extraction.itemsOnly.items} skills found in the sample posting; Node ${process.version}; ` +
      `load average ${loadavg()[0]?.toFixed(1) ?? '?'} (figures from a busy machine run high).`,
    '',
    '| measure | value |',
    '| --- | --- |',
    ...rows.map(([name, value]) => `| ${name} | ${value} |`),
  ].join('\n');
  return { title: 'Skill extraction', markdown };
}
