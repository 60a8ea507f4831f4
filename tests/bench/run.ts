import { writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';

/**
 * `npm run bench`: runs every benchmark section in turn and writes BENCHMARKS.md with the
 * machine and the date. `npm run bench -- NAME …` runs only the named sections (results of the
 * others are then not written).
 */

export interface BenchSection {
  readonly title: string;
  readonly markdown: string;
}

type Bench = () => Promise<BenchSection>;

const SECTIONS: ReadonlyArray<[string, () => Promise<Bench>]> = [
  ['import', async () => (await import('./import.js')).benchImport],
  ['bundles', async () => (await import('./bundles.js')).benchBundles],
  ['extraction', async () => (await import('./extraction.js')).benchExtraction],
  ['matching', async () => (await import('./matching.js')).benchMatching],
  ['recommendations', async () => (await import('./recommendations.js')).benchRecommendations],
  ['campaign', async () => (await import('./campaign.js')).benchCampaign],
  ['web', async () => (await import('./web.js')).benchWeb],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const chosen = only.length > 0 ? SECTIONS.filter(([name]) => only.includes(name)) : SECTIONS;
  const results: BenchSection[] = [];
  for (const [name, load] of chosen) {
    process.stderr.write(`bench: ${name} …\n`);
    const started = Date.now();
    results.push(await (await load())());
    process.stderr.write(`bench: ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const header = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Node ${process.version}.`,
    'Figures come from one run on a shared machine: read them as orders of magnitude, not promises.',
    '',
  ];
  const body = results.map((r) => `## ${r.title}\n\n${r.markdown.trim()}\n`);
  const text = `${header.join('\n')}\n${body.join('\n')}`;
  if (only.length > 0) process.stdout.write(text);
  else writeFileSync('BENCHMARKS.md', text);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
