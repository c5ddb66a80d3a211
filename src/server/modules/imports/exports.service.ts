import type { Database } from '../../platform/db/client';
import { assertCan, assertHasPermissionSomewhere, can, scopePaths, type Actor } from '../../platform/auth/policy';
import { foldVietnamese } from '../../../shared/text';
import { getUnitOrThrow } from '../units/index';
import { writePeopleWorkbook, writeUnitsWorkbook } from './excel/write';
import { listPeopleForExport, listUnitsForExport } from './exports.repo';

const STATUS_LABELS: Record<string, string> = { closed: 'Đã kết thúc hoạt động', merged: 'Đã hợp nhất', split: 'Đã chia tách' };

/** Exports exactly the units the actor may see (optionally under one unit). */
export async function exportUnits(db: Database, actor: Actor, filter: { under?: number; includeClosed: boolean }) {
  assertHasPermissionSomewhere(actor, 'units.read');
  let underPath: string | undefined;
  if (filter.under) {
    underPath = (await getUnitOrThrow(db, filter.under)).path;
    assertCan(actor, 'units.read', underPath);
  }
  const rows = await listUnitsForExport(db, scopePaths(actor, 'units.read'), underPath, filter.includeClosed);
  return writeUnitsWorkbook(
    rows.map((row) => ({
      code: row.code,
      name: row.name,
      kind: row.kind,
      parentCode: row.parent_code,
      parentName: row.parent_name,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      status: row.closed_reason ? (STATUS_LABELS[row.closed_reason] ?? '') : 'Đang hoạt động',
    })),
  );
}

/** Exports the people the actor may see; personal columns only where the actor's role needs them. */
export async function exportPeople(
  db: Database,
  actor: Actor,
  filter: { unitId?: number; includeSubtree: boolean; q?: string; category?: string },
) {
  assertHasPermissionSomewhere(actor, 'people.read');
  let unitPath: string | undefined;
  if (filter.unitId) {
    unitPath = (await getUnitOrThrow(db, filter.unitId)).path;
    assertCan(actor, 'people.read', unitPath);
  }
  const rows = await listPeopleForExport(db, {
    scope: scopePaths(actor, 'people.read'),
    unitPath,
    includeSubtree: filter.includeSubtree,
    q: filter.q ? foldVietnamese(filter.q) : undefined,
    category: filter.category,
  });
  const includePersonal = rows.every((row) => can(actor, 'people.personal', row.unit_path));
  return writePeopleWorkbook(
    rows.map((row) => ({
      fullName: row.full_name,
      sex: row.sex,
      birthDate: row.birth_date,
      category: row.category,
      cardNumber: row.card_number,
      idNumber: row.id_number,
      admissionDate: row.admission_date,
      phone: row.phone,
      email: row.email,
      address: row.address,
      unitCode: row.unit_code,
      unitName: row.unit_name,
      position: row.position,
      isHead: row.is_head,
      fromDate: row.from_date,
    })),
    { includePersonal },
  );
}
