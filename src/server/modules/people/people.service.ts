import type { Database, Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, assertHasPermissionSomewhere, can, scopePaths, type Actor, type RecordPlace } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { addFigureDeltas } from '../../platform/figures';
import { assertNotBefore, todayIso } from '../../platform/dates';
import { foldVietnamese, normalizeTonePlacement, personNameSortKey } from '../../../shared/text';
import type { PersonCategory, Position, Sex } from '../../../shared/contracts/domain';
import type { PagedAnswer } from '../../../shared/contracts/common';
import type { Person, PersonDetail } from '../../../shared/contracts/people';
import { getUnitOrThrow } from '../units/index';
import * as repo from './people.repo';
import { membershipDeltas } from './people.figures';
import { presentPerson, presentPersonDetail } from './people.presenter';
import { emitPersonMoved } from '../../platform/domain-events';

export type PersonFields = {
  fullName: string;
  sex: Sex;
  birthDate?: string | null;
  category: PersonCategory;
  cardNumber?: string | null;
  idNumber?: string | null;
  admissionDate?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
};

export type Placement = { unitId: number; position: Position; isHead: boolean; fromDate?: string | null };

export function personColumns(fields: PersonFields) {
  const fullName = normalizeTonePlacement(fields.fullName.trim().replace(/\s+/g, ' '));
  return {
    fullName,
    // Card numbers stay out of the search text: only roles that see them may search by them.
    searchText: foldVietnamese(fullName),
    sortKey: personNameSortKey(fullName),
    sex: fields.sex,
    birthDate: fields.birthDate ?? null,
    category: fields.category,
    cardNumber: fields.cardNumber || null,
    idNumber: fields.idNumber || null,
    admissionDate: fields.admissionDate ?? null,
    phone: fields.phone || null,
    email: fields.email || null,
    address: fields.address || null,
  };
}

async function assertIdentityFree(executor: Executor, fields: PersonFields, exceptId?: number): Promise<void> {
  if (!fields.cardNumber && !fields.idNumber) {
    throw new AppError('VALIDATION_FAILED', 'Cần Số thẻ đảng viên hoặc Số CCCD để nhận diện người này.');
  }
  if (fields.cardNumber) {
    const other = await repo.findPersonByCardNumber(executor, fields.cardNumber);
    if (other && other.id !== exceptId) {
      throw new AppError('DUPLICATE', `Số thẻ đảng viên ${fields.cardNumber} đã thuộc về ${other.fullName}.`);
    }
  }
  if (fields.idNumber) {
    const other = await repo.findPersonByIdNumber(executor, fields.idNumber);
    if (other && other.id !== exceptId) {
      throw new AppError('DUPLICATE', `Số CCCD ${fields.idNumber} đã thuộc về ${other.fullName}.`);
    }
  }
}

/** Creates a person and their primary membership, counting them in the unit's figures. */
export async function createPersonInTx(tx: Executor, fields: PersonFields, placement: Placement) {
  await assertIdentityFree(tx, fields);
  const unit = await getUnitOrThrow(tx, placement.unitId);
  if (unit.validTo) throw new AppError('INVALID_STATE', `Đơn vị "${unit.name}" đã kết thúc hoạt động.`);
  const fromDate = placement.fromDate ?? todayIso();
  assertNotBefore(fromDate, unit.validFrom, 'ngày thành lập của đơn vị');
  const person = await repo.insertPerson(tx, personColumns(fields));
  const membership = await repo.insertMembership(tx, {
    personId: person.id,
    unitId: unit.id,
    position: placement.position,
    isHead: placement.isHead,
    isPrimary: true,
    fromDate,
  });
  await addFigureDeltas(tx, membershipDeltas(unit.path, person.category, fromDate, null));
  return { person, membership, unit };
}

export async function createPerson(db: Database, actor: Actor, input: PersonFields & Placement) {
  const unit = await getUnitOrThrow(db, input.unitId);
  assertCan(actor, 'people.write', unit.path);
  const created = await db.transaction(async (tx) => {
    const result = await createPersonInTx(tx, input, input);
    await recordAudit(tx, actor, {
      action: 'person.create',
      entityType: 'person',
      entityId: result.person.id,
      unitPath: unit.path,
      after: { ...personColumns(input), unitId: unit.id, position: input.position },
    });
    return result;
  });
  return presentPerson(created.person, { ...created.membership, unitName: unit.name, unitCode: unit.code }, true);
}

/** The units a person's record is kept under: the primary membership, or every past one. */
async function personUnitPaths(executor: Executor, id: number): Promise<string[]> {
  const active = await repo.findActivePrimaryMembership(executor, id);
  if (active) return [active.unitPath];
  return (await repo.listMembershipsOfPerson(executor, id)).map((m) => m.unitPath);
}

