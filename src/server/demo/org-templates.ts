/**
 * Names of the organisations found under a commune or a provincial bloc committee, as they are
 * usually written in Party documents, and the staffing profile each kind of organisation implies.
 */
import type { AgeBias } from './people';

/** A Party organisation that may be a đảng bộ with cells or, when small, a single chi bộ. */
export type OrgTemplate = {
  /** Name without the "Đảng bộ"/"Chi bộ" prefix, e.g. "Sở Giáo dục và Đào tạo". */
  body: string;
  /** Relative size, used to share a budget of units between organisations. */
  weight: number;
  /** Names of its cells, in the order they are created. */
  cells: readonly string[];
  /** Cell name for the n-th cell once `cells` is used up; "{n}" is replaced by the number. */
  more: string;
};

const OFFICE_CELLS = ['Chi bộ Văn phòng', 'Chi bộ Phòng Tổng hợp', 'Chi bộ Phòng Nghiệp vụ'];

function org(body: string, weight: number, cells: readonly string[] = OFFICE_CELLS, more = 'Chi bộ Phòng Nghiệp vụ {n}'): OrgTemplate {
  return { body, weight, cells, more };
}

/** How a province is named in its organisations' names. */
export type ProvinceWords = {
  /** "Khánh Hòa" */
  name: string;
  /** "tỉnh" or "thành phố" */
  level: string;
  /** "tỉnh Khánh Hòa" or "thành phố Hà Nội" */
  phrase: string;
  /** "Tỉnh ủy" or "Thành ủy" */
  committee: string;
};

/** Under "Đảng ủy các cơ quan Đảng tỉnh" (since 2025, the mass organisations sit with the Front). */
export function partyBodies(province: ProvinceWords): OrgTemplate[] {
  const c = province.committee;
  return [
    org(`Văn phòng ${c}`, 2, ['Chi bộ Phòng Tổng hợp', 'Chi bộ Phòng Hành chính - Lưu trữ', 'Chi bộ Phòng Tài chính - Quản trị']),
    org(`Ban Tổ chức ${c}`, 1),
    org(`Ban Tuyên giáo và Dân vận ${c}`, 1),
    org(`Ủy ban Kiểm tra ${c}`, 1),
    org(`Ban Nội chính ${c}`, 1),
    org(
      `Báo và Phát thanh, Truyền hình ${province.name}`,
      3,
      ['Chi bộ Phòng Thời sự', 'Chi bộ Phòng Biên tập', 'Chi bộ Phòng Kỹ thuật - Công nghệ', 'Chi bộ Phòng Hành chính - Trị sự'],
      'Chi bộ Phòng Chuyên đề {n}',
    ),
    org(`Trường Chính trị ${province.phrase}`, 2, ['Chi bộ Khoa Xây dựng Đảng', 'Chi bộ Khoa Lý luận cơ sở', 'Chi bộ Phòng Đào tạo']),
    org(
      `Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam ${province.phrase}`,
      3,
      [
        'Chi bộ Văn phòng',
        'Chi bộ Hội Liên hiệp Phụ nữ',
        'Chi bộ Đoàn Thanh niên',
        'Chi bộ Hội Nông dân',
        'Chi bộ Liên đoàn Lao động',
        'Chi bộ Hội Cựu chiến binh',
      ],
      'Chi bộ Ban Phong trào {n}',
    ),
  ];
}

