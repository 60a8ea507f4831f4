import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RELIABILITY, writeSubsection } from '../bench/report.js';
import { FUZZ_TITLE } from './title.js';

/**
 * `npm run fuzz`: open-ended random fuzzing, apart from `npm test` (whose fuzz properties run
 * from a fixed, recorded seed). Runs tests/integration/fuzz.test.ts with FUZZ_RANDOM=1 (a fresh
 * seed for every property, printed by fast-check with the shrunk counterexample on a failure)
 * and enough runs per route for at least FUZZ_CASES cases (default 10,000) across every write
 * route and the importer, then writes the figures into BENCHMARKS.md (RELIABILITY, "Open-ended
 * fuzzing"). Replay a failure with `FUZZ_SEED=<seed> npx vitest run tests/integration/fuzz.test.ts`.
 */

const CASES = Number(process.env.FUZZ_CASES ?? 10_000);
/** Import cases: each imports two files and scans the table three times, about 1.5 s. */
const IMPORT_RUNS = Number(process.env.FUZZ_IMPORT_RUNS ?? 60);
/** Cases on each of the two campaign routes: every accepted campaign runs, and the table grows with its results. */
const CAMPAIGN_RUNS = Number(process.env.FUZZ_CAMPAIGN_RUNS ?? 100);
/** Write routes of the route table besides the two campaign routes, when this was written; the figures report what was actually run. */
const OTHER_ROUTES = 11;
const runs = Math.ceil((CASES - IMPORT_RUNS - 2 * CAMPAIGN_RUNS) / OTHER_ROUTES);

const started = Date.now();
const child = spawnSync('npx', ['vitest', 'run', 'tests/integration/fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RANDOM: '1', FUZZ_RUNS: String(runs), FUZZ_CAMPAIGN_RUNS: String(CAMPAIGN_RUNS), FUZZ_IMPORT_RUNS: String(IMPORT_RUNS) },
});
const minutes = (Date.now() - started) / 60_000;
const file = join('tests', 'bench', 'out', 'reliability', 'fuzz-random.json');
if (!existsSync(file)) {
  process.stderr.write('The fuzz run recorded no figures (it did not get as far as its end).\n');
  process.exit(child.status ?? 1);
}
const figures = JSON.parse(readFileSync(file, 'utf8')) as { total: number; recordedAt: string; byTarget: Record<string, { runs: number; statuses: Record<string, number> }> };
const by = Object.entries(figures.byTarget);
const fivexx = by.reduce((n, [, c]) => n + Object.entries(c.statuses).filter(([s]) => /^5/.test(s)).reduce((m, [, k]) => m + k, 0), 0);
const passed = child.status === 0;
const text = [
  `${figures.total.toLocaleString('en')} random cases (fresh fast-check seeds) on ${by.filter(([k]) => !k.startsWith('import')).length} write routes (${runs} each, ${CAMPAIGN_RUNS} on each campaign route) and the import command (${IMPORT_RUNS}), in ${minutes.toFixed(1)} min: ` +
    (passed ? `**${fivexx} × 5xx, nothing stored on rejection, no record corrupted**.` : `**the run failed** (see its output for the seed and counterexample).`),
  '`npm test` runs the same properties from a fixed, recorded seed (40 cases a route), so CI never draws new random cases.',
  '',
  '| target | cases | answers |',
  '| --- | ---: | --- |',
  ...by.map(([name, c]) => `| ${name} | ${c.runs.toLocaleString('en')} | ${Object.entries(c.statuses).map(([s, k]) => `${s}: ${k}`).join(', ')} |`),
].join('\n');
writeSubsection(RELIABILITY, FUZZ_TITLE, text, 'npm run fuzz');
process.stdout.write(`${text}\nWritten to BENCHMARKS.md (${RELIABILITY}, ${FUZZ_TITLE})\n`);
process.exit(child.status ?? 1);
