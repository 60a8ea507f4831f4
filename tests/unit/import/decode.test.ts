import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, ImportFileError } from '../../../shared/import/decode.js';

const TEXT = '编号,岗位名称,工作地点\r\nD1,无人机驾驶员,北京市延庆区\r\n';

describe('decodeBytes', () => {
  it.each([
    ['UTF-8 with a BOM', iconv.encode(TEXT, 'utf8', { addBOM: true }), 'utf-8'],
    ['UTF-8 without a BOM', iconv.encode(TEXT, 'utf8'), 'utf-8'],
    ['UTF-16 LE with a BOM', iconv.encode(TEXT, 'utf16le', { addBOM: true }), 'utf-16le'],
    ['UTF-16 BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf16-be')]), 'utf-16be'],
    ['UTF-16 LE without a BOM', iconv.encode(TEXT, 'utf16le'), 'utf-16le'],
    ['GB18030', iconv.encode(TEXT, 'gb18030'), 'gb18030'],
    ['GBK', iconv.encode(TEXT, 'gbk'), 'gb18030'],
  ])('reads %s', (_name, bytes, encoding) => {
    // Prepare: bytes made by iconv-lite. Act
    const decoded = decodeBytes(new Uint8Array(bytes));

    // Assess
    expect(decoded).toEqual({ text: TEXT, encoding });
  });

  it('reads GB18030 characters outside GBK (four-byte sequences)', () => {
    const text = 'ref,employer\r\nD1,𠀀记商行\r\n';

    expect(decodeBytes(new Uint8Array(iconv.encode(text, 'gb18030'))).text).toBe(text);
  });

  it('names the line of the first byte it cannot read, and says how to save the file', () => {
    // Prepare: Windows-1252 ("café"), neither UTF-8 nor GB18030.
    const bytes = new Uint8Array(iconv.encode('ref,title\r\nD1,caf\u00e9,x\r\n', 'win1252'));

    // Act
    const error = (() => {
      try {
        decodeBytes(bytes);
      } catch (err) {
        return err;
      }
    })();

    // Assess
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).code).toBe('undecodable');
    expect((error as ImportFileError).message).toMatch(/line 2.*CSV UTF-8/);
    expect((error as ImportFileError).zh).toContain('第2行');
  });
});
