import type { FieldIssue } from '../domain/errors.js';

/** Keys that would reach an object's prototype if the value were ever merged naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 12;

/** Escapes one JSON Pointer segment (RFC 6901). */
export const pointerSegment = (key: string | number): string =>
  String(key).replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * Whether DynamoDB can store the number: it rejects magnitudes below 1e-130 (JSON allows 5e-324)
 * and from 1e126 up (JSON.parse turns 1e999 into Infinity), failing the whole write.
 */
const storableNumber = (n: number): boolean => n === 0 || (Number.isFinite(n) && Math.abs(n) >= 1e-130 && Math.abs(n) < 1e126);

/**
 * Finds what JSON.parse accepts but we never store: prototype keys, strings with lone UTF-16
 * surrogates (they cannot be written to DynamoDB as valid UTF-8), numbers DynamoDB cannot hold,
 * and absurd nesting.
 * Runs before schema validation so every such issue is named by its path.
 */
export function inspectJson(value: unknown, path = '', depth = 0, issues: FieldIssue[] = []): FieldIssue[] {
  if (typeof value === 'string') {
    if (!value.isWellFormed()) issues.push({ path: path || '/', message: 'Text contains an unpaired surrogate (invalid Unicode).' });
    return issues;
  }
  if (typeof value === 'number') {
    if (!storableNumber(value)) issues.push({ path: path || '/', message: 'Numbers must be 0 or between 1e-130 and 1e126 in magnitude.' });
    return issues;
  }
  if (value === null || typeof value !== 'object') return issues;
  if (depth >= MAX_DEPTH) {
    issues.push({ path: path || '/', message: `Nesting deeper than ${MAX_DEPTH} levels is not accepted.` });
    return issues;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => inspectJson(item, `${path}/${i}`, depth + 1, issues));
    return issues;
  }
  for (const key of Object.keys(value)) {
    const child = `${path}/${pointerSegment(key)}`;
    if (FORBIDDEN_KEYS.has(key)) issues.push({ path: child, message: `The key "${key}" is not accepted.` });
    else if (!key.isWellFormed()) issues.push({ path: child, message: 'Key contains an unpaired surrogate (invalid Unicode).' });
    else inspectJson((value as Record<string, unknown>)[key], child, depth + 1, issues);
  }
  return issues;
}
