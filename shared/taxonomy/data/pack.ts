/**
 * A lossless, compact form of JSON data for bundling, read with JSON.parse (which, with the
 * decoding, loads about as fast as the object literals JSON imports become; the gain is size):
 * - every object becomes an array: the number of its "shape" (its key list, written once for all
 *   objects with the same keys), then its values;
 * - a non-empty list of non-empty strings becomes one string, each item after a `|`;
 * - any other array is marked by a leading 0;
 * - a string that stands alone (not in a `|` list) and occurs more than once becomes a negative
 *   number, -1 for the first of a shared table (skill ids referred to by occupations, categories).
 * `unpackJson(packJson(v))` deep-equals `v`, key order included. `packJson` refuses what would not
 * come back the same: a `|` at the start of a string or inside a listed one, a negative number.
 */

const SEPARATOR = '|';
const SEPARATOR_CODE = SEPARATOR.charCodeAt(0);

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Packed = null | boolean | number | string | Packed[];

const isStringList = (v: Json[]): v is string[] => v.length > 0 && v.every((item) => typeof item === 'string' && item !== '');

/** The packed text of a JSON value. */
export function packJson(value: Json): string {
  // Strings standing alone, counted, so the repeated ones can be written once.
  const counts = new Map<string, number>();
  const count = (v: Json): void => {
    if (typeof v === 'string') counts.set(v, (counts.get(v) ?? 0) + 1);
    else if (Array.isArray(v)) {
      if (!isStringList(v)) v.forEach(count);
    } else if (v !== null && typeof v === 'object') Object.values(v).forEach(count);
  };
  count(value);
  const strings = [...counts].filter(([s, n]) => n > 1 && s.length > 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s);
  const stringIndex = new Map(strings.map((s, i) => [s, i]));

  const shapes: string[][] = [];
  const shapeIndex = new Map<string, number>();
  const encode = (v: Json): Packed => {
    if (typeof v === 'number' && v < 0) throw new Error(`packJson: a negative number (${v}) would read as a shared string`);
    if (typeof v === 'string') {
      if (v.startsWith(SEPARATOR)) throw new Error(`packJson: a string starts with ${SEPARATOR}: ${v}`);
      const shared = stringIndex.get(v);
      return shared === undefined ? v : -(shared + 1);
    }
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      if (!isStringList(v)) return [0, ...v.map(encode)];
      for (const item of v) if (item.includes(SEPARATOR)) throw new Error(`packJson: a listed string holds ${SEPARATOR}: ${item}`);
      return SEPARATOR + v.join(SEPARATOR);
    }
    const keys = Object.keys(v);
    const id = JSON.stringify(keys);
    let index = shapeIndex.get(id);
    if (index === undefined) {
      index = shapes.push(keys);
      shapeIndex.set(id, index);
    }
    return [index, ...keys.map((k) => encode(v[k]!))];
  };
  const root = encode(value);
  return JSON.stringify([shapes, strings, root]);
}

/** The JSON value a `packJson` text holds. */
export function unpackJson(text: string): unknown {
  const [shapes, strings, root] = JSON.parse(text) as [string[][], string[], Packed];
  // Index loops, not destructuring: this runs over every entry at every cold start.
  const decode = (p: Packed): unknown => {
    if (typeof p === 'number') return p < 0 ? strings[-p - 1] : p;
    if (typeof p === 'string') return p.charCodeAt(0) === SEPARATOR_CODE ? p.slice(1).split(SEPARATOR) : p;
    if (!Array.isArray(p)) return p;
    const tag = p[0] as number;
    if (tag === 0) {
      const out = new Array<unknown>(p.length - 1);
      for (let i = 1; i < p.length; i++) out[i - 1] = decode(p[i]!);
      return out;
    }
    const keys = shapes[tag - 1]!;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) out[keys[i]!] = decode(p[i + 1]!);
    return out;
  };
  return decode(root);
}
