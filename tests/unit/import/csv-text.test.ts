import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsvText } from '../../../shared/import/csv-text.js';

describe('parseCsvText', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, keeping each record’s first line', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",z\r\n\r\n3,,\r\n';

    const records = parseCsvText(text);

    expect(records).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'x, y', 'say "hi"'] },
      { line: 3, cells: ['2', 'two\nlines', 'z'] },
      { line: 6, cells: ['3', '', ''] },
    ]);
  });

  it('reports a quote never closed on its own line and reads the lines after it', () => {
    const text = 'a,b\nA1,ok\nA2,"broken\nA3,fine\nA4,also fine\n';

    const records = parseCsvText(text);

    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['A1', 'ok'] },
      { line: 3, error: expect.stringMatching(/never closed/) },
      { line: 4, cells: ['A3', 'fine'] },
      { line: 5, cells: ['A4', 'also fine'] },
    ]);
  });

  it('gives up on a quoted cell longer than any spreadsheet cell, so a stray quote costs one line', () => {
    const long = 'x'.repeat(40_000);
    // Prepare: without a bound, the stray quote would close at the quote on the last line, swallowing B0 and B1.
    const text = `a,b\nA1,"stray\nB0,${long}\nB1,${long}\nB2,"quoted"\n`;

    const records = parseCsvText(text);

    expect(records.map((r) => ('error' in r ? `error ${r.line}` : `${r.cells.join('|').slice(0, 9)} ${r.line}`))).toEqual(['a|b 1', 'error 2', 'B0|xxxxxx 3', 'B1|xxxxxx 4', 'B2|quoted 5']);
  });

  it('reports text after a closing quote and keeps the next records', () => {
    const records = parseCsvText('a,b\n"x"y,1\nz,2\n');

    expect(records.map((r) => ('error' in r ? `error ${r.line}` : r.cells.join('|')))).toEqual(['a|b', 'error 2', 'z|2']);
  });

  it('reads tab-separated text (Excel "Unicode text") by its header', () => {
    const text = '编号\t岗位名称\t必需技能\nD1\t焊工, 二级\t焊接\n';

    expect(detectDelimiter(text)).toBe('\t');
    expect(parseCsvText(text)[1]).toEqual({ line: 2, cells: ['D1', '焊工, 二级', '焊接'] });
  });
});
