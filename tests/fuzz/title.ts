/** The subsection of BENCHMARKS.md's RELIABILITY section that `npm run fuzz` writes (and `npm run load` keeps). */
export const FUZZ_TITLE = 'Open-ended fuzzing (`npm run fuzz`)';