/** Under "Đảng ủy Ủy ban nhân dân tỉnh": the departments as reorganised in 2025. */
export function governmentBodies(province: ProvinceWords): OrgTemplate[] {
  return [
    org(
      'Sở Giáo dục và Đào tạo',
      4,
      [
        'Chi bộ Văn phòng Sở',
        'Chi bộ Phòng Giáo dục phổ thông',
        'Chi bộ Phòng Tổ chức cán bộ',
        'Chi bộ Phòng Kế hoạch - Tài chính',
        'Chi bộ Phòng Giáo dục Mầm non - Tiểu học',
        'Chi bộ Thanh tra Sở',
      ],
      'Chi bộ Trường chuyên biệt {n}',
    ),
    org(
      'Sở Y tế',
      4,
      [
        'Chi bộ Văn phòng Sở',
        'Chi bộ Phòng Nghiệp vụ Y - Dược',
        'Chi bộ Phòng Kế hoạch - Tài chính',
        'Chi bộ Chi cục Dân số',
        'Chi bộ Trung tâm Kiểm soát bệnh tật',
      ],
      'Chi bộ Trung tâm Y tế khu vực {n}',
    ),
    org('Sở Tài chính', 3, ['Chi bộ Văn phòng Sở', 'Chi bộ Phòng Quản lý ngân sách', 'Chi bộ Phòng Đầu tư', 'Chi bộ Phòng Doanh nghiệp']),
    org(
      'Sở Nông nghiệp và Môi trường',
      3,
      [
        'Chi bộ Văn phòng Sở',
        'Chi bộ Chi cục Kiểm lâm',
        'Chi bộ Chi cục Thủy lợi',
        'Chi bộ Chi cục Thủy sản và Biển đảo',
        'Chi bộ Phòng Đất đai',
      ],
      'Chi bộ Hạt Kiểm lâm {n}',
    ),
    org('Sở Nội vụ', 2),
    org('Sở Xây dựng', 2),
    org('Sở Công Thương', 2),
    org('Sở Văn hóa, Thể thao và Du lịch', 2),
    org('Sở Tư pháp', 1),
    org('Sở Khoa học và Công nghệ', 1),
    org('Sở Dân tộc và Tôn giáo', 1),
    org(`Văn phòng Ủy ban nhân dân ${province.level}`, 1),
    org(`Thanh tra ${province.level}`, 1),
  ];
}

// ——— Under a commune committee ———

export function militaryOrg(communePhrase: string): OrgTemplate {
  return org(`Quân sự ${communePhrase}`, 1, ['Chi bộ Cơ quan Quân sự', 'Chi bộ Dân quân thường trực'], 'Chi bộ Dân quân cơ động {n}');
}

export function policeOrg(communePhrase: string): OrgTemplate {
  return org(
    `Công an ${communePhrase}`,
    1,
    ['Chi bộ Tổng hợp', 'Chi bộ Cảnh sát khu vực', 'Chi bộ An ninh', 'Chi bộ Cảnh sát trật tự'],
    'Chi bộ Cảnh sát khu vực {n}',
  );
}

export function highSchoolOrg(patron: string): OrgTemplate {
  return org(
    `Trường THPT ${patron}`,
    1,
    [
      'Chi bộ Tổ Toán - Tin học',
      'Chi bộ Tổ Ngữ văn',
      'Chi bộ Tổ Khoa học tự nhiên',
      'Chi bộ Tổ Khoa học xã hội',
      'Chi bộ Tổ Ngoại ngữ',
      'Chi bộ Tổ Văn phòng',
    ],
    'Chi bộ Tổ chuyên môn {n}',
  );
}

export function healthCentreOrg(communeName: string): OrgTemplate {
  return org(
    `Trung tâm Y tế khu vực ${communeName}`,
    1,
    ['Chi bộ Khoa Khám bệnh', 'Chi bộ Khoa Nội', 'Chi bộ Khoa Ngoại', 'Chi bộ Khoa Sản - Nhi', 'Chi bộ Phòng Kế hoạch - Tổng hợp'],
    'Chi bộ Trạm Y tế điểm {n}',
  );
}

const INDUSTRIES = [
  'Thủy sản',
  'Xây dựng',
  'Du lịch',
  'Vận tải',
  'Cơ khí',
  'May mặc',
  'Chế biến nông sản',
  'Muối',
  'Cấp thoát nước',
  'Môi trường đô thị',
  'Vật liệu xây dựng',
  'Lâm sản',
];

