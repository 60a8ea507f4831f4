import { COLUMNS, GROUP_LABELS, MODE_LABELS, type CellType, type ImportKind } from './columns.js';

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '同意', '对']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '不同意', '不']);

/** Chinese name → value, for the enum columns (`农民工` → `migrant_worker`). */
const byLabel = (labels: Readonly<Record<string, string>>) => new Map(Object.entries(labels).map(([value, zh]) => [zh, value]));
const GROUPS = byLabel(GROUP_LABELS);
const MODES = byLabel(MODE_LABELS);

const CELLS: Readonly<Record<ImportKind, ReadonlyMap<string, CellType>>> = {
  demand: new Map(COLUMNS.demand.map((c) => [c.field, c.cell])),
  learner: new Map(COLUMNS.learner.map((c) => [c.field, c.cell])),
  course: new Map(COLUMNS.course.map((c) => [c.field, c.cell])),
};

function coerce(cell: string, type: CellType): unknown {
  switch (type) {
    case 'list':
      return cell.split(/[;；]/).map((s) => s.trim()).filter(Boolean);
    case 'number':
    case 'integer': {
      // Spreadsheets write thousands separators and full-width digits; a bad number stays text so the schema names it.
      const n = Number(cell.replace(/[,，]/g, '').replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
      return Number.isFinite(n) && cell !== '' ? n : cell;
    }
    case 'boolean': {
      const v = cell.toLowerCase();
      return TRUE.has(v) ? true : FALSE.has(v) ? false : cell;
    }
    case 'level':
      return /^\d+$/.test(cell) ? Number(cell) : cell;
    case 'group':
      return GROUPS.get(cell) ?? cell;
    case 'groups':
      return cell.split(/[;；]/).map((s) => s.trim()).filter(Boolean).map((g) => GROUPS.get(g) ?? g);
    case 'contact': {
      const parts = cell.split(/[;；,，\s]+/).filter(Boolean);
      const email = parts.find((p) => p.includes('@'));
      const phone = parts.find((p) => !p.includes('@'));
      return { ...(phone ? { phone } : {}), ...(email ? { email } : {}) };
    }
    case 'json':
      try {
        return JSON.parse(cell) as unknown;
      } catch {
        // Left as text: the schema then names the field.
        return cell;
      }
    case 'mode':
      return MODES.get(cell) ?? cell.toLowerCase();
    case 'text':
      return cell;
  }
}

/**
 * Turns a spreadsheet row (all strings, keyed by field name) into the record shape:
 * `;`/`；`-separated lists, numbers, booleans (true/false, 是/否), Chinese names of groups and
 * course modes. Empty cells are left out, as if the field were not given. Browser-safe.
 */
export function csvRowToRecord(kind: ImportKind, row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (typeof value !== 'string' || value === '') continue;
    out[key] = coerce(value, CELLS[kind].get(key) ?? 'text');
  }
  return out;
}
