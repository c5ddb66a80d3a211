import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/client';
import { systemActor } from '../platform/auth/policy';
import { hashPassword } from '../platform/auth/passwords';
import { recordAudit } from '../platform/audit';
import { foldVietnamese } from '../../shared/text';
import type { Role } from '../../shared/contracts/domain';
import { createUnitInTx, findUnitByCode } from '../modules/units/index';
import { insertGrant, insertUser } from '../modules/accounts/index';
import { applyPeopleImport, type PlannedPerson } from '../modules/imports/index';
import { findUnitsByCodes } from '../modules/units/index';
import { DEMO_COMMUNE_CODES, generateDemoProvince } from './demo-province';
import { provideFoundationPorts } from '../modules/domain-handlers';
import { replayReorganisation } from './demo-history';
import { loadDemoStandards } from './demo-standards';
import { todayIso } from '../platform/dates';
import { loadDemoProgramme } from './demo-programme';
import { loadDemoStudy } from './demo-study';
import { loadDemoFollowup } from './demo-followup';
import { loadDemoSupervision } from './demo-supervision';
import { loadDemoRegistrations } from './demo-registrations';
import { loadDemoReports } from './demo-reports';
import { loadDemoCommendations } from './demo-commendations';
import { loadDemoCommendationsSpread } from './demo-commendations-spread';
import { loadDemoGrading } from './demo-grading';
import { loadDemoInspections } from './demo-inspections';
import type { GeneratedPerson } from './types';

export const DEMO_PASSWORD = 'NoiGuong@2026';

export type DemoAccount = {
  username: string;
  displayName: string;
  role: Role;
  unitCode: string;
  note: string;
  personCardOf?: 'secretary' | 'member';
};

/** Accounts for each role at different levels of the demo province. */
function demoAccounts(communeCode: string, cellCode: string): DemoAccount[] {
  return [
    { username: 'admin', displayName: 'Quản trị hệ thống tỉnh', role: 'admin', unitCode: 'TU56', note: 'quản trị toàn tỉnh' },
    {
      username: 'tuyengiao.tinh',
      displayName: 'Ban Tuyên giáo và Dân vận Tỉnh ủy',
      role: 'officer',
      unitCode: 'TU56',
      note: 'cán bộ phụ trách cấp tỉnh',
    },
    { username: 'thuongvu.tinh', displayName: 'Ban Thường vụ Tỉnh ủy', role: 'committee', unitCode: 'TU56', note: 'cấp ủy cấp tỉnh' },
    { username: 'kiemtra.tinh', displayName: 'Ủy ban Kiểm tra Tỉnh ủy', role: 'inspector', unitCode: 'TU56', note: 'kiểm tra cấp tỉnh' },
    { username: 'xem.tinh', displayName: 'Văn phòng Tỉnh ủy (chỉ xem)', role: 'viewer', unitCode: 'TU56', note: 'chỉ xem toàn tỉnh' },
    {
      username: 'quantri.xa',
      displayName: 'Quản trị Đảng ủy cấp xã',
      role: 'admin',
      unitCode: communeCode,
      note: 'quản trị một đảng ủy xã/phường',
    },
    {
      username: 'canbo.xa',
      displayName: 'Cán bộ Văn phòng Đảng ủy xã',
      role: 'officer',
      unitCode: communeCode,
      note: 'cán bộ phụ trách cấp xã',
    },
    { username: 'mttq.xa', displayName: 'Ủy ban MTTQ cấp xã', role: 'supervisor', unitCode: communeCode, note: 'giám sát (MTTQ) cấp xã' },
    {
      username: 'bithu.chibo',
      displayName: 'Bí thư chi bộ',
      role: 'committee',
      unitCode: cellCode,
      note: 'bí thư một chi bộ',
      personCardOf: 'secretary',
    },
    {
      username: 'dangvien',
      displayName: 'Đảng viên',
      role: 'member',
      unitCode: cellCode,
      note: 'đảng viên một chi bộ',
      personCardOf: 'member',
    },
  ];
}

function planCreates(people: GeneratedPerson[]): PlannedPerson[] {
  return people.map((person, index) => ({ row: index + 2, data: { ...person }, action: 'create', existingId: null }));
}

