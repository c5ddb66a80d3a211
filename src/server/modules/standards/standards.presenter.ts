import type { Criterion, StandardSign, StandardVersion } from '../../../shared/contracts/standards';
import type { FileSummary } from '../files/index';
import type { SignRow, StandardRow } from './standards.repo';

/** Criteria are stored as jsonb [{ text }]; anything else in old rows is dropped, never shown raw. */
export function criteriaOf(row: StandardRow): Criterion[] {
  if (!Array.isArray(row.criteria)) return [];
  return (row.criteria as unknown[])
    .filter(
      (item): item is { text: string } =>
        typeof item === 'object' && item !== null && typeof (item as { text?: unknown }).text === 'string',
    )
    .map((item) => ({ text: item.text }));
}

export function presentStandard(row: StandardRow): StandardVersion {
  return {
    id: row.id,
    unitId: row.unitId,
    versionNumber: row.versionNumber,
    title: row.title,
    criteria: criteriaOf(row),
    status: row.status,
    adoptedOn: row.adoptedOn,
    supersededOn: row.supersededOn,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentSign(row: SignRow, photo: FileSummary | null): StandardSign {
  return {
    unitId: row.unitId,
    postedOn: row.postedOn,
    location: row.location,
    photo,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
