/**
 * A commendation decision of last year typed in today counts in last year's figures (its decision
 * day), never in this year's, and the counters equal a recount; a level cannot decide on a day it
 * did not exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addUser, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, type Session } from './helpers/session';
import { todayIso } from '../src/server/platform/dates';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let commune: Session;
let province: Session;
const year = Number(todayIso().slice(0, 4));
const lastYear = year - 1;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  await addUser(ctx.db, 'canbo.a', [{ unitId: tree.A.id, role: 'officer' }]);
  await addUser(ctx.db, 'thuongvu.r', [{ unitId: tree.R.id, role: 'committee' }]);
  commune = await openSession(ctx.app, 'canbo.a');
  province = await openSession(ctx.app, 'thuongvu.r');
});
afterAll(() => ctx.close());

type Figures = { figures: { commended: number; collectives: number; individuals: number; nominations: number } };
const figuresOf = async (forYear: number) =>
  (await province.get(`/api/commendation-figures?unitId=${tree.R.id}&year=${forYear}`)).json() as Figures;

/** Commendations recounted from the decisions themselves, by the year of their decision day. */
async function recountCommended(forYear: number): Promise<number> {
  const rows = await ctx.db.execute<{ n: number }>(sql`
    SELECT count(*) AS n FROM nominations n JOIN commendation_decisions d ON d.id = n.decision_id
    WHERE n.status = 'commended' AND EXTRACT(YEAR FROM d.decided_on) = ${forYear}`);
  return Number(rows.rows[0]!.n);
}

/** A nomination of last year from the commune, held by the province. */
async function heldByProvince(title: string, body: Record<string, unknown>): Promise<number> {
  const created = await commune.send('POST', '/api/nominations', {
    unitId: tree.A.id,
    title,
    story: 'Duy trì sinh hoạt chi bộ đều đặn, 100% đảng viên đăng ký và thực hiện việc làm theo Bác.',
    results: '100% đảng viên hoàn thành tốt việc đã đăng ký.',
    periodFrom: `${lastYear}-07-01`,
    periodTo: `${lastYear}-12-31`,
    registrationIds: [],
    fileIds: [],
    ...body,
  });
  expect(created.statusCode, created.body).toBe(201);
  const submitted = await commune.send('POST', `/api/nominations/${created.json().id}/submit`, {
    version: created.json().version,
    reason: null,
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return created.json().id as number;
}

describe('a decision of last year typed in late', () => {
  it('counts in last year, not in this one, and equals a recount', async () => {
    const collective = await heldByProvince('Chi bộ tiêu biểu năm trước', { kind: 'collective', subjectUnitId: tree.C2.id });
    const beforeLast = await figuresOf(lastYear);
    const beforeThis = await figuresOf(year);
    const response = await province.send('POST', '/api/commendation-decisions', {
      unitId: tree.R.id,
      formCode: 'bang_khen',
      decidedOn: `${lastYear}-12-20`,
      periodFrom: `${lastYear}-07-01`,
      periodTo: `${lastYear}-12-31`,
      title: 'Về việc tặng Bằng khen cho tập thể có thành tích xuất sắc năm trước',
      signerName: null,
      signerTitle: null,
      nominationIds: [collective],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().numberSymbol).toBe('1-QĐ/TU');
    const afterLast = await figuresOf(lastYear);
    const afterThis = await figuresOf(year);
    expect(afterLast.figures.commended).toBe(beforeLast.figures.commended + 1);
    expect(afterLast.figures.collectives).toBe(beforeLast.figures.collectives + 1);
    expect(afterThis.figures.commended).toBe(beforeThis.figures.commended);
    expect(afterLast.figures.commended).toBe(await recountCommended(lastYear));
    expect(afterThis.figures.commended).toBe(await recountCommended(year));
  });

  it('is refused on a day the deciding level did not exist, and changes nothing', async () => {
    const collective = await heldByProvince('Chi bộ tiêu biểu trước khi thành lập', { kind: 'collective', subjectUnitId: tree.C1.id });
    const decisions = async () =>
      Number((await ctx.db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM commendation_decisions`)).rows[0]!.n);
    const before = await decisions();
    const response = await province.send('POST', '/api/commendation-decisions', {
      unitId: tree.R.id,
      formCode: 'bang_khen',
      decidedOn: '2024-05-19',
      periodFrom: '2024-01-01',
      periodTo: '2024-04-30',
      title: 'Về việc tặng Bằng khen',
      signerName: null,
      signerTitle: null,
      nominationIds: [collective],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('chưa thành lập hoặc đã kết thúc vào ngày 19/05/2024'),
    });
    expect(await decisions()).toBe(before);
    const status = await ctx.db.execute<{ status: string }>(sql`SELECT status FROM nominations WHERE id = ${collective}`);
    expect(status.rows[0]!.status).toBe('submitted');
  });
});
