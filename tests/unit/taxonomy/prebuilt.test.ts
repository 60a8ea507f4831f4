/**
 * The bundled taxonomy's extraction indexes are built at build time (shared/taxonomy/prebuilt.ts,
 * written by `npm run gen:taxonomy`). These tests fail when the generated copy no longer matches
 * the taxonomy's JSON files, and when extracting with it differs in anything from extracting with
 * indexes built at run time.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledTaxonomyData } from '#shared/taxonomy/data/index.js';
import { taxonomySources } from '#shared/taxonomy/data/sources.js';
import { extractSkills, packExtractionIndex, unpackExtractionIndex } from '#shared/taxonomy/extract.js';
import { linkNearest } from '#shared/taxonomy/fuzzy.js';
import { normaliseSkillInputs } from '#shared/taxonomy/normalise.js';
import { prebuiltIndexes } from '#shared/taxonomy/prebuilt.js';
import { packPrebuiltIndexes } from '#shared/taxonomy/prebuilt-module.js';
import { isBundledTaxonomy, loadTaxonomy, type TaxonomyData } from '#shared/taxonomy/taxonomy.js';

/** Every string of at least two characters in a JSON Lines fixture. */
function textsOf(file: string): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.length >= 2) out.push(value);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  const text = readFileSync(new URL(`../../fixtures/${file}`, import.meta.url), 'utf8');
  for (const line of text.split('\n')) if (line.trim() !== '') walk(JSON.parse(line));
  return out;
}

/** Postings, phrases and the colloquial records, plus every term of the taxonomy and a slip of each English one. */
function corpus(): string[] {
  const texts = [
    ...textsOf('extraction/postings.jsonl'),
    ...textsOf('extraction/phrases.jsonl'),
    ...textsOf('colloquial/dev/demands.jsonl'),
    ...textsOf('colloquial/dev/learners.jsonl'),
    ...textsOf('colloquial/dev/courses.jsonl'),
  ];
  for (const skill of loadTaxonomy().skills.values()) {
    for (const term of [skill.zh, skill.en, ...skill.synonyms.zh, ...skill.synonyms.en, ...skill.abbreviations]) {
      texts.push(term, `熟练${term}`, `repair ${term.toUpperCase()}s`);
      // A dropped letter: the typo path reads the vocabulary.
      if (/^[a-z ]{6,}$/i.test(term)) texts.push(term.slice(0, 3) + term.slice(4));
    }
  }
  return [...new Set(texts)];
}

const view = (text: string, taxonomy: ReturnType<typeof loadTaxonomy>) => {
  const extraction = extractSkills(text, taxonomy);
  return JSON.stringify({ ...extraction, unmapped: extraction.unmapped, link: linkNearest(text, taxonomy) ?? null });
};

describe('prebuilt extraction indexes', () => {
  it('match the taxonomy JSON files (regenerate with npm run gen:taxonomy when this fails)', () => {
    // Prepare
    const fromSources = loadTaxonomy(taxonomySources() as TaxonomyData);

    // Act
    const expected = packPrebuiltIndexes(fromSources);

    // Assess
    expect(JSON.stringify(prebuiltIndexes())).toBe(JSON.stringify(expected));
  });

  it('unpack to an index that packs back the same', () => {
    // Prepare
    const taxonomy = loadTaxonomy();
    const packed = packExtractionIndex(taxonomy);

    // Act
    const unpacked = unpackExtractionIndex(packed, taxonomy);

    // Assess
    expect(unpacked).toBeDefined();
    expect(packed.folded.counts.length).toBeGreaterThan(1000);
    expect(packed.grams.keys.split('\n').length).toBeGreaterThan(500);
    expect(JSON.stringify(unpackedPack(unpacked, taxonomy))).toBe(JSON.stringify(packed));
  });

  it('extract, link and normalise exactly as indexes built at run time do', () => {
    // Prepare: the bundled taxonomy reads the prebuilt indexes; the same data under another
    // object is not the bundled taxonomy, so its indexes are built here.
    const bundled = loadTaxonomy();
    const builtHere = loadTaxonomy({ ...bundledTaxonomyData() });
    const texts = corpus();

    // Act
    const differing = texts.filter((text) => view(text, bundled) !== view(text, builtHere));
    const normalised = (taxonomy: typeof bundled) => JSON.stringify(normaliseSkillInputs(texts.slice(0, 2000), taxonomy, { splitWants: true }));

    // Assess
    expect(isBundledTaxonomy(bundled)).toBe(true);
    expect(isBundledTaxonomy(builtHere)).toBe(false);
    expect(prebuiltIndexes()).not.toBeNull();
    expect(texts.length).toBeGreaterThan(5000);
    expect(differing).toEqual([]);
    expect(normalised(bundled)).toBe(normalised(builtHere));
  });

  it('are ignored for a taxonomy that lacks one of their skills', () => {
    // Prepare: a taxonomy of one skill.
    const tiny = loadTaxonomy({
      skillFiles: [{ category: { id: 'x', zh: '某类', en: 'Some' }, skills: [{ id: 'welding', zh: '焊接', en: 'Welding' }] }],
      occupationsFile: { occupations: [] },
    });

    // Act
    const unpacked = unpackExtractionIndex(packExtractionIndex(loadTaxonomy()), tiny);

    // Assess
    expect(unpacked).toBeUndefined();
  });
});

/** Packs an unpacked index again, through a taxonomy whose index it is. */
function unpackedPack(index: ReturnType<typeof unpackExtractionIndex>, taxonomy: ReturnType<typeof loadTaxonomy>) {
  return index === undefined ? undefined : packExtractionIndex(taxonomy, index);
}
