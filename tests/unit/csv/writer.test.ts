import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvDocument } from '../../../shared/csv/writer.js';
import { rejectedCsv } from '../../../shared/import/report.js';

describe('csv writer', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['-2+3', "'-2+3"],
    ['+86 138', "'+86 138"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠x', "'＠x"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('guards the formula-like cell %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('leaves ordinary text, numbers and empty values as they are, quoting only where needed', () => {
    expect([csvCell('无人机驾驶员'), csvCell(-3), csvCell(4.5), csvCell(null), csvCell(undefined), csvCell('a,b'), csvCell('say "hi"'), csvCell('a-b')]).toEqual([
      '无人机驾驶员',
      '-3',
      '4.5',
      '',
      '',
      '"a,b"',
      '"say ""hi"""',
      'a-b',
    ]);
  });

  it('writes a document with a BOM, a header and CRLF after every line', () => {
    expect(csvDocument(['a', 'b'], [[1, '=x']])).toBe(`${BOM}a,b\r\n1,'=x\r\n`);
  });
});

describe('import report', () => {
  it('writes rejected refs through the formula guard', () => {
    const csv = rejectedCsv({ kind: 'demand', rows: 2, written: 0, unchanged: 0, rejected: [{ line: 2, ref: '=HYPERLINK("http://x")', errors: [{ path: '/headcount', message: '-2+3 is not an integer' }] }] });

    expect(csv).toBe(`${BOM}line,ref,field,reason\r\n2,"'=HYPERLINK(""http://x"")",/headcount,'-2+3 is not an integer\r\n`);
  });
});
