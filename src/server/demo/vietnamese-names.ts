/**
 * Vietnamese personal and place names for demo data, with full diacritics (NFC, modern tone
 * placement such as "Hòa", "Thủy"). Family-name weights follow the commonly cited shares of the
 * Vietnamese population, so a demo list "looks right" to a Vietnamese reader (Nguyễn about 38%).
 */
import type { Sex } from '../../shared/contracts/domain';
import { foldVietnamese } from '../../shared/text';
import { Random, WeightedPicker } from './random';

/** A name part with its ASCII form, folded once here so e-mail addresses cost nothing later. */
type Part = { readonly text: string; readonly ascii: string };

function parts(entries: readonly (readonly [string, number])[]): WeightedPicker<Part> {
  return new WeightedPicker(entries.map(([text, weight]) => [{ text, ascii: foldVietnamese(text).replace(/\s+/g, '') }, weight] as const));
}

function even(words: string): (readonly [string, number])[] {
  return words.split(/\s*,\s*/).map((word) => [word, 1] as const);
}

/** Shares in percent; the long tail of rarer family names shares what is left. */
export const FAMILY_NAME_WEIGHTS: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38.4],
  ['Trần', 11.0],
  ['Lê', 9.5],
  ['Phạm', 7.0],
  ['Hoàng', 3.0],
  ['Huỳnh', 2.1],
  ['Phan', 4.5],
  ['Vũ', 2.2],
  ['Võ', 1.7],
  ['Đặng', 2.1],
  ['Bùi', 2.0],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1.0],
  ['Lý', 0.5],
  ['Đinh', 0.9],
  ['Trương', 0.9],
  ['Đoàn', 0.7],
  ['Lương', 0.6],
  ['Mai', 0.6],
  ['Trịnh', 0.6],
  ['Lâm', 0.5],
  ['Cao', 0.5],
  ['Đào', 0.5],
  ['Hà', 0.5],
  ['Tạ', 0.3],
  ['Lưu', 0.3],
  ['Châu', 0.3],
  ['Tô', 0.3],
  ['Chu', 0.2],
  ['Thái', 0.2],
  ['Kiều', 0.2],
  ['La', 0.2],
  ['Phùng', 0.2],
  ['Triệu', 0.2],
  ['Quách', 0.2],
  ['Vương', 0.2],
  ['Nông', 0.2],
  ['Tăng', 0.1],
  ['Từ', 0.1],
  ['Lục', 0.1],
  ['Khúc', 0.1],
  ['Âu', 0.1],
  ['Doãn', 0.1],
  ['Giang', 0.1],
  ['Hứa', 0.1],
  ['Lã', 0.1],
  ['Mạc', 0.1],
  ['Ninh', 0.1],
  ['Thân', 0.1],
  ['Tống', 0.1],
  ['Ông', 0.1],
];

const FAMILY = parts(FAMILY_NAME_WEIGHTS);

