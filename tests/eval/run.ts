/**
 * `npm run eval`: runs every evaluation and prints its table. Add an evaluation by adding it to
 * `EVALS` (matching quality will join extraction here).
 *
 * `--json` prints the rows as JSON instead, for tracking figures over time.
 */
import { evalExtraction } from './extraction.js';
import { SETS, type SetName } from './matching.js';

const setNames = Object.keys(SETS) as SetName[];

/** One evaluation: a name and a function giving machine-readable rows and a readable table. */
export interface Evaluation {
  readonly name: string;
  readonly run: () => Promise<{ rows: readonly unknown[]; text: string }>;
}

export const EVALS: readonly Evaluation[] = [
  { name: 'extraction', run: evalExtraction },
  ...setNames.map((set) => ({ name: `matching: ${set}`, run: async () => (await import('./matching.js')).evalMatching(set) })),
  ...setNames.map((set) => ({ name: `recommendations: ${set}`, run: async () => (await import('./recommendations.js')).evalRecommendations(set) })),
];

const json = process.argv.includes('--json');
const results: Record<string, readonly unknown[]> = {};
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
for (const evaluation of EVALS.filter((e) => only === undefined || e.name.includes(only))) {
  const started = performance.now();
  const { rows, text } = await evaluation.run();
  results[evaluation.name] = rows;
  if (!json) {
    console.log(`\n== ${evaluation.name} (${((performance.now() - started) / 1000).toFixed(1)} s) ==`);
    console.log(text);
  }
}
if (json) console.log(JSON.stringify(results, null, 2));
