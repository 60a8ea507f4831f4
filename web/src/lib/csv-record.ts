/**
 * A CSV row of demands as the API's JSON: the server's import rules (shared/import/csv-fields.ts),
 * imported rather than copied, so the page and the CLI read a cell the same way.
 */
import { csvRowToRecord } from '../../../shared/import/csv-fields.js';

export function demandRowToRecord(row: Readonly<Record<string, string>>): Record<string, unknown> {
  return csvRowToRecord('demand', row);
}
