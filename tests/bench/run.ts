import { writeSections, type BenchSection } from './report.js';

/**
 * `npm run bench`: runs every benchmark section in turn and writes each into BENCHMARKS.md with
 * the machine and the date. `npm run bench -- NAME …` runs only the named sections and replaces
 * only those in BENCHMARKS.md.
 */

export type { BenchSection };

type Bench = () => Promise<BenchSection>;

const SECTIONS: ReadonlyArray<[string, () => Promise<Bench>]> = [
  ['import', async () => (await import('./import.js')).benchImport],
  ['bundles', async () => (await import('./bundles.js')).benchBundles],
  ['extraction', async () => (await import('./extraction.js')).benchExtraction],
  ['matching', async () => (await import('./matching.js')).benchMatching],
  ['recommendations', async () => (await import('./recommendations.js')).benchRecommendations],
  ['campaign', async () => (await import('./campaign.js')).benchCampaign],
  ['web', async () => (await import('./web.js')).benchWeb],
  ['jobs', async () => (await import('./jobs.js')).benchJobs],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !SECTIONS.some(([n]) => n === name));
  if (unknown.length > 0) throw new Error(`unknown bench section(s): ${unknown.join(', ')}; known: ${SECTIONS.map(([n]) => n).join(', ')}`);
  const chosen = only.length > 0 ? SECTIONS.filter(([name]) => only.includes(name)) : SECTIONS;
  const results: Array<BenchSection & { readonly name: string }> = [];
  for (const [name, load] of chosen) {
    process.stderr.write(`bench: ${name} …\n`);
    const started = Date.now();
    results.push({ name, ...(await (await load())()) });
    process.stderr.write(`bench: ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    // Written after every section, so a long run that stops part-way keeps what it measured.
    writeSections(results, only.length > 0 ? `npm run bench -- ${only.join(' ')}` : 'npm run bench');
  }
  for (const r of results) process.stdout.write(`## ${r.title}\n\n${r.markdown.trim()}\n\n`);
  process.stderr.write('bench: written to BENCHMARKS.md\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
