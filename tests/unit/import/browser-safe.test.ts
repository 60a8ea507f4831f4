import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every module the web page reaches by static imports from its import modules, followed transitively. */
function reachable(entries: readonly string[]): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
    seen.set(file, specifiers);
    for (const s of specifiers) if (s.startsWith('.')) queue.push(normalize(join(dirname(file), s.replace(/\.js$/, '.ts'))));
  }
  return seen;
}

describe('the import core the web page imports', () => {
  it('reaches no Node built-in, no package and nothing outside shared/import (so vite bundles it small)', () => {
    // Prepare: the web modules that import the core.
    const graph = reachable(['web/src/lib/csv.ts', 'web/src/lib/csv-record.ts']);

    // Act
    const shared = [...graph.keys()].filter((f) => f.startsWith('shared/'));
    const outside = [...graph.entries()].flatMap(([file, specifiers]) => specifiers.filter((s) => !s.startsWith('.')).map((s) => `${file} → ${s}`));

    // Assess
    expect(shared.length).toBeGreaterThanOrEqual(6);
    // The project's one CSV writer and the closed vocabularies are browser-safe too.
    expect(shared.filter((f) => !f.startsWith('shared/import/') && f !== 'shared/csv/writer.ts' && f !== 'shared/domain/vocabulary.ts')).toEqual([]);
    expect(outside).toEqual([]);
  });

  it('loads the xlsx reader only when a workbook is chosen', () => {
    const graph = reachable(['web/src/lib/csv.ts']);
    const source = readFileSync('web/src/lib/csv.ts', 'utf8');

    expect(graph.has('shared/import/xlsx.ts')).toBe(false);
    expect(source).toContain("await import('../../../shared/import/xlsx.js')");
  });
});
