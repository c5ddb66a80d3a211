/**
 * The symbol after a Party document's number: the type ("BC" for a report) and the issuing body's
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
