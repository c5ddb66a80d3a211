/**
 * The unit's register book ("sổ đăng ký học tập và làm theo") as an Excel file: the template lists
 * the unit's members of the year, one row each, for the secretary to copy the paper book into; a
 * registrant with several actions takes several rows, the later ones with the first three columns
 * left empty. The first row is the unit's own (collective) registration.
 */
import { ACTION_AREA_LABELS, type ACTION_AREAS } from '../../../shared/contracts/registration-status';
import { cellText, parseChoice, parseDate, parseText } from '../imports/excel/cells';
import { foldKey, type ColumnDef } from '../imports/excel/columns';
import { readImportTable, type ParsedSheet } from '../imports/excel/read';
import type { RowParser } from '../imports/excel/rows';
import { writeImportTemplate } from '../imports/excel/write';

export const BOOK_SHEET = 'Sổ đăng ký';
/** What the "Mã số" column holds for the unit's own registration. */
export const COLLECTIVE_MARK = 'Tập thể';

type Area = (typeof ACTION_AREAS)[number];
type BookKey = 'code' | 'fullName' | 'cardNumber' | 'shortcomings' | 'area' | 'content' | 'measurableResult' | 'deadline';

export const BOOK_COLUMNS: readonly ColumnDef<BookKey>[] = [
  {
    key: 'code',
    header: 'Mã số',
    width: 10,
    required: true,
    example: '1024',
    format: 'code',
    hint: `Mã của người trong hệ thống, giữ nguyên như tệp mẫu; "${COLLECTIVE_MARK}" cho bản đăng ký của đơn vị. Để trống ở các dòng việc làm tiếp theo của cùng người đó.`,
  },
  {
    key: 'fullName',
    header: 'Họ và tên',
    width: 28,
    required: false,
    example: 'Nguyễn Thị Lan',
    format: 'text',
    hint: 'Để đối chiếu khi nhập; người được nhận ra theo Mã số hoặc Số thẻ đảng viên.',
  },
  {
    key: 'cardNumber',
    header: 'Số thẻ đảng viên',
    width: 16,
    required: false,
    example: '01234567',
    format: 'code',
    hint: 'Dùng khi không có Mã số.',
  },
  {
    key: 'shortcomings',
    header: 'Hạn chế, khuyết điểm cần khắc phục',
    width: 40,
    required: false,
    example: 'Còn ngại phát biểu trong sinh hoạt chi bộ',
    format: 'text',
    hint: 'Bắt buộc với bản đăng ký cá nhân; ghi ở dòng đầu của người đó.',
  },
  {
    key: 'area',
    header: 'Lĩnh vực',
    width: 14,
    required: true,
    example: 'Đạo đức',
    format: 'text',
    hint: 'Lĩnh vực của việc làm.',
    values: Object.values(ACTION_AREA_LABELS),
  },
  {
    key: 'content',
    header: 'Việc làm cụ thể',
    width: 48,
    required: true,
    example: 'Đến cơ quan đúng giờ, không dùng điện thoại việc riêng trong giờ họp',
    format: 'text',
    hint: 'Mỗi việc làm một dòng; người không đăng ký thì để trống.',
  },
  {
    key: 'measurableResult',
    header: 'Kết quả cần đạt',
    width: 32,
    required: false,
    example: '100% buổi họp',
    format: 'text',
    hint: 'Kết quả đo được khi đánh giá cuối năm.',
  },
  {
    key: 'deadline',
    header: 'Thời hạn',
    width: 14,
    required: false,
    example: '31/12/2025',
    format: 'date',
    hint: 'Ngày theo dạng dd/mm/yyyy.',
  },
];

const AREA_LOOKUP = new Map<string, Area>(
  (Object.entries(ACTION_AREA_LABELS) as Array<[Area, string]>).map(([area, label]) => [foldKey(label), area]),
);
const AREA_LABELS = Object.values(ACTION_AREA_LABELS);

/** Who a row starts the registration of; absent on the later rows of the same registrant. */
export type BookRegistrant = { kind: 'collective' } | { kind: 'person'; personId: number | null; cardNumber: string | null };
export type BookAction = { area: Area; content: string; measurableResult: string; deadline: string | null };
export type BookRow = { registrant: BookRegistrant | null; fullName: string; shortcomings: string | null; action: BookAction | null };

const header = (key: BookKey) => BOOK_COLUMNS.find((column) => column.key === key)!.header;

function createBookParser(context: { date1904: boolean }): RowParser<BookKey, BookRow> {
  return (cells, report) => {
    const code = cellText(cells.get('code'));
    const card = cellText(cells.get('cardNumber')).replace(/\s+/g, '');
    let registrant: BookRegistrant | null = null;
    if (foldKey(code) === foldKey(COLLECTIVE_MARK)) registrant = { kind: 'collective' };
    else if (code !== '' && !/^\d{1,12}$/.test(code))
      report(header('code'), `Mã số "${code}" không hợp lệ: giữ nguyên như tệp mẫu, hoặc "${COLLECTIVE_MARK}"`);
    else if (code !== '' || card !== '')
      registrant = { kind: 'person', personId: code === '' ? null : Number(code), cardNumber: card || null };

    const text = (key: BookKey, max: number) => {
      const parsed = parseText(header(key), cells.get(key), max);
      if (!parsed.ok) report(header(key), parsed.message);
      return parsed.ok ? parsed.value : null;
    };
    const shortcomings = text('shortcomings', 3000);
    const content = text('content', 1000);
    const measurableResult = text('measurableResult', 1000);
    const areaParsed = parseChoice(header('area'), cells.get('area'), AREA_LOOKUP, AREA_LABELS);
    if (!areaParsed.ok) report(header('area'), areaParsed.message);
    const deadlineParsed = parseDate(header('deadline'), cells.get('deadline'), context.date1904);
    if (!deadlineParsed.ok) report(header('deadline'), deadlineParsed.message);

    let action: BookAction | null = null;
    if (content) {
      const area = areaParsed.ok ? areaParsed.value : null;
      if (areaParsed.ok && !area) report(header('area'), `Chưa nhập ${header('area')} của việc làm: ${AREA_LABELS.join(', ')}`);
      if (area)
        action = { area, content, measurableResult: measurableResult ?? '', deadline: deadlineParsed.ok ? deadlineParsed.value : null };
    } else if (shortcomings || measurableResult || (areaParsed.ok && areaParsed.value)) {
      report(header('content'), `Chưa nhập ${header('content')} cho dòng này`);
    } else if (registrant === null) {
      // A row with nothing to register on it (a blank line between two registrants).
      return null;
    }
    return { registrant, fullName: cellText(cells.get('fullName')), shortcomings, action };
  };
}

export function readRegisterBook(buffer: Buffer): Promise<ParsedSheet<BookRow>> {
  return readImportTable(buffer, BOOK_COLUMNS, createBookParser, {});
}

/** The template: the collective row, then every member of the year with their id, name and card number. */
export function writeRegisterBookTemplate(
  unitName: string,
  members: ReadonlyArray<{ personId: number; fullName: string; cardNumber: string | null }>,
): Promise<Buffer> {
  return writeImportTemplate(BOOK_SHEET, BOOK_COLUMNS, [
    { code: COLLECTIVE_MARK, fullName: `Tập thể ${unitName}` },
    ...members.map((member) => ({ code: String(member.personId), fullName: member.fullName, cardNumber: member.cardNumber })),
  ]);
}