// Middle names shifted over the decades: "Văn" and "Thị" dominate older generations.
const MALE_MIDDLE_OLDER = parts([
  ['Văn', 45],
  ['Đức', 8],
  ['Minh', 6],
  ['Hữu', 6],
  ['Quang', 5],
  ['Thanh', 5],
  ['Công', 5],
  ['Xuân', 4],
  ['Ngọc', 4],
  ['Đình', 4],
  ['Hoàng', 3],
  ['Quốc', 3],
  ['Trọng', 3],
  ['Bá', 2],
  ['Duy', 2],
  ['Anh', 2],
  ['Tấn', 2],
  ['Thế', 2],
  ['Viết', 1],
  ['Mạnh', 1],
  ['Kim', 1],
  ['Trung', 1],
]);
const MALE_MIDDLE_YOUNGER = parts([
  ['Văn', 20],
  ['Minh', 10],
  ['Đức', 8],
  ['Quang', 6],
  ['Hoàng', 5],
  ['Quốc', 5],
  ['Thanh', 5],
  ['Anh', 5],
  ['Tuấn', 4],
  ['Gia', 4],
  ['Hữu', 4],
  ['Công', 4],
  ['Duy', 4],
  ['Trọng', 3],
  ['Ngọc', 3],
  ['Xuân', 3],
  ['Tấn', 3],
  ['Nhật', 3],
  ['Bảo', 3],
  ['Thành', 2],
  ['Đăng', 2],
  ['Trung', 2],
]);
const FEMALE_MIDDLE_OLDER = parts([
  ['Thị', 65],
  ['Ngọc', 5],
  ['Thu', 5],
  ['Thanh', 5],
  ['Kim', 4],
  ['Hồng', 4],
  ['Minh', 3],
  ['Bích', 3],
  ['Mỹ', 2],
  ['Thúy', 2],
  ['Xuân', 2],
  ['Lệ', 1],
]);
const FEMALE_MIDDLE_YOUNGER = parts([
  ['Thị', 35],
  ['Ngọc', 8],
  ['Thu', 7],
  ['Thanh', 6],
  ['Minh', 5],
  ['Thùy', 5],
  ['Phương', 4],
  ['Mỹ', 4],
  ['Khánh', 4],
  ['Hoài', 3],
  ['Kim', 3],
  ['Diệu', 3],
  ['Bảo', 3],
  ['Hồng', 3],
  ['Hải', 3],
  ['Quỳnh', 3],
  ['Mai', 3],
  ['Tường', 1],
  ['Cẩm', 1],
]);
/** Second middle name after "Thị", as in "Nguyễn Thị Thu Hà". */
const FEMALE_SECOND_MIDDLE = parts(
  even('Thu, Thanh, Ngọc, Minh, Kim, Hồng, Mỹ, Bích, Thúy, Hoài, Phương, Diệu, Kiều, Tuyết, Lan, Mai, Thảo, Hải'),
);

const MALE_GIVEN = parts(
  even(
    'An, Anh, Bảo, Bình, Cường, Chiến, Công, Dũng, Duy, Dương, Đạt, Đông, Đức, Giang, Hải, Hào, Hậu, Hiếu, ' +
      'Hiển, Hiệp, Hòa, Hoàng, Hùng, Huy, Hưng, Khải, Khang, Khánh, Khoa, Kiên, Lâm, Lộc, Long, Lợi, Luân, ' +
      'Mạnh, Minh, Nam, Nghĩa, Ngọc, Nhân, Nhật, Phát, Phong, Phúc, Phước, Phương, Quân, Quang, Quý, Quyết, ' +
      'Sang, Sơn, Tài, Tâm, Tân, Thắng, Thanh, Thành, Thái, Thịnh, Thiện, Thông, Thuận, Tiến, Toàn, Trí, ' +
      'Trọng, Trung, Trường, Tú, Tuấn, Tùng, Vinh, Việt, Vũ, Vương, Hạnh, Khôi, Định, Lực, Triều, Hoan',
  ),
);
const FEMALE_GIVEN = parts(
  even(
    'An, Anh, Ánh, Bích, Châu, Chi, Diệp, Dung, Duyên, Dương, Giang, Hà, Hạnh, Hằng, Hiền, Hoa, Hồng, Huệ, ' +
      'Hương, Hường, Huyền, Khánh, Lan, Liên, Linh, Loan, Ly, Mai, My, Nga, Ngân, Ngọc, Nguyệt, Nhàn, Nhi, ' +
      'Nhung, Oanh, Phượng, Phương, Quyên, Quỳnh, Sương, Tâm, Thảo, Thanh, Thắm, Thơ, Thu, Thủy, Thúy, Thư, ' +
      'Thương, Trang, Trâm, Trinh, Tuyết, Uyên, Vân, Vy, Xuân, Yến, Lệ, Hải, Đào, Hậu, Lý, Mến, Hoài, Diễm',
  ),
);

export type PersonName = {
  fullName: string;
  /** ASCII letters of the whole name, e.g. "nguyenthithuha", for e-mail addresses; "" unless asked for. */
  ascii: string;
};

