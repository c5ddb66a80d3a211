import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';

/**
 * The symbol after a Party document's number: the type ("BC" for a report, "QĐ" for a decision) and the issuing body's
 * abbreviation — "TU" for a province committee, "ĐU" for a Party committee, "CB" for a cell.
 */
export function bodyAbbreviation(unitKind: string, unitName = ''): string {
  if (unitKind === 'province_committee') return 'TU';
  // Before 1/7/2025: "HU" for a huyện ủy, "TU" for a thị ủy or a thành ủy thuộc tỉnh.
  if (unitKind === 'district_committee') return /^(thị|thành) ủy/i.test(unitName) ? 'TU' : 'HU';
  if (unitKind === 'cell' || unitKind === 'grassroots_cell') return 'CB';
  return 'ĐU';
}

export function numberSymbolOf(numberValue: number, unitKind: string, docType = 'BC', unitName = ''): string {
  return `${numberValue}-${docType}/${bodyAbbreviation(unitKind, unitName)}`;
}

/** The next number of a unit's series of one document type for a year (each series restarts yearly). */
export async function nextDocumentNumber(executor: Executor, unitId: number, docType: string, year: number): Promise<number> {
  const rows = await executor.execute<{ last_number: number }>(sql`
    INSERT INTO document_number_counters (unit_id, doc_type, year, last_number) VALUES (${unitId}, ${docType}, ${year}, 1)
    ON CONFLICT (unit_id, doc_type, year) DO UPDATE SET last_number = document_number_counters.last_number + 1
    RETURNING last_number`);
  return Number(rows.rows[0]!.last_number);
}
