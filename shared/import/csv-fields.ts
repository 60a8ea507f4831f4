import type { Kind } from '../domain/records.js';

/** How a CSV cell turns into the JSON the schemas validate. */
type Cell = 'list' | 'number' | 'integer' | 'boolean' | 'level' | 'text';

const FIELDS: Record<Kind, Record<string, Cell>> = {
  demand: { requiredSkills: 'list', preferredSkills: 'list', minLevel: 'level', headcount: 'integer', salaryMin: 'number', salaryMax: 'number', groupPreferences: 'list' },
  learner: { skills: 'list', certificates: 'list', groups: 'list', birthYear: 'integer', yearsExperience: 'number', prefersOnline: 'boolean', consentToShare: 'boolean' },
  course: { skillsTaught: 'list', level: 'level', hours: 'number', subsidyYuan: 'number', priceYuan: 'number', seats: 'integer' },
};

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '同意', '对']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '不同意', '不']);

function coerce(cell: string, type: Cell): unknown {
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
    case 'text':
      return cell;
  }
}

/**
 * Turns a CSV row (all strings) into the record shape: `;`/`；`-separated lists, numbers,
 * booleans (true/false, 是/否). Empty cells are left out, as if the field were not given.
 */
export function csvRowToRecord(kind: Kind, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (typeof value !== 'string' || value === '') continue;
    out[key] = coerce(value, FIELDS[kind][key] ?? 'text');
  }
  return out;
}
