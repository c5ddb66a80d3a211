/**
 * The "registrations with a near-identical twin" figure is a live counter kept by the writers
 * (similarity.ts, the status machine, a unit's move). After random saves, edits, transitions, a
 * move of a cell to another commune and concurrent writes, every registration's has_twin equals a
 * recount from the stored pairs and the units' paths, and the figure of every unit equals a recount
 * of the registered ones with a twin in its subtree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addPerson, rootActor, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { seededRandom } from './helpers/seeded-random';
import { actions, memberActor, openWindow, registerAs } from './helpers/registration-fixtures';
import { changeStatus } from '../src/server/modules/registrations/appraisal.service';
import { updateRegistrationContent } from '../src/server/modules/registrations/registrations.service';
import { moveUnit } from '../src/server/modules/units/units.service';
import { REGISTRATION_BUCKETS, REGISTRATION_METRICS, registrationFigureDay } from '../src/server/modules/figures/index';
import { parentPathOf, SIMILARITY_THRESHOLD } from '../src/server/modules/registrations/index';
import { readFigures } from '../src/server/platform/figures';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let card = 83_000_000;

const next = seededRandom(20261207);

const TEXTS = [
  {
    shortcomings: 'Còn ngại học tập nâng cao trình độ, chưa chủ động ứng dụng công nghệ thông tin trong công việc được giao.',
    actions: ['Hoàn thành khóa học kỹ năng số cơ bản trong quý II', 'Hướng dẫn ít nhất 5 hộ gia đình cài đặt ứng dụng dịch vụ công'],
  },
  {
    shortcomings: 'Tác phong làm việc đôi lúc chưa đúng giờ, chưa gần gũi lắng nghe ý kiến của bà con trong khu dân cư.',
    actions: ['Đến trước giờ họp mười lăm phút mỗi buổi sinh hoạt', 'Mỗi tháng thăm hỏi ít nhất ba hộ gia đình khó khăn'],
  },
];
/** A text of its own (shares no word pairs with the others), numbered. */
const ownText = (n: number) => ({
  shortcomings: `Riêng ${n}: chưa kiên trì rèn luyện thể dục thể thao số ${n} mỗi sáng`,
  actions: [`Đọc sách lịch sử địa phương chương ${n}`, `Trồng cây xanh ven đường xóm ${n}`],
});
const pickText = () => (next(3) < 2 ? TEXTS[next(2)]! : ownText(next(1_000_000)));

type Registration = { id: number; personId: number };
const registrations: Registration[] = [];
const appraiser = () => rootActor(tree.R.path);

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  await openWindow(ctx.db, tree.R.path, tree.R.id);
  for (const unit of [tree.C1, tree.C1, tree.C1, tree.C1, tree.C2, tree.C2, tree.C2, tree.C3, tree.C3, tree.C3, tree.A]) {
    const person = await addPerson(ctx.db, unit.path, { fullName: `Lê Văn Sinh Đôi ${card}`, unitId: unit.id, cardNumber: String(++card) });
    const created = await registerAs(ctx.db, person.id, pickText(), { draft: next(4) === 0 });
    registrations.push({ id: created.id, personId: person.id });
  }
}, 120_000);
afterAll(() => ctx.close());

async function current(id: number) {
  const rows = await ctx.db.execute<{ status: string; version: number }>(sql`SELECT status, version FROM registrations WHERE id = ${id}`);
  return { status: rows.rows[0]!.status, version: Number(rows.rows[0]!.version) };
}

/** One random write through the services, as the registrant or the appraiser would make it. */
async function randomWrite(registration: Registration): Promise<void> {
  const { status, version } = await current(registration.id);
  const member = memberActor(registration.personId);
  if ((status === 'draft' || status === 'returned') && next(2) === 0) {
    const text = pickText();
    await updateRegistrationContent(ctx.db, member, registration.id, {
      version,
      shortcomings: text.shortcomings,
      actions: actions(...text.actions),
      submit: next(2) === 0,
    });
  } else if (status === 'draft' || status === 'returned') {
    await changeStatus(ctx.db, member, registration.id, { transition: 'submit', version });
  } else if (status === 'submitted') {
    const choice = next(3);
    if (choice === 0) await changeStatus(ctx.db, appraiser(), registration.id, { transition: 'approve', version });
    else if (choice === 1) await changeStatus(ctx.db, appraiser(), registration.id, { transition: 'return', version, reason: 'Bổ sung' });
    else await changeStatus(ctx.db, member, registration.id, { transition: 'withdraw', version });
  }
}

/**
 * Recounts from the rows: a registration has a twin when a stored pair at or above the threshold
 * joins it to one in its parent unit's subtree; a unit's figure counts the registered ones with a
 * twin in its subtree.
 */
