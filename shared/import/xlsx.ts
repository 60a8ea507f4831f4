/**
 * Reads the first worksheet of an `.xlsx` workbook (Office Open XML, ECMA-376) as rows of cell
 * text: the ZIP container through ./zip.ts, then the few XML parts a sheet's values need (the
 * workbook, its relationships, the shared strings, the styles for dates and the sheet) read with
 * regular expressions, since the parts are machine-written and only values are wanted.
 *
 * Why not a package: exceljs (with JSZip, bluebird, unzipper, saxes) was about 1 MB of the import
 * function's 2 MB bundle and of the web page's upload chunk; this reader is a few KB, and runs
 * in the browser and in Node alike (no Node built-in).
 */
import { ImportFileError } from './decode.js';
import type { PositionalRow } from './table.js';
import { readZip } from './zip.js';

// An element with an optional namespace prefix (`<x:row>` from some writers): its attributes, and
// its content unless it closes itself.
const element = (tag: string): RegExp => new RegExp(`<(?:[\\w.-]+:)?${tag}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${tag}>)`, 'g');
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const TEXT_RUN = element('t');
const PHONETIC_RUN = element('rPh');

/** The attributes of a start tag, by name (prefixes kept: `r:id`). */
function attributesOf(text: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of (text ?? '').matchAll(ATTRIBUTE)) out.set(match[1]!, decodeXml(match[2] ?? match[3] ?? ''));
  return out;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character references and entities, then Excel's `_xHHHH_` escapes (a carriage return is `_x000D_`). */
function decodeXml(text: string): string {
  return text
    .replace(/&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g, (_, hex: string, dec: string, name: string) =>
      hex !== undefined ? String.fromCodePoint(Number.parseInt(hex, 16)) : dec !== undefined ? String.fromCodePoint(Number(dec)) : ENTITIES[name]!,
    )
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The text a string item holds: its `<t>` runs joined, phonetic guides (`<rPh>`) left out. */
function textOf(xml: string): string {
  let text = '';
  for (const match of xml.replace(PHONETIC_RUN, '').matchAll(TEXT_RUN)) text += decodeXml(match[2] ?? '');
  return text;
}

/** Column number (1-based) of a cell reference: `C7` → 3. */
function columnOf(reference: string): number | undefined {
  const letters = /^([A-Z]+)\d*$/i.exec(reference)?.[1];
  if (letters === undefined) return undefined;
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column;
}

// Built-in number formats that show a date or time (ECMA-376 §18.8.30, with the East Asian ones).
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a custom format code shows a date or time: y m d h s outside quotes and brackets (as exceljs judged). */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** For each cell style (`s` attribute), whether its number format is a date. */
function dateStyles(stylesXml: string | undefined): boolean[] {
  if (stylesXml === undefined) return [];
  const custom = new Map<number, string>();
  for (const match of stylesXml.matchAll(element('numFmt'))) {
    const attributes = attributesOf(match[1]);
    custom.set(Number(attributes.get('numFmtId')), attributes.get('formatCode') ?? '');
  }
  const cellXfs = [...stylesXml.matchAll(element('cellXfs'))][0]?.[2] ?? '';
  return [...cellXfs.matchAll(element('xf'))].map((match) => {
    const id = Number(attributesOf(match[1]).get('numFmtId') ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id);
  });
}

/** A date serial as ISO 8601 (1900 date system, or 1904 where the workbook says so), as exceljs converted it. */
function serialToIso(serial: number, date1904: boolean): string {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000)).toISOString();
}

/** The part a relationship target names, from the folder of the part that holds the relationship. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

/** The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`), id → part name. */
async function relationshipsOf(part: string, text: (name: string) => Promise<string | undefined>): Promise<Map<string, string>> {
  const slash = part.lastIndexOf('/');
  const xml = await text(`${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`);
  const out = new Map<string, string>();
  for (const match of (xml ?? '').matchAll(element('Relationship'))) {
    const attributes = attributesOf(match[1]);
    const id = attributes.get('Id');
    const target = attributes.get('Target');
    if (id !== undefined && target !== undefined && attributes.get('TargetMode') !== 'External') out.set(id, resolvePart(part, target));
  }
  return out;
}

