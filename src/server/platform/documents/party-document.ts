import { AlignmentType, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, WidthType } from 'docx';

/** The look shared by every Party-format document the app writes (Hướng dẫn 36-HD/VPTW). */
export const FONT = 'Times New Roman';
export const BODY_SIZE = 28; // half-points: 14 pt, the Party's body size
export const HEADER_SIZE = 26;

export function run(text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text, font: FONT, size: options.size ?? BODY_SIZE, bold: options.bold, italics: options.italics });
}

export function centered(children: TextRun[], spacingAfter = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter }, children });
}

/** "Khánh Hòa, ngày 20 tháng 01 năm 2026": two-digit day and month under 10, as the rules ask. */
export function placeAndDate(place: string | null, isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  const date = `ngày ${day} tháng ${month} năm ${year}`;
  return place ? `${place}, ${date}` : date;
}

/**
 * The name of the place of a Party committee: the province or commune its name ends with
 * ("Tỉnh ủy Khánh Hòa" → "Khánh Hòa", "Đảng ủy phường Nha Trang" → "Nha Trang").
 */
export function placeOf(unitName: string): string | null {
  const match = /^(?:Tỉnh ủy|Thành ủy|Đảng ủy (?:xã|phường|đặc khu))\s+(.+)$/u.exec(unitName.trim());
  return match ? match[1]! : null;
}

/** The Party organisation a committee leads, as the line above its name ("Tỉnh ủy Khánh Hòa" → "Đảng bộ tỉnh Khánh Hòa"). */
export function partyOrganisationOf(committeeName: string): string {
  return committeeName
    .trim()
    .replace(/^Tỉnh ủy /u, 'Đảng bộ tỉnh ')
    .replace(/^Thành ủy /u, 'Đảng bộ thành phố ')
    .replace(/^Đảng ủy /u, 'Đảng bộ ');
}

/**
 * The heading of a Party document: the issuing body top left with a "*" under it (and its number,
 * when it has one), "ĐẢNG CỘNG SẢN VIỆT NAM" top right with the place and date in italics.
 */
export function partyHeader(input: { parentName: string | null; unitName: string; numberLine: string | null; place: string | null; date: string }): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 45, type: WidthType.PERCENTAGE },
            children: [
              ...(input.parentName ? [centered([run(input.parentName.toUpperCase(), { size: HEADER_SIZE })])] : []),
              centered([run(input.unitName.toUpperCase(), { bold: true, size: HEADER_SIZE })]),
              centered([run('*', { size: HEADER_SIZE })]),
              ...(input.numberLine ? [centered([run(input.numberLine, { size: HEADER_SIZE })])] : []),
            ],
          }),
          new TableCell({
            width: { size: 55, type: WidthType.PERCENTAGE },
            children: [
              centered([run('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, size: 30 })], 240),
              centered([run(placeAndDate(input.place, input.date), { italics: true })]),
            ],
          }),
        ],
      }),
    ],
  });
}