async function recount() {
  const rows = await ctx.db.execute<{ id: number; status: string; unit_path: string; has_twin: boolean }>(sql`
    SELECT r.id, r.status, u.path::text AS unit_path, r.has_twin FROM registrations r JOIN units u ON u.id = r.unit_id`);
  const pathOf = new Map(rows.rows.map((row) => [Number(row.id), row.unit_path]));
  const pairs = await ctx.db.execute<{ registration_id: number; other_id: number; similarity: number }>(
    sql`SELECT registration_id, other_id, similarity FROM registration_similarities`,
  );
  const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);
  const twin = new Set<number>();
  for (const pair of pairs.rows) {
    const own = pathOf.get(Number(pair.registration_id))!;
    if (Number(pair.similarity) >= SIMILARITY_THRESHOLD && within(pathOf.get(Number(pair.other_id))!, parentPathOf(own))) {
      twin.add(Number(pair.registration_id));
    }
  }
  const registered = REGISTRATION_BUCKETS.registered as readonly string[];
  return {
    flags: rows.rows.map((row) => ({ id: Number(row.id), stored: row.has_twin, recounted: twin.has(Number(row.id)) })),
    figureOf: (unitPath: string) =>
      rows.rows.filter((row) => registered.includes(row.status) && twin.has(Number(row.id)) && within(row.unit_path, unitPath)).length,
  };
}

async function expectFiguresToMatchRecount() {
  const { flags, figureOf } = await recount();
  expect(flags.filter((flag) => flag.stored !== flag.recounted)).toEqual([]);
  const units = await ctx.db.execute<{ id: number; path: string }>(sql`SELECT id, path::text AS path FROM units ORDER BY id`);
  const metric = REGISTRATION_METRICS.withTwin(2026);
  const figures = await readFigures(
    ctx.db,
    units.rows.map((unit) => Number(unit.id)),
    [metric],
    registrationFigureDay(2026),
  );
  const read = units.rows.map((unit) => ({ path: unit.path, figure: figures.get(Number(unit.id))?.[metric] ?? 0 }));
  expect(read).toEqual(units.rows.map((unit) => ({ path: unit.path, figure: figureOf(unit.path) })));
  return figureOf(tree.R.path);
}

describe('registrations with a near-identical twin', () => {
  it('are counted exactly through saves, edits and every transition', async () => {
    expect(await expectFiguresToMatchRecount()).toBeGreaterThan(0);
    for (let round = 0; round < 40; round++) await randomWrite(registrations[next(registrations.length)]!);
    expect(await expectFiguresToMatchRecount()).toBeGreaterThan(0);
  }, 120_000);

  it('follow a cell that moves to another commune: pairs across the old edge stop counting', async () => {
    // One copied text, in one cell of A and in the other only, submitted: the move takes both twins away.
    const copied = {
      shortcomings: 'Chưa thật sự gương mẫu trong việc giữ gìn vệ sinh môi trường nơi cư trú và vận động gia đình cùng làm.',
      actions: ['Tổng vệ sinh đường làng mỗi sáng chủ nhật', 'Vận động mười hộ phân loại rác tại nguồn'],
    };
    for (const unit of [tree.C1, tree.C2]) {
      const person = await addPerson(ctx.db, unit.path, { fullName: `Võ Thị Chép ${card}`, unitId: unit.id, cardNumber: String(++card) });
      registrations.push({ id: (await registerAs(ctx.db, person.id, copied)).id, personId: person.id });
    }
    const before = await expectFiguresToMatchRecount();
    const c2 = await ctx.db.execute<{ version: number }>(sql`SELECT version FROM units WHERE id = ${tree.C2.id}`);
    await moveUnit(ctx.db, rootActor(tree.R.path), tree.C2.id, { parentId: tree.B.id, version: Number(c2.rows[0]!.version) });
    const after = await expectFiguresToMatchRecount();
    expect(after).toBeLessThan(before);
    // Written again in its new commune, the copy pairs with those of B.
    for (let round = 0; round < 30; round++) await randomWrite(registrations[next(registrations.length)]!);
    await expectFiguresToMatchRecount();
  }, 120_000);

  it('stay exact when a registration is submitted while its copy is being written', async () => {
    for (let round = 0; round < 6; round++) {
      const [first, second] = [registrations[next(registrations.length)]!, registrations[next(registrations.length)]!];
      if (first.id === second.id) continue;
      const [a, b] = [await current(first.id), await current(second.id)];
      const writes: Array<Promise<unknown>> = [];
      if (a.status === 'draft' || a.status === 'returned') {
        writes.push(changeStatus(ctx.db, memberActor(first.personId), first.id, { transition: 'submit', version: a.version }));
      }
      if (b.status === 'draft' || b.status === 'returned') {
        const text = TEXTS[next(2)]!;
        writes.push(
          updateRegistrationContent(ctx.db, memberActor(second.personId), second.id, {
            version: b.version,
            shortcomings: text.shortcomings,
            actions: actions(...text.actions),
          }),
        );
      }
      await Promise.all(writes);
    }
    await expectFiguresToMatchRecount();
  }, 120_000);
});
