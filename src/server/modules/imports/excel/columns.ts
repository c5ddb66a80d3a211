import {
  PERSON_CATEGORY_LABELS,
  POSITION_LABELS,
  SEX_LABELS,
  UNIT_KIND_LABELS,
  type PersonCategory,
  type Position,
  type Sex,
  type UnitKind,
} from '../../../../shared/contracts/domain';
import { foldVietnamese } from '../../../../shared/text';

export type UnitImportRow = {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  validFrom: string | null;
};

export type PersonImportRow = {
  fullName: string;
  sex: Sex;
  birthDate: string | null;
  category: PersonCategory;
  cardNumber: string | null;
  idNumber: string | null;
  admissionDate: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  unitCode: string;
  position: Position;
  isHead: boolean;
  fromDate: string | null;
};

export type UnitExportRow = UnitImportRow & { parentName: string | null; validTo: string | null; status: string };
export type PersonExportRow = PersonImportRow & { unitName: string };

/** How a column is written: dates as real Excel dates, identifiers as text so leading zeros survive. */
export type ColumnFormat = 'text' | 'code' | 'date' | 'flag';

export type ColumnDef<K extends string> = {
  key: K;
  header: string;
  width: number;
  required: boolean;
  example: string;
  format: ColumnFormat;
  /** How to fill the column, shown on the "Hướng dẫn" sheet. */
  hint: string;
  /** Accepted labels, for enumerated columns. */
  values?: readonly string[];
  /** Personal data, left out of exports made without the right to see it. */
  personal?: boolean;
};

const DATE_HINT = 'Ngày theo dạng dd/mm/yyyy, ví dụ 05/09/1985.';

export const UNIT_COLUMNS: readonly ColumnDef<keyof UnitImportRow>[] = [
  {
    key: 'code',
    header: 'Mã đơn vị',
    width: 16,
    required: true,
    example: 'CB01',
    format: 'code',
    hint: 'Mã duy nhất của đơn vị, tối đa 50 ký tự.',
  },
  {
    key: 'name',
    header: 'Tên đơn vị',
    width: 40,
    required: true,
    example: 'Chi bộ Văn phòng',
    format: 'text',
    hint: 'Tên đầy đủ của đơn vị.',
  },
  {
    key: 'kind',
    header: 'Loại đơn vị',
    width: 30,
    required: true,
    example: UNIT_KIND_LABELS.cell,
    format: 'text',
    hint: 'Một trong các giá trị được liệt kê.',
    values: Object.values(UNIT_KIND_LABELS),
  },
  {
    key: 'parentCode',
    header: 'Mã đơn vị cấp trên',
    width: 20,
    required: false,
    example: 'DB01',
    format: 'code',
    hint: 'Mã của đơn vị cấp trên; để trống nếu là đơn vị cao nhất.',
  },
  { key: 'validFrom', header: 'Ngày thành lập', width: 16, required: false, example: '03/02/2020', format: 'date', hint: DATE_HINT },
];

/** Columns only written by exports; the reader ignores them. */
export const UNIT_EXPORT_COLUMNS = {
  parentName: { header: 'Tên đơn vị cấp trên', width: 40 },
  validTo: { header: 'Ngày kết thúc', width: 16 },
  status: { header: 'Trạng thái', width: 16 },
} as const;