/** A plausible full name; the birth year shifts the middle-name fashion. */
export function randomPersonName(rng: Random, sex: Sex, birthYear: number, withAscii = false): PersonName {
  const older = birthYear < 1980;
  const family = FAMILY.pick(rng);
  if (sex === 'male') {
    const middle = (older ? MALE_MIDDLE_OLDER : MALE_MIDDLE_YOUNGER).pick(rng);
    const given = MALE_GIVEN.pick(rng);
    return { fullName: `${family.text} ${middle.text} ${given.text}`, ascii: withAscii ? family.ascii + middle.ascii + given.ascii : '' };
  }
  const middle = (older ? FEMALE_MIDDLE_OLDER : FEMALE_MIDDLE_YOUNGER).pick(rng);
  const given = FEMALE_GIVEN.pick(rng);
  if (middle.text === 'Thị' && rng.chance(0.35)) {
    const second = FEMALE_SECOND_MIDDLE.pick(rng);
    if (second.text !== given.text) {
      return {
        fullName: `${family.text} Thị ${second.text} ${given.text}`,
        ascii: withAscii ? `${family.ascii}thi${second.ascii}${given.ascii}` : '',
      };
    }
  }
  return { fullName: `${family.text} ${middle.text} ${given.text}`, ascii: withAscii ? family.ascii + middle.ascii + given.ascii : '' };
}

// ——— Places ———

/** Hán-Việt syllables that make up most village names in the lowlands ("Phú Lộc", "Tân Hòa"). */
const VILLAGE_FIRST = (
  'Phú, Tân, Vĩnh, Mỹ, Phước, An, Hòa, Xuân, Thạnh, Long, Đông, Tây, Bình, Thuận, Hiệp, Thanh, Lộc, ' +
  'Trung, Hội, Văn, Cẩm, Ninh, Đại, Hưng, Quảng, Kim, Diên, Khánh, Lương, Phong'
).split(', ');
const VILLAGE_SECOND = (
  'Lộc, Phú, Thọ, Hòa, Bình, Lợi, Thành, An, Hưng, Xuân, Mỹ, Sơn, Hải, Đông, Thạnh, Trung, Điền, Khánh, ' +
  'Hiệp, Tiến, Phước, Quý, Thủy, Lạc, Ninh, Tân, Cát, Đức, Nghĩa, Hội'
).split(', ');
/** Tày–Thái syllables for villages (bản) of the northern mountains ("Nà Phặc", "Huổi Lay"). */
const HIGHLAND_FIRST = 'Nà, Pá, Huổi, Co, Phiêng, Nậm, Khau, Bó, Lũng, Tà, Pác, Khuổi'.split(', ');
const HIGHLAND_SECOND = 'Mòn, Lanh, Pục, Cang, Sảng, Hán, Lay, Mạ, Khoang, Chè, Phặc, Luông, Nưa, Tát'.split(', ');

export const STREET_NAMES: readonly string[] = (
  'Trần Phú, Lê Thánh Tôn, Yersin, Pasteur, Hùng Vương, Quang Trung, Lê Lợi, Thống Nhất, Hai Bà Trưng, ' +
  'Trần Hưng Đạo, Võ Thị Sáu, Lý Tự Trọng, Nguyễn Trãi, 2 Tháng 4, 23 Tháng 10, Nguyễn Thị Minh Khai, ' +
  'Lê Hồng Phong, Phan Bội Châu, Nguyễn Huệ, Lý Thường Kiệt, Hoàng Văn Thụ, Nguyễn Văn Cừ, Điện Biên Phủ, ' +
  'Tôn Đức Thắng, Phạm Văn Đồng, Võ Nguyên Giáp, Nguyễn Chí Thanh, Lạc Long Quân, Âu Cơ, Trường Chinh, ' +
  'Lê Duẩn, Nguyễn Văn Linh, Hoàng Diệu, Ngô Gia Tự, Bạch Đằng, Chi Lăng, Cách Mạng Tháng Tám, 3 Tháng 2'
).split(', ');

/** Names of historical figures, used for schools ("Trường THPT Lý Tự Trọng"). */
export const SCHOOL_PATRONS: readonly string[] = (
  'Lý Tự Trọng, Nguyễn Văn Trỗi, Hoàng Văn Thụ, Trần Hưng Đạo, Lê Quý Đôn, Nguyễn Trãi, Phan Bội Châu, ' +
  'Trần Phú, Nguyễn Du, Lê Lợi, Quang Trung, Chu Văn An, Võ Thị Sáu, Lương Thế Vinh, Nguyễn Bỉnh Khiêm, ' +
  'Phan Chu Trinh, Tôn Đức Thắng, Huỳnh Thúc Kháng, Hùng Vương, Lý Thường Kiệt, Trần Quốc Toản, Kim Đồng, ' +
  'Nguyễn Thị Minh Khai, Lê Hồng Phong, Ngô Gia Tự, Trần Cao Vân, Nguyễn Đình Chiểu, Phan Đình Phùng, ' +
  'Mạc Đĩnh Chi, Trưng Vương, Nguyễn Khuyến, Tô Hiệu, Bế Văn Đàn, Phạm Ngũ Lão, Lê Văn Tám, Nguyễn Hiền'
).split(', ');

