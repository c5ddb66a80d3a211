import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import type { PersonCategory, Position, Sex, UnitKind } from '../../../shared/contracts/domain';
import type { ClosedReason } from '../../../shared/contracts/units';

export async function listUnitsForExport(executor: Executor, scope: string[], underPath: string | undefined, includeClosed: boolean) {
  const rows = await executor.execute<{
    code: string;
    name: string;
    kind: UnitKind;
    parent_code: string | null;
    parent_name: string | null;
    valid_from: string;
    valid_to: string | null;
    closed_reason: ClosedReason | null;
  }>(sql`
    SELECT u.code, u.name, u.kind, p.code AS parent_code, p.name AS parent_name, u.valid_from::text, u.valid_to::text, u.closed_reason
    FROM units u LEFT JOIN units p ON p.id = u.parent_id
    WHERE u.path <@ ANY(${sql.param(scope)}::ltree[])
      ${underPath ? sql`AND u.path <@ ${underPath}::ltree` : sql``}
      ${includeClosed ? sql`` : sql`AND u.valid_to IS NULL`}
    ORDER BY u.path`);
  return rows.rows;
}

export async function listPeopleForExport(
  executor: Executor,
  filter: { scope: string[]; unitPath?: string; includeSubtree: boolean; q?: string; category?: string },
) {
  const rows = await executor.execute<{
    full_name: string;
    sex: Sex;
    birth_date: string | null;
    category: PersonCategory;
    card_number: string | null;
    id_number: string | null;
    admission_date: string | null;
    phone: string | null;
    email: string | null;
    address: string | null;
    unit_code: string;
    unit_name: string;
    unit_path: string;
    position: Position;
    is_head: boolean;
    from_date: string;
  }>(sql`
    SELECT p.full_name, p.sex, p.birth_date::text, p.category, p.card_number, p.id_number, p.admission_date::text, p.phone, p.email,
           p.address, u.code AS unit_code, u.name AS unit_name, u.path::text AS unit_path, m.position, m.is_head, m.from_date::text
    FROM memberships m JOIN persons p ON p.id = m.person_id JOIN units u ON u.id = m.unit_id
    WHERE m.is_primary AND m.to_date IS NULL AND u.path <@ ANY(${sql.param(filter.scope)}::ltree[])
      ${filter.unitPath ? (filter.includeSubtree ? sql`AND u.path <@ ${filter.unitPath}::ltree` : sql`AND u.path = ${filter.unitPath}::ltree`) : sql``}
      ${filter.q ? sql`AND p.search_text LIKE ${`%${filter.q}%`}` : sql``}
      ${filter.category ? sql`AND p.category = ${filter.category}` : sql``}
    ORDER BY u.path, p.sort_key COLLATE "C"`);
  return rows.rows;
}