export const PERSON_COLUMNS: readonly ColumnDef<keyof PersonImportRow>[] = [
  {
    key: 'fullName',
    header: 'Họ và tên',
    width: 28,
    required: true,
    example: 'Nguyễn Thị Hồng Nhung',
    format: 'text',
    hint: 'Họ và tên đầy đủ, có dấu.',
  },
  {
    key: 'sex',
    header: 'Giới tính',
    width: 10,
    required: true,
    example: SEX_LABELS.female,
    format: 'text',
    hint: 'Nam hoặc Nữ.',
    values: Object.values(SEX_LABELS),
  },
  {
    key: 'birthDate',
    header: 'Ngày sinh',
    width: 13,
    required: false,
    example: '15/08/1985',
    format: 'date',
    hint: DATE_HINT,
    personal: true,
  },
  {
    key: 'category',
    header: 'Đối tượng',
    width: 20,
    required: true,
    example: PERSON_CATEGORY_LABELS.party_member,
    format: 'text',
    hint: 'Một trong các giá trị được liệt kê.',
    values: Object.values(PERSON_CATEGORY_LABELS),
  },
  {
    key: 'cardNumber',
    header: 'Số thẻ đảng viên',
    width: 18,
    required: false,
    example: '012345',
    format: 'code',
    hint: 'Từ 6 đến 12 chữ số. Cần Số thẻ đảng viên hoặc Số CCCD.',
    personal: true,
  },
  {
    key: 'idNumber',
    header: 'Số CCCD',
    width: 16,
    required: false,
    example: '001085012345',
    format: 'code',
    hint: 'Đúng 12 chữ số. Cần Số thẻ đảng viên hoặc Số CCCD.',
    personal: true,
  },
  { key: 'admissionDate', header: 'Ngày vào Đảng', width: 15, required: false, example: '19/05/2010', format: 'date', hint: DATE_HINT },
  {
    key: 'phone',
    header: 'Điện thoại',
    width: 15,
    required: false,
    example: '0912 345 678',
    format: 'code',
    hint: 'Từ 8 đến 15 chữ số; được dùng dấu + và khoảng trắng.',
    personal: true,
  },
  {
    key: 'email',
    header: 'Email',
    width: 26,
    required: false,
    example: 'nhung.nt@example.vn',
    format: 'text',
    hint: 'Địa chỉ thư điện tử.',
    personal: true,
  },
  {
    key: 'address',
    header: 'Địa chỉ',
    width: 36,
    required: false,
    example: 'Số 12 phố Hàng Bài, phường Hoàn Kiếm, Hà Nội',
    format: 'text',
    hint: 'Nơi ở hiện nay.',
    personal: true,
  },
  {
    key: 'unitCode',
    header: 'Mã đơn vị',
    width: 14,
    required: true,
    example: 'CB01',
    format: 'code',
    hint: 'Mã đơn vị nơi người này sinh hoạt (xem danh sách đơn vị).',
  },
  {
    key: 'position',
    header: 'Chức vụ',
    width: 20,
    required: false,
    example: POSITION_LABELS.party_member,
    format: 'text',
    hint: 'Để trống: "Đảng viên" nếu Đối tượng là Đảng viên, ngược lại "Cán bộ, nhân viên".',
    values: Object.values(POSITION_LABELS),
  },
  {
    key: 'isHead',
    header: 'Người đứng đầu',
    width: 15,
    required: false,
    example: 'x',
    format: 'flag',
    hint: 'Nhập "x" nếu là người đứng đầu đơn vị; để trống nếu không.',
  },
  {
    key: 'fromDate',
    header: 'Từ ngày',
    width: 13,
    required: false,
    example: '01/01/2024',
    format: 'date',
    hint: 'Ngày bắt đầu sinh hoạt tại đơn vị, dạng dd/mm/yyyy.',
  },
];

/** Columns only written by exports; the reader ignores them. Placed right after "Mã đơn vị". */
export const PERSON_EXPORT_COLUMNS = {
  unitName: { header: 'Tên đơn vị', width: 36 },
} as const;

/** Matches headers and enumerated values typed with or without diacritics, in any case. */
export function foldKey(text: string): string {
  return foldVietnamese(text);
}

/** Lookup from a folded label or code to the code, so "Chi bo truc thuoc" and "cell" both work. */
function lookup<T extends string>(labels: Record<T, string>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    map.set(foldKey(label), code);
    map.set(foldKey(code), code);
  }
  return map;
}

export const UNIT_KIND_LOOKUP = lookup(UNIT_KIND_LABELS);
export const PERSON_CATEGORY_LOOKUP = lookup(PERSON_CATEGORY_LABELS);
export const POSITION_LOOKUP = lookup(POSITION_LABELS);
export const SEX_LOOKUP = lookup(SEX_LABELS);