/** Loads the demo province, its people and one account per role; returns the accounts. */
export async function loadDemoData(db: Database): Promise<DemoAccount[]> {
  // The demo replays merges and closures of the tree, which move and count members: it runs before
  // the app is built (the first start), so it wires the people module to the tree itself.
  provideFoundationPorts();
  const actor = systemActor('Dữ liệu mẫu');
  const { units, people, former } = generateDemoProvince(1);
  const firstCommune = { code: `DU${DEMO_COMMUNE_CODES[0]}` };
  const cell = units.find((unit) => unit.kind === 'cell' && unit.code.startsWith(`${firstCommune.code}-`))!;
  const accounts = demoAccounts(firstCommune.code, cell.code);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const unit of units) {
      const parent = unit.parentCode ? await findUnitByCode(tx, unit.parentCode) : undefined;
      await createUnitInTx(tx, {
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        parentId: parent?.id ?? null,
        validFrom: unit.validFrom,
      });
    }
    const unitMap = new Map(
      (
        await findUnitsByCodes(
          tx,
          units.map((unit) => unit.code),
        )
      ).map((unit) => [unit.code, unit]),
    );
    await applyPeopleImport(tx, actor, planCreates(people), unitMap);
    // The tree before 1/7/2025, then the reorganisation of that day: today's communes are born of it.
    if (former) {
      const root = unitMap.get(units[0]!.code)!;
      const provinceAdmin = {
        ...actor,
        grants: [{ id: 0, unitId: root.id, unitCode: root.code, unitName: root.name, unitPath: root.path, role: 'admin' as const }],
      };
      await replayReorganisation(tx, provinceAdmin, former);
    }
    for (const unit of await findUnitsByCodes(tx, former?.merges.map((merge) => merge.target.code) ?? [])) unitMap.set(unit.code, unit);
    for (const account of accounts) {
      let personId: number | null = null;
      if (account.personCardOf) {
        const wanted = people.find(
          (person) =>
            person.unitCode === cell.code &&
            (account.personCardOf === 'secretary' ? person.position === 'secretary' : person.position === 'party_member'),
        );
        const rows = wanted?.cardNumber
          ? await tx.execute<{ id: number }>(sql`SELECT id FROM persons WHERE card_number = ${wanted.cardNumber}`)
          : undefined;
        personId = rows?.rows[0] ? Number(rows.rows[0].id) : null;
        if (wanted) account.displayName = `${wanted.fullName} (${account.displayName})`;
      }
      const user = await insertUser(tx, {
        username: account.username,
        displayName: account.displayName,
        searchText: foldVietnamese(`${account.username} ${account.displayName}`),
        passwordHash,
        personId,
      });
      await insertGrant(tx, { userId: user.id, unitId: unitMap.get(account.unitCode)!.id, role: account.role });
    }
    // The secretary's own cell is left without standards, to walk through drafting and adopting.
    await loadDemoStandards(tx, actor, todayIso(), [cell.code]);
    await recordAudit(tx, actor, {
      action: 'demo.load',
      entityType: 'system',
      entityId: 'demo',
      after: { units: units.length, people: people.length },
    });
  });
  // The programme comes first: the study sessions are held on its topic of the year.
  await loadDemoProgramme(db, units[0]!.code);
  // The secretary's own cell is left without its study session: the demo journey records it.
  await db.transaction((tx) =>
    loadDemoStudy(tx, { provinceCode: units.find((unit) => unit.kind === 'province_committee')!.code, skipStudyUnitCode: cell.code }),
  );
  // The member's own registration is left for the demo journey to write; their cell has no collective one yet.
  const memberPerson = await db.execute<{ person_id: number | null }>(sql`SELECT person_id FROM users WHERE username = 'dangvien'`);
  await db.transaction((tx) =>
    loadDemoRegistrations(tx, {
      provinceCode: units.find((unit) => unit.kind === 'province_committee')!.code,
      skipPersonIds: memberPerson.rows.flatMap((row) => (row.person_id === null ? [] : [Number(row.person_id)])),
      skipCollectiveUnitCode: cell.code,
    }),
  );
  // Once registrations exist: publication and public feedback (the secretary's cell publishes its own set).
  await db.transaction((tx) => loadDemoSupervision(tx, { communeCode: firstCommune.code, keepUnpublishedCellCode: cell.code }));
  // Follow-up needs published registrations.
  await loadDemoFollowup(db, { skipUnitCode: cell.code });
  // Reports come last: their figures are read from the study and standards loaded above.
  await loadDemoReports(db, units.find((unit) => unit.kind === 'province_committee')!.code);
  await loadDemoCommendations(db, units.find((unit) => unit.kind === 'province_committee')!.code);
  await loadDemoCommendationsSpread(db, units.find((unit) => unit.kind === 'province_committee')!.code);
  // The year-end grading reads the campaign results the follow-up loaded.
  await loadDemoGrading(db, units.find((unit) => unit.kind === 'province_committee')!.code, {
    skipPersonIds: memberPerson.rows.flatMap((row) => (row.person_id === null ? [] : [Number(row.person_id)])),
    skipUnitCode: cell.code,
  });
  // The province's inspection plans: the first commune (the demo officer's) owes remedies, one of them overdue.
  await loadDemoInspections(db, units.find((unit) => unit.kind === 'province_committee')!.code);
  return accounts;
}