/** Where a person named in a request sits, for the check made before the body is read. */
export async function findPersonPlace(executor: Executor, id: number): Promise<RecordPlace | undefined> {
  if (!(await repo.findPersonById(executor, id))) return undefined;
  return { unitPaths: await personUnitPaths(executor, id) };
}

async function getPersonInScopeOrThrow(executor: Executor, actor: Actor, id: number, permission: 'people.read' | 'people.write') {
  const person = await repo.findPersonById(executor, id);
  if (!person) throw new AppError('NOT_FOUND', 'Không tìm thấy người này.');
  const active = await repo.findActivePrimaryMembership(executor, id);
  const paths = await personUnitPaths(executor, id);
  if (!paths.some((path) => can(actor, permission, path))) {
    throw new AppError('FORBIDDEN', 'Bạn không có quyền với hồ sơ của người này.');
  }
  return { person, active };
}

/** The stored person as input fields, so a partial update can be laid over it. */
function fieldsOf(person: repo.PersonRow): PersonFields {
  return {
    fullName: person.fullName,
    sex: person.sex,
    birthDate: person.birthDate,
    category: person.category,
    cardNumber: person.cardNumber,
    idNumber: person.idNumber,
    admissionDate: person.admissionDate,
    phone: person.phone,
    email: person.email,
    address: person.address,
  };
}

/**
 * A person's category changes today: the figures move them between counts from today on (while a
 * unit counts them), and the change is kept so the lists behind an earlier day's figures show the
 * category the person had that day.
 */
export async function changeCategoryInTx(
  tx: Executor,
  personId: number,
  active: { unitPath: string } | null | undefined,
  fromCategory: PersonCategory,
  toCategory: PersonCategory,
): Promise<void> {
  if (fromCategory === toCategory) return;
  const today = todayIso();
  await repo.insertCategoryChange(tx, { personId, changedOn: today, fromCategory, toCategory });
  if (!active) return;
  await addFigureDeltas(tx, [
    ...membershipDeltas(active.unitPath, fromCategory, today, null, -1),
    ...membershipDeltas(active.unitPath, toCategory, today, null, 1),
  ]);
}

export async function updatePerson(
  db: Database,
  actor: Actor,
  id: number,
  changes: Partial<PersonFields> & { position?: Position; isHead?: boolean; version: number },
) {
  const updated = await db.transaction(async (tx) => {
    await repo.lockPerson(tx, id);
    const { person, active } = await getPersonInScopeOrThrow(tx, actor, id, 'people.write');
    if (person.version !== changes.version) {
      throw new AppError('VERSION_CONFLICT', `Hồ sơ của ${person.fullName} vừa được người khác sửa. Hãy tải lại rồi sửa tiếp.`);
    }
    const { version: _version, position, isHead, ...given } = changes;
    const defined = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
    const input: PersonFields = { ...fieldsOf(person), ...defined };
    await assertIdentityFree(tx, input, id);
    const columns = personColumns(input);
    await changeCategoryInTx(tx, id, active, person.category, columns.category);
    const after = await repo.updatePerson(tx, id, columns);
    if (active && (position !== undefined || isHead !== undefined)) {
      await repo.updateMembership(tx, active.membership.id, {
        position: position ?? active.membership.position,
        isHead: isHead ?? active.membership.isHead,
      });
    }
    await recordAudit(tx, actor, {
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      unitPath: active?.unitPath ?? null,
      before: { ...person, position: active?.membership.position, isHead: active?.membership.isHead },
      after: { ...after, position, isHead },
    });
    const current = await repo.findActivePrimaryMembership(tx, id);
    return { person: after, active: current };
  });
  const active = updated.active;
  return presentPerson(
    updated.person,
    active ? { ...active.membership, unitName: active.unitName, unitCode: active.unitCode } : null,
    true,
  );
}

/** Ends the current primary membership on `day` and opens one in the new unit; history stays. */
export async function movePersonInTx(
  tx: Executor,
  person: repo.PersonRow,
  active: Awaited<ReturnType<typeof repo.findActivePrimaryMembership>>,
  placement: Placement & { fromDate: string },
) {
  const unit = await getUnitOrThrow(tx, placement.unitId);
  if (unit.validTo) throw new AppError('INVALID_STATE', `Đơn vị "${unit.name}" đã kết thúc hoạt động.`);
  const day = placement.fromDate;
  assertNotBefore(day, unit.validFrom, 'ngày thành lập của đơn vị mới');
  if (active) {
    assertNotBefore(day, active.membership.fromDate, 'ngày bắt đầu sinh hoạt ở đơn vị hiện tại');
    await repo.endMembership(tx, active.membership.id, day);
    await addFigureDeltas(tx, [
      ...membershipDeltas(active.unitPath, person.category, active.membership.fromDate, null, -1),
      ...membershipDeltas(active.unitPath, person.category, active.membership.fromDate, day, 1),
    ]);
  }
  const membership = await repo.insertMembership(tx, {
    personId: person.id,
    unitId: unit.id,
    position: placement.position,
    isHead: placement.isHead,
    isPrimary: true,
    fromDate: day,
  });
  await addFigureDeltas(tx, membershipDeltas(unit.path, person.category, day, null));
  await emitPersonMoved(tx, { personId: person.id, fromUnitPath: active?.unitPath ?? null, toUnitPath: unit.path, day });
  return { membership, unit };
}