export function companyOrg(communeName: string, index: number): OrgTemplate {
  const industry = INDUSTRIES[index % INDUSTRIES.length] as string;
  const round = Math.floor(index / INDUSTRIES.length);
  return org(
    `Công ty Cổ phần ${industry} ${communeName}${round > 0 ? ` ${round + 1}` : ''}`,
    1,
    ['Chi bộ Văn phòng Công ty', 'Chi bộ Phân xưởng Sản xuất', 'Chi bộ Phòng Kinh doanh', 'Chi bộ Phòng Kỹ thuật'],
    'Chi bộ Phân xưởng {n}',
  );
}

/** Kindergartens are usually named after flowers and birds rather than people. */
export const KINDERGARTEN_NAMES = [
  'Hoa Sen',
  'Hoa Hồng',
  'Sơn Ca',
  'Họa Mi',
  'Vành Khuyên',
  'Bình Minh',
  'Hướng Dương',
  'Tuổi Thơ',
  'Sao Mai',
  'Hoa Mai',
];

/** The n-th cell name of an organisation, following its list and then its numbered pattern. */
export function cellName(template: OrgTemplate, index: number): string {
  return template.cells[index] ?? template.more.replace('{n}', String(index - template.cells.length + 1));
}

// ——— Staffing profile, read from the unit's name so it works for any caller ———

export type UnitProfile = {
  ageBias: AgeBias;
  femaleShare: number;
  staffCategory: 'civil_servant' | 'public_employee';
  /** The residential area a "Chi bộ thôn …" or "Chi bộ Tổ dân phố …" serves, if any. */
  area: string | null;
};

const RESIDENTIAL = /^Chi bộ (thôn|bản|ấp|buôn|làng|Tổ dân phố|Khu phố) (.+)$/;
const AREA_PREFIX: Record<string, string> = {
  thôn: 'Thôn',
  bản: 'Bản',
  ấp: 'Ấp',
  buôn: 'Buôn',
  làng: 'Làng',
  'Tổ dân phố': 'Tổ dân phố',
  'Khu phố': 'Khu phố',
};

export function profileOfUnit(name: string): UnitProfile {
  const residential = RESIDENTIAL.exec(name);
  if (residential) {
    const prefix = AREA_PREFIX[residential[1] ?? ''] ?? 'Thôn';
    return { ageBias: 'older', femaleShare: 0.35, staffCategory: 'civil_servant', area: `${prefix} ${residential[2] ?? ''}` };
  }
  if (/Quân sự|Dân quân|Công an|Cảnh sát|An ninh/.test(name)) {
    return { ageBias: 'younger', femaleShare: 0.08, staffCategory: 'civil_servant', area: null };
  }
  if (/Cựu chiến binh/.test(name)) return { ageBias: 'older', femaleShare: 0.1, staffCategory: 'civil_servant', area: null };
  if (/Phụ nữ/.test(name)) return { ageBias: 'none', femaleShare: 0.95, staffCategory: 'civil_servant', area: null };
  if (/Trường|Giáo dục|Tổ Toán|Tổ Ngữ|Tổ Khoa học|Tổ Ngoại ngữ|Tổ chuyên môn/.test(name)) {
    return { ageBias: 'younger', femaleShare: 0.68, staffCategory: 'public_employee', area: null };
  }
  if (/Y tế|Bệnh viện|Khoa |Kiểm soát bệnh tật|Dân số/.test(name)) {
    return { ageBias: 'none', femaleShare: 0.62, staffCategory: 'public_employee', area: null };
  }
  if (/Báo |Phát thanh|Hợp tác xã|Quỹ tín dụng|Công ty|Phân xưởng/.test(name)) {
    return { ageBias: 'none', femaleShare: 0.4, staffCategory: 'public_employee', area: null };
  }
  return { ageBias: 'none', femaleShare: 0.42, staffCategory: 'civil_servant', area: null };
}
