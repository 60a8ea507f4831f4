import type { z } from 'zod';
import type { FieldIssue } from '../domain/errors.js';
import { pointerSegment } from './json-guard.js';

const toPointer = (path: readonly PropertyKey[]): string =>
  path.map((p) => `/${pointerSegment(typeof p === 'symbol' ? p.toString() : p)}`).join('');

/**
 * Turns zod issues into field issues, one per bad field. An unknown key becomes an issue on
 * that key's own path, so a person sees which field to remove.
 */
export function toFieldIssues(error: z.ZodError, prefix = ''): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const base = prefix + toPointer(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: `${base}/${pointerSegment(key)}`, message: 'Unknown field: remove it or check its spelling.' });
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // A union failure is clearer as its first branch's reason than as "invalid input".
      out.push({ path: base || '/', message: issue.message === 'Invalid input' ? 'Does not match any accepted form.' : issue.message });
    } else {
      out.push({ path: base || '/', message: issue.message });
    }
  }
  return out;
}