export async function movePerson(db: Database, actor: Actor, id: number, input: Placement & { effectiveDate?: string; version: number }) {
  const day = input.effectiveDate ?? todayIso();
  const result = await db.transaction(async (tx) => {
    await repo.lockPerson(tx, id);
    const { person, active } = await getPersonInScopeOrThrow(tx, actor, id, 'people.write');
    const target = await getUnitOrThrow(tx, input.unitId);
    assertCan(actor, 'people.write', target.path);
    if (person.version !== input.version) {
      throw new AppError('VERSION_CONFLICT', `Hồ sơ của ${person.fullName} vừa được người khác sửa. Hãy tải lại rồi thực hiện lại.`);
    }
    const moved = await movePersonInTx(tx, person, active, { ...input, fromDate: day });
    const after = await repo.updatePerson(tx, id, {});
    await recordAudit(tx, actor, {
      action: 'person.move',
      entityType: 'person',
      entityId: id,
      unitPath: target.path,
      before: active ? { unitId: active.membership.unitId, position: active.membership.position } : null,
      after: { unitId: target.id, position: input.position, isHead: input.isHead, effectiveDate: day },
    });
    return { person: after, ...moved };
  });
  return presentPerson(result.person, { ...result.membership, unitName: result.unit.name, unitCode: result.unit.code }, true);
}

/** Moves everyone currently in `fromUnitId` to `toUnitId` on `day` (merges and splits). */
export async function moveActiveMembers(tx: Executor, fromUnitId: number, toUnitId: number, day: string, onlyPersonIds?: number[]) {
  const rows = await repo.listActivePrimaryMemberships(tx, fromUnitId);
  for (const row of rows) {
    if (onlyPersonIds && !onlyPersonIds.includes(row.membership.personId)) continue;
    const person = await repo.findPersonById(tx, row.membership.personId);
    const active = await repo.findActivePrimaryMembership(tx, row.membership.personId);
    if (!person) continue;
    await movePersonInTx(tx, person, active, {
      unitId: toUnitId,
      position: row.membership.position,
      isHead: row.membership.isHead,
      fromDate: day,
    });
  }
}

export async function getPersonDetail(db: Database, actor: Actor, id: number): Promise<PersonDetail> {
  const { person, active } = await getPersonInScopeOrThrow(db, actor, id, 'people.read');
  const memberships = await repo.listMembershipsOfPerson(db, id);
  // Personal data follows where the person is now (as in lists): a past unit gives no right to it.
  const personalPaths = active ? [active.unitPath] : memberships.map((m) => m.unitPath);
  const personalVisible = personalPaths.some((path) => can(actor, 'people.personal', path)) || actor.userId === null;
  return presentPersonDetail(
    presentPerson(person, active ? { ...active.membership, unitName: active.unitName, unitCode: active.unitCode } : null, personalVisible),
    memberships,
  );
}

export async function searchPeople(
  db: Database,
  actor: Actor,
  filter: Omit<repo.PeopleSearch, 'scope' | 'personalScope' | 'unitPath'> & { unitId?: number },
): Promise<PagedAnswer<Person>> {
  assertHasPermissionSomewhere(actor, 'people.read');
  let unitPath: string | undefined;
  if (filter.unitId) {
    unitPath = (await getUnitOrThrow(db, filter.unitId)).path;
    assertCan(actor, 'people.read', unitPath);
  }
  const { items, total } = await repo.searchPeople(db, {
    ...filter,
    q: filter.q ? foldVietnamese(filter.q) : undefined,
    scope: scopePaths(actor, 'people.read'),
    personalScope: scopePaths(actor, 'people.personal'),
    unitPath,
  });
  const personalRoots = scopePaths(actor, 'people.personal');
  return {
    items: items.map((row) =>
      presentPerson(
        row.person,
        { ...row.membership, unitName: row.unitName, unitCode: row.unitCode },
        personalRoots.length > 0 && can(actor, 'people.personal', row.unitPath),
      ),
    ),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}
