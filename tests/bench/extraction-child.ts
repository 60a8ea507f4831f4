/**
 * Runs inside a fresh Node process, bundled by `extraction.ts` the way a Lambda is, and prints one
 * JSON line of timings. `load`: cold start of the taxonomy; `extract`: steady-state extraction.
 */
import { SAMPLE_POSTING } from './sample-posting.js';

const mode = process.argv[2];

if (mode === 'load') {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  // Imported here, not at the top, so that module evaluation (the JSON data) is inside the timing.
  const { loadTaxonomy } = await import('#shared/taxonomy/taxonomy.js');
  const { extractSkills } = await import('#shared/taxonomy/extract.js');
  const t1 = performance.now();
  const taxonomy = loadTaxonomy();
  const t2 = performance.now();
  extractSkills('', taxonomy); // builds the extraction indexes
  const t3 = performance.now();
  // CPU time as well as wall time: on a busy machine the wall clock also counts time spent waiting
  // for a core.
  const cpu = process.cpuUsage(cpu0);
  console.log(
    JSON.stringify({
      importMs: t1 - t0,
      buildMs: t2 - t1,
      indexMs: t3 - t2,
      totalMs: t3 - t0,
      totalCpuMs: (cpu.user + cpu.system) / 1000,
      skills: taxonomy.skills.size,
    }),
  );
} else if (mode === 'extract') {
  const runs = Number(process.argv[3] ?? 3000);
  const { loadTaxonomy } = await import('#shared/taxonomy/taxonomy.js');
  const { extractSkills } = await import('#shared/taxonomy/extract.js');
  const taxonomy = loadTaxonomy();
  const measure = (withUnmapped: boolean): { medianMs: number; p99Ms: number; maxMs: number; meanCpuMs: number; items: number } => {
    let items = 0;
    const once = (): void => {
      const result = extractSkills(SAMPLE_POSTING, taxonomy);
      items = result.items.length;
      if (withUnmapped) items += result.unmapped.length * 0; // reading it triggers the segmentation
    };
    // Warm-up: JIT, and the stem and typo caches reach the state a busy container has.
    for (let i = 0; i < 500; i += 1) once();
    const times = new Float64Array(runs);
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      once();
      times[i] = performance.now() - t0;
    }
    const cpu = process.cpuUsage(cpu0);
    times.sort();
    const at = (q: number): number => times[Math.min(runs - 1, Math.floor(q * runs))]!;
    return { medianMs: at(0.5), p99Ms: at(0.99), maxMs: times[runs - 1]!, meanCpuMs: (cpu.user + cpu.system) / 1000 / runs, items };
  };
  const itemsOnly = measure(false);
  const withUnmapped = measure(true);
  console.log(
    JSON.stringify({
      runs,
      itemsOnly,
      withUnmapped,
      chars: SAMPLE_POSTING.length,
      bytes: Buffer.byteLength(SAMPLE_POSTING, 'utf8'),
    }),
  );
} else {
  throw new Error(`unknown mode ${String(mode)}; use load or extract`);
}
