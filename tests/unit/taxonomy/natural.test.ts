import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { englishStopWords, similarity, stem, tokenize } from '#shared/taxonomy/natural.js';

const sharedDir = fileURLToPath(new URL('../../../shared/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('natural deep imports', () => {
  it('stems English words with the Porter stemmer', () => {
    // Prepare
    const words = ['piloting', 'Welding', 'annotations', 'labelling'];

    // Act
    const stems = words.map(stem);

    // Assess
    expect(stems).toEqual(['pilot', 'weld', 'annot', 'label']);
  });

  it('tokenises Latin words with their offsets and skips Chinese', () => {
    // Prepare
    const text = '熟练使用Python和e-commerce, CI/CD';

    // Act
    const tokens = tokenize(text);

    // Assess
    expect(tokens.map((token) => token.text)).toEqual(['Python', 'e', 'commerce', 'CI', 'CD']);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('scores similar words near 1 and different words low (Jaro-Winkler)', () => {
    // Act
    const typo = similarity('welding', 'weldign');
    const different = similarity('welding', 'python');

    // Assess
    expect(typo).toBeGreaterThan(0.93);
    expect(different).toBeLessThan(0.6);
    expect(similarity('plc', 'plc')).toBe(1);
  });

  it('exposes natural\'s English stop words', () => {
    // Assess
    expect(englishStopWords.has('the')).toBe(true);
    expect(englishStopWords.has('welding')).toBe(false);
  });

  it('is the only module importing natural, and never its package index', () => {
    // Prepare
    const importsOfNatural = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](natural(?:\/[^'"]*)?)['"]/g;

    // Act
    const found = sourceFiles(sharedDir).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(importsOfNatural)].map((match) => ({
        file: relative(sharedDir, file),
        specifier: match[1],
      })),
    );

    // Assess
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map(({ file }) => file))).toEqual(new Set(['taxonomy/natural.ts']));
    for (const { specifier } of found) expect(specifier).toMatch(/^natural\/lib\/natural\/.+\.js$/);
  });
});
