import { z } from 'zod';

/** Kinds of units in the Party tree (plus agencies and mass organisations, which register collectively). */
export const UNIT_KINDS = [
  'central',
  'province_committee',
  'central_committee',
  'commune_committee',
  'district_committee',
  'bloc_committee',
  'grassroots_committee',
  'grassroots_cell',
  'cell',
  'party_group',
  'agency',
  'mass_organisation',
] as const;
export const UnitKindSchema = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKindSchema>;

export const PERSON_CATEGORIES = ['party_member', 'cadre', 'civil_servant', 'public_employee', 'worker', 'union_member'] as const;
export const PersonCategorySchema = z.enum(PERSON_CATEGORIES);
export type PersonCategory = z.infer<typeof PersonCategorySchema>;

export const POSITIONS = ['secretary', 'deputy_secretary', 'committee_member', 'party_member', 'head', 'deputy_head', 'staff'] as const;
export const PositionSchema = z.enum(POSITIONS);
export type Position = z.infer<typeof PositionSchema>;

export const SEXES = ['male', 'female'] as const;
export const SexSchema = z.enum(SEXES);
export type Sex = z.infer<typeof SexSchema>;

/** Roles of a grant; a grant applies to its unit and every unit below it. */
export const ROLES = ['admin', 'officer', 'committee', 'inspector', 'member', 'supervisor', 'viewer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Vietnamese labels, used by the server for Excel files and documents (the web app has its own i18n files). */
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  central: 'Trung ương',
  province_committee: 'Tỉnh ủy, Thành ủy',
  central_committee: 'Đảng ủy trực thuộc Trung ương',
  commune_committee: 'Đảng ủy xã, phường, đặc khu',
  district_committee: 'Huyện ủy, Thị ủy, Thành ủy thuộc tỉnh (trước 01/07/2025)',
  bloc_committee: 'Đảng ủy khối',
  grassroots_committee: 'Đảng bộ cơ sở',
  grassroots_cell: 'Chi bộ cơ sở',
  cell: 'Chi bộ trực thuộc',
  party_group: 'Tổ đảng',
  agency: 'Cơ quan, đơn vị',
  mass_organisation: 'Tổ chức chính trị - xã hội',
};

export const PERSON_CATEGORY_LABELS: Record<PersonCategory, string> = {
  party_member: 'Đảng viên',
  cadre: 'Cán bộ',
  civil_servant: 'Công chức',
  public_employee: 'Viên chức',
  worker: 'Người lao động',
  union_member: 'Đoàn viên, hội viên',
};

export const POSITION_LABELS: Record<Position, string> = {
  secretary: 'Bí thư',
  deputy_secretary: 'Phó Bí thư',
  committee_member: 'Cấp ủy viên',
  party_member: 'Đảng viên',
  head: 'Thủ trưởng',
  deputy_head: 'Phó Thủ trưởng',
  staff: 'Cán bộ, nhân viên',
};

export const SEX_LABELS: Record<Sex, string> = { male: 'Nam', female: 'Nữ' };

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  officer: 'Cán bộ phụ trách',
  committee: 'Cấp ủy',
  inspector: 'Kiểm tra',
  member: 'Thành viên',
  supervisor: 'Giám sát',
  viewer: 'Chỉ xem',
};
