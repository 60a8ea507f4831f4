/**
 * A CSV row of demands as the API's JSON, by the same rules as the CLI importer
 * (shared/import/csv-fields.ts): `;`/`；` lists, numbers with thousands separators or full-width
 * digits, empty cells left out. Mirrored rather than imported because that module's types pull
 * the server's domain into the page build's typecheck; keep the two in step.
 */
type Cell = 'list' | 'number' | 'level' | 'text';

const DEMAND_FIELDS: Record<string, Cell> = {
  requiredSkills: 'list',
  preferredSkills: 'list',
  minLevel: 'level',
  headcount: 'number',
  salaryMin: 'number',
  salaryMax: 'number',
};

function coerce(cell: string, type: Cell): unknown {
  switch (type) {
    case 'list':
      return cell
        .split(/[;；]/)
        .map((s) => s.trim())
        .filter(Boolean);
    case 'number': {
      // A bad number stays text so the API names the field, rather than the page guessing.
      const n = Number(cell.replace(/[,，]/g, '').replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
      return Number.isFinite(n) ? n : cell;
    }
    case 'level':
      return /^\d+$/.test(cell) ? Number(cell) : cell;
    case 'text':
      return cell;
  }
}

export function demandRowToRecord(row: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === '') continue;
    out[key] = coerce(value, DEMAND_FIELDS[key] ?? 'text');
  }
  return out;
}