/** The rows of the first worksheet; throws anything it cannot read. */
async function readFirstSheet(bytes: Uint8Array): Promise<PositionalRow[]> {
  const entries = readZip(bytes);
  const utf8 = new TextDecoder('utf-8');
  const text = async (name: string): Promise<string | undefined> => {
    const entry = entries.get(name);
    return entry === undefined ? undefined : utf8.decode(await entry.read());
  };

  const rootXml = await text('_rels/.rels');
  const officeDocument = [...(rootXml ?? '').matchAll(element('Relationship'))]
    .map((match) => attributesOf(match[1]))
    .find((attributes) => attributes.get('Type')?.endsWith('/officeDocument'));
  const workbookPart = officeDocument?.get('Target') !== undefined ? resolvePart('', officeDocument.get('Target')!) : 'xl/workbook.xml';
  const workbookXml = await text(workbookPart);
  if (workbookXml === undefined) throw new Error(`no workbook part (${workbookPart})`);

  const firstSheet = [...workbookXml.matchAll(element('sheet'))][0];
  if (firstSheet === undefined) return [];
  const relationships = await relationshipsOf(workbookPart, text);
  const sheetId = [...attributesOf(firstSheet[1]).entries()].find(([name]) => name === 'r:id' || name.endsWith(':id'))?.[1];
  const sheetPart = sheetId === undefined ? undefined : relationships.get(sheetId);
  const sheetXml = sheetPart === undefined ? undefined : await text(sheetPart);
  if (sheetXml === undefined) throw new Error('the first worksheet is missing');

  const workbookProperties = [...workbookXml.matchAll(element('workbookPr'))][0];
  const date1904 = ['1', 'true'].includes(attributesOf(workbookProperties?.[1]).get('date1904') ?? '');
  const partOfType = (type: string) => [...relationships.values()].find((part) => part.endsWith(`/${type}.xml`) || part === `${type}.xml`);
  const sharedStringsXml = await text(partOfType('sharedStrings') ?? 'xl/sharedStrings.xml');
  const sharedStrings = [...(sharedStringsXml ?? '').matchAll(element('si'))].map((match) => textOf(match[2] ?? ''));
  const isDate = dateStyles(await text(partOfType('styles') ?? 'xl/styles.xml'));

  const rows: PositionalRow[] = [];
  let rowNumber = 0;
  for (const row of sheetXml.matchAll(element('row'))) {
    rowNumber = Number(attributesOf(row[1]).get('r') ?? rowNumber + 1);
    const cells: string[] = [];
    let column = 0;
    for (const cell of (row[2] ?? '').matchAll(element('c'))) {
      const attributes = attributesOf(cell[1]);
      column = columnOf(attributes.get('r') ?? '') ?? column + 1;
      const body = cell[2] ?? '';
      const raw = /<(?:[\w.-]+:)?v\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?v>/.exec(body)?.[1];
      const value = raw === undefined ? undefined : decodeXml(raw);
      let shown = '';
      switch (attributes.get('t')) {
        case 's':
          shown = value === undefined ? '' : (sharedStrings[Number(value)] ?? '');
          break;
        case 'inlineStr':
          shown = textOf([...body.matchAll(element('is'))][0]?.[2] ?? '');
          break;
        case 'str':
          shown = value ?? '';
          break;
        case 'b':
          shown = value === undefined ? '' : String(value === '1' || value === 'true');
          break;
        case 'e':
          shown = '';
          break;
        case 'd': {
          const date = new Date(value ?? '');
          shown = Number.isNaN(date.getTime()) ? (value ?? '') : date.toISOString();
          break;
        }
        default: {
          const number = value === undefined ? Number.NaN : Number.parseFloat(value);
          if (Number.isNaN(number)) shown = '';
          else shown = isDate[Number(attributes.get('s') ?? 0)] === true ? serialToIso(number, date1904) : String(number);
        }
      }
      while (cells.length < column - 1) cells.push('');
      cells[column - 1] = shown.trim();
    }
    if (cells.some((cell) => cell !== '')) rows.push({ line: rowNumber, cells });
  }
  return rows;
}

/**
 * The first worksheet of an `.xlsx` workbook as rows of cell text, each with its row number (the
 * "line" a person sees in Excel or WPS). Cell text is what a person sees: rich text joined, a
 * formula's last result, a date as ISO 8601. Blank rows are skipped, as in CSV.
 *
 * @throws ImportFileError (`unreadable`) when the bytes are not an xlsx workbook
 */
export async function readXlsxRows(bytes: Uint8Array): Promise<PositionalRow[]> {
  try {
    return await readFirstSheet(bytes);
  } catch (err) {
    throw new ImportFileError(
      'unreadable',
      `The file cannot be read as an .xlsx workbook (${(err as Error).message}). Older .xls files: save them as .xlsx or CSV UTF-8.`,
      `文件无法按 .xlsx 工作簿读取（${(err as Error).message}）。旧版 .xls 文件请另存为 .xlsx 或 CSV UTF-8。`,
    );
  }
}
