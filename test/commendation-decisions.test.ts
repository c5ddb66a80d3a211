/**
 * A decision names each collective and person once, even through two nominations; and the year's
 * commendation figures, by child unit, export to Excel with every figure's definition.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addPerson, addUser, rootActor, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, readWorkbook, type Session } from './helpers/session';
import { createNomination, takeStep } from '../src/server/modules/commendations/index';
import { todayIso } from '../src/server/platform/dates';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let committee: Session;
let outsider: Session;
const today = todayIso();
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  await addUser(ctx.db, 'thuongvu.a', [{ unitId: tree.A.id, role: 'committee' }]);
  await addUser(ctx.db, 'canbo.b', [{ unitId: tree.B.id, role: 'officer' }]);
  committee = await openSession(ctx.app, 'thuongvu.a');
  outsider = await openSession(ctx.app, 'canbo.b');
});
afterAll(() => ctx.close());

/** A nomination of C1 (or of A itself), submitted: held by A, or by R when A nominates. */
async function held(
  subject: { kind: 'individual'; subjectPersonId: number } | { kind: 'collective'; subjectUnitId: number },
  title: string,
  unitId = tree.C1.id,
) {
  const actor = rootActor(tree.R.path);
  const created = await createNomination(ctx.db, actor, {
    unitId,
    ...subject,
    title,
    story: 'Thành tích nổi bật trong năm.',
    results: '',
    periodFrom: `${year}-01-01`,
    periodTo: today,
    registrationIds: [],
    fileIds: [],
  });
  return takeStep(ctx.db, actor, created.id, { action: 'submit', version: created.version, reason: null });
}

async function state() {
  const rows = await ctx.db.execute<{ decisions: number; events: number; nominations: string }>(sql`
    SELECT (SELECT count(*) FROM commendation_decisions) AS decisions, (SELECT count(*) FROM nomination_events) AS events,
      (SELECT string_agg(id || ':' || status || ':' || version || ':' || COALESCE(decision_id::text, '-'), ',' ORDER BY id) FROM nominations) AS nominations`);
  return rows.rows[0]!;
}

const decision = (nominationIds: number[]) => ({
  unitId: tree.A.id,
  formCode: 'giay_khen',
  decidedOn: today,
  periodFrom: `${year}-01-01`,
  periodTo: today,
  title: 'Về việc tặng Giấy khen',
  nominationIds,
});

describe('a decision names each collective and person once', () => {
  it('refuses the same person named by two nominations, and the same unit by two, and changes nothing', async () => {
    const person = await addPerson(ctx.db, tree.C1.path, { fullName: 'Võ Thị Hai Lần', unitId: tree.C1.id, cardNumber: '95000001' });
    const first = await held({ kind: 'individual', subjectPersonId: person.id }, 'Đảng viên tiêu biểu năm nay');
    const second = await held({ kind: 'individual', subjectPersonId: person.id }, 'Gương người tốt việc tốt');
    const cellOnce = await held({ kind: 'collective', subjectUnitId: tree.C1.id }, 'Chi bộ trong sạch, vững mạnh');
    const cellTwice = await held({ kind: 'collective', subjectUnitId: tree.C1.id }, 'Chi bộ tiêu biểu trong dân vận');
    const before = await state();
    for (const [nominationIds, name] of [
      [[first.id, second.id], 'Võ Thị Hai Lần'],
      [[cellOnce.id, first.id, cellTwice.id], 'Chi bộ Khu phố 1'],
    ] as const) {
      const response = await committee.send('POST', '/api/commendation-decisions', decision([...nominationIds]));
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.json().error.message).toBe(`Quyết định nêu ${name} hai lần.`);
    }
    expect(await state()).toEqual(before);
    // Named once each, the same four may go into two decisions.
    expect((await committee.send('POST', '/api/commendation-decisions', decision([first.id, cellOnce.id]))).statusCode).toBe(201);
    expect((await committee.send('POST', '/api/commendation-decisions', decision([second.id, cellTwice.id]))).statusCode).toBe(201);
  });
});

describe('the commendation figures export to Excel', () => {
  it('has a row per child unit and a total, the forms and levels, and the definitions', async () => {
    const response = await committee.get(`/api/exports/commendation-figures?unitId=${tree.A.id}&year=${year}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(response.headers['content-disposition']))).toContain(
      `Số liệu khen thưởng ${year} - Đảng ủy phường An Bình - ${today.split('-').reverse().join('-')}.xlsx`,
    );
    const sheets = await readWorkbook(response.rawPayload);
    const rows = sheets.get('Khen thưởng')!;
    const headerAt = rows.findIndex((row) => row[0] === 'Mã đơn vị');
    const header = rows[headerAt]!;
    expect(header.slice(0, 8)).toEqual([
      'Mã đơn vị',
      'Đơn vị',
      'Số người sinh hoạt',
      'Hồ sơ đề nghị',
      'Được biểu dương, khen thưởng',
      'Tập thể',
      'Cá nhân',
      'Mô hình, cách làm hay',
    ]);
    expect(header).toContain('Giấy khen');
    expect(header).toContain('Do Đảng ủy xã, phường, đặc khu quyết định');
    const column = (name: string) => header.indexOf(name);
    const byName = new Map(rows.slice(headerAt + 1).map((row) => [String(row[1]), row]));
    // Two decisions of A: four commended in C1 (two people, the cell twice), none in C2.
    const c1 = byName.get('Chi bộ Khu phố 1')!;
    expect(c1[column('Được biểu dương, khen thưởng')]).toBe(4);
    expect(c1[column('Tập thể')]).toBe(2);
    expect(c1[column('Cá nhân')]).toBe(2);
    expect(c1[column('Giấy khen')]).toBe(4);
    expect(byName.get('Chi bộ Khu phố 2')![column('Được biểu dương, khen thưởng')]).toBe(0);
    const total = byName.get('Toàn Đảng ủy phường An Bình')!;
    expect(total[column('Được biểu dương, khen thưởng')]).toBe(4);
    expect(total[column('Hồ sơ đề nghị')]).toBe(4);
    const definitions = sheets.get('Định nghĩa')!;
    expect(definitions[0]).toEqual(['Chỉ số', 'Định nghĩa']);
    expect(definitions.slice(1).map((row) => row[0])).toEqual(header.slice(2));
    expect(definitions.slice(1).every((row) => String(row[1]).length > 20)).toBe(true);
  });

  it('is refused outside the subtree', async () => {
    expect((await outsider.get(`/api/exports/commendation-figures?unitId=${tree.A.id}&year=${year}`)).statusCode).toBe(403);
    expect((await committee.get(`/api/exports/commendation-figures?unitId=${tree.A.id}&year=1999`)).statusCode).toBe(400);
  });
});
