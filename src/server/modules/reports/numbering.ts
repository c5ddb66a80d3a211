/**
 * The symbol after a Party document's number: the type ("BC" for a report) and the issuing body's
 * abbreviation — "TU" for a province committee, "ĐU" for a Party committee, "CB" for a cell.
 */
export function bodyAbbreviation(unitKind: string): string {
  if (unitKind === 'province_committee') return 'TU';
  if (unitKind === 'cell' || unitKind === 'grassroots_cell') return 'CB';
  return 'ĐU';
}

export function numberSymbolOf(numberValue: number, unitKind: string, docType = 'BC'): string {
  return `${numberValue}-${docType}/${bodyAbbreviation(unitKind)}`;
}