/**
 * How residential areas are called differs by region: tổ dân phố / khu phố in wards, thôn in most
 * communes, ấp in the South, bản in the northern mountains, buôn and làng in the Central Highlands.
 */
export type SettlementStyle = 'default' | 'south' | 'north_mountain' | 'central_highlands';

const SOUTH = new Set(['75', '79', '80', '82', '86', '91', '92', '96']);
const NORTH_MOUNTAIN = new Set(['04', '08', '11', '12', '14', '15', '20']);
const CENTRAL_HIGHLANDS = new Set(['52', '66', '68']);

export function settlementStyle(provinceCode: string): SettlementStyle {
  if (SOUTH.has(provinceCode)) return 'south';
  if (NORTH_MOUNTAIN.has(provinceCode)) return 'north_mountain';
  if (CENTRAL_HIGHLANDS.has(provinceCode)) return 'central_highlands';
  return 'default';
}

export type CommuneLevel = 'Xã' | 'Phường' | 'Đặc khu';

/** A random rural place name with its prefix, e.g. "Thôn Phú Lộc", "Ấp Tân Hòa", "Bản Nà Phặc". */
export function randomVillageName(rng: Random, style: SettlementStyle = 'default'): string {
  if (style === 'north_mountain' && rng.chance(0.6)) {
    return `Bản ${rng.pick(HIGHLAND_FIRST)} ${rng.pick(HIGHLAND_SECOND)}`;
  }
  let first = rng.pick(VILLAGE_FIRST);
  let second = rng.pick(VILLAGE_SECOND);
  if (first === second) second = rng.pick(VILLAGE_SECOND.filter((s) => s !== first));
  if (first === second) first = 'Tân';
  const prefix = style === 'south' ? 'Ấp' : style === 'central_highlands' ? rng.pick(['Thôn', 'Thôn', 'Buôn', 'Làng']) : 'Thôn';
  return `${prefix} ${first} ${second}`;
}

/**
 * `count` distinct residential areas of one commune: numbered "Tổ dân phố n" / "Khu phố n" in wards,
 * named villages elsewhere (a repeated name gets a number, as real communes do after mergers).
 */
export function residentialAreas(rng: Random, level: CommuneLevel, style: SettlementStyle, count: number): string[] {
  if (level === 'Phường') {
    const prefix = style === 'south' ? 'Khu phố' : 'Tổ dân phố';
    return Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`);
  }
  const seen = new Set<string>();
  const names: string[] = [];
  while (names.length < count) {
    let name = randomVillageName(rng, style);
    for (let attempt = 0; seen.has(name) && attempt < 8; attempt++) name = randomVillageName(rng, style);
    for (let n = 2; seen.has(name); n++) name = `${name.replace(/ \d+$/, '')} ${n}`;
    seen.add(name);
    names.push(name);
  }
  return names;
}

/** "Thôn Phú Lộc" → "thôn Phú Lộc", for use inside a unit name ("Chi bộ thôn Phú Lộc"). */
export function lowerFirstWord(name: string): string {
  return /^(Tổ|Khu) /.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * A postal-style address inside one residential area: a house on a street for urban areas,
 * just the village for rural ones, then the commune and province in lower-case administrative words.
 */
export function randomAddress(rng: Random, area: string, communeText: string, provinceText: string): string {
  if (/^(Tổ dân phố|Khu phố)/.test(area)) {
    return `Số ${rng.int(1, 250)} đường ${rng.pick(STREET_NAMES)}, ${area}, ${communeText}, ${provinceText}`;
  }
  return `${area}, ${communeText}, ${provinceText}`;
}
