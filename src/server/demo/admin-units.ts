/**
 * Vietnam's administrative units after 1 July 2025 (34 provinces, 3,321 communes), read from the
 * data set the project carries in `datasets/vn-admin-units-2025/`. Validated on load, because every demo tree and
 * benchmark is built from it and a silently wrong file would give silently wrong trees.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { normalizeTonePlacement } from '../../shared/text';

// The file writes "Khánh Hoà"; names are kept in the placement the official texts use ("Khánh Hòa").
const PlaceName = z.string().min(1).transform(normalizeTonePlacement);

const CommuneSchema = z.object({
  code: z.string().regex(/^\d{5}$/),
  name: PlaceName,
  fullName: PlaceName,
  nameEn: z.string().optional(),
  kind: z.enum(['Xã', 'Phường', 'Đặc khu']),
});

const ProvinceSchema = z.object({
  code: z.string().regex(/^\d{2}$/),
  name: PlaceName,
  fullName: PlaceName,
  nameEn: z.string().optional(),
  kind: z.enum(['Tỉnh', 'Thành phố']),
  communes: z.array(CommuneSchema).min(1),
});

export type AdminCommune = z.infer<typeof CommuneSchema>;
export type AdminProvince = z.infer<typeof ProvinceSchema>;
export type CommuneKind = AdminCommune['kind'];
export type ProvinceKind = AdminProvince['kind'];

/** A commune with the province it belongs to, for lookups by commune code. */
export type CommuneWithProvince = { commune: AdminCommune; province: AdminProvince };

const DEFAULT_RELATIVE_PATH = '../../../datasets/vn-admin-units-2025/units.json';

/** Where units.json is read from: `VN_ADMIN_UNITS_PATH` if set, else the copy inside the repository. */
export function adminUnitsPath(): string {
  const override = process.env.VN_ADMIN_UNITS_PATH;
  if (override && override.trim() !== '') return override;
  return fileURLToPath(new URL(DEFAULT_RELATIVE_PATH, import.meta.url));
}

const cache = new Map<string, readonly AdminProvince[]>();

/** All 34 provinces with their communes, in file order; parsed once per path. */
export function loadAdminUnits(path: string = adminUnitsPath()): readonly AdminProvince[] {
  const cached = cache.get(path);
  if (cached) return cached;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot read the administrative units file ${path}: ${reason}`);
  }
  const parsed = z.array(ProvinceSchema).safeParse(raw);
  if (!parsed.success) {
    throw new Error(`The administrative units file ${path} is not in the expected shape: ${parsed.error.message}`);
  }
  const provinces = parsed.data;
  const seenCodes = new Set<string>();
  for (const province of provinces) {
    for (const commune of province.communes) {
      if (seenCodes.has(commune.code)) throw new Error(`Commune code ${commune.code} appears twice in ${path}`);
      seenCodes.add(commune.code);
    }
  }
  cache.set(path, provinces);
  return provinces;
}

export function findProvince(code: string, provinces: readonly AdminProvince[] = loadAdminUnits()): AdminProvince {
  const province = provinces.find((candidate) => candidate.code === code);
  if (!province) throw new Error(`No province with code ${code} in the administrative units file`);
  return province;
}

export function findCommune(province: AdminProvince, code: string): AdminCommune {
  const commune = province.communes.find((candidate) => candidate.code === code);
  if (!commune) throw new Error(`No commune with code ${code} in ${province.fullName}`);
  return commune;
}

const communeIndexes = new WeakMap<readonly AdminProvince[], ReadonlyMap<string, CommuneWithProvince>>();

/** Commune code → commune and province, built once per loaded list. */
export function communeIndex(provinces: readonly AdminProvince[] = loadAdminUnits()): ReadonlyMap<string, CommuneWithProvince> {
  let index = communeIndexes.get(provinces);
  if (!index) {
    const map = new Map<string, CommuneWithProvince>();
    for (const province of provinces) for (const commune of province.communes) map.set(commune.code, { commune, province });
    index = map;
    communeIndexes.set(provinces, index);
  }
  return index;
}

export function countCommunes(provinces: readonly AdminProvince[] = loadAdminUnits()): number {
  return provinces.reduce((sum, province) => sum + province.communes.length, 0);
}

/** "Phường Nha Trang" → "phường Nha Trang": administrative words are lower-case inside a phrase. */
export function communeInPhrase(commune: AdminCommune): string {
  return `${commune.kind.toLowerCase()} ${commune.name}`;
}

/** "Thành phố Hà Nội" → "thành phố Hà Nội". */
export function provinceInPhrase(province: AdminProvince): string {
  return `${province.kind.toLowerCase()} ${province.name}`;
}

/**
 * The province's Party committee as it is called: "Tỉnh ủy Khánh Hoà", "Thành ủy Hà Nội", and
 * "Thành ủy Thành phố Hồ Chí Minh", whose name keeps "Thành phố" because the city bears a person's name.
 */
export function provinceCommitteeName(province: AdminProvince): string {
  if (province.kind === 'Tỉnh') return `Tỉnh ủy ${province.name}`;
  return province.name === 'Hồ Chí Minh' ? 'Thành ủy Thành phố Hồ Chí Minh' : `Thành ủy ${province.name}`;
}

/** "Đảng ủy phường Nha Trang", "Đảng ủy xã Cam Lâm", "Đảng ủy đặc khu Trường Sa". */
export function communeCommitteeName(commune: AdminCommune): string {
  return `Đảng ủy ${communeInPhrase(commune)}`;
}
