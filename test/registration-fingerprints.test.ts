import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addPerson, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openWindow, registerAs } from './helpers/registration-fixtures';
import { decodeFingerprint, encodeFingerprint, findSimilar, fingerprintOf } from '../src/server/modules/registrations/similarity';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let next = 0;
const card = () => String(81_000_000 + ++next);

const commitment = {
  shortcomings: 'Còn ngại học tập nâng cao trình độ, chưa chủ động ứng dụng công nghệ thông tin trong công việc được giao.',
  actions: [
    'Hoàn thành khóa học kỹ năng số cơ bản trong quý II',
    'Hướng dẫn ít nhất 5 hộ gia đình cài đặt ứng dụng dịch vụ công trực tuyến',
  ],
};

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  await openWindow(ctx.db, tree.R.path, tree.R.id);
});
afterAll(() => ctx.close());

async function registerIn(unit: { id: number; path: string }, fullName: string, text = commitment) {
  const person = await addPerson(ctx.db, unit.path, { fullName, unitId: unit.id, cardNumber: card() });
  return (await registerAs(ctx.db, person.id, text)).id;
}

async function storedFingerprint(id: number) {
  const rows = await ctx.db.execute<{ fingerprint: Buffer | null; search_text: string }>(
    sql`SELECT fingerprint, search_text FROM registrations WHERE id = ${id}`,
  );
  return rows.rows[0]!;
}

describe('registration fingerprints', () => {
  it('round-trip through their stored form', () => {
    const fingerprint = fingerprintOf('con ngai hoc tap nang cao trinh do');
    expect(fingerprint.length).toBe(7);
    expect([...decodeFingerprint(encodeFingerprint(fingerprint))]).toEqual([...fingerprint]);
  });

  it('are stored when a registration is written, and rows written without one are still compared', async () => {
    const first = await registerIn(tree.C1, 'Trần Văn Một');
    const stored = await storedFingerprint(first);
    expect(stored.fingerprint).not.toBeNull();
    expect([...decodeFingerprint(stored.fingerprint!)]).toEqual([...fingerprintOf(stored.search_text)]);

    // A registration loaded in bulk has no fingerprint yet: later writers fold its text instead.
    const loaded = await registerIn(tree.C2, 'Phạm Thị Hai');
    await ctx.db.execute(sql`UPDATE registrations SET fingerprint = NULL WHERE id = ${loaded}`);
    await ctx.db.execute(sql`DELETE FROM registration_similarities`);
    const copy = await registerIn(tree.C1, 'Đỗ Thị Bốn');
    expect((await findSimilar(ctx.db, copy)).map((item) => item.id).sort()).toEqual([first, loaded].sort());

    // Very different sizes cannot reach the threshold, so they are not even read: no pair either way.
    const short = await registerIn(tree.C1, 'Lê Văn Năm', {
      shortcomings: 'Còn ngại học tập nâng cao trình độ.',
      actions: ['Đọc một cuốn sách mỗi tháng'],
    });
    expect((await findSimilar(ctx.db, short)).map((item) => item.id)).toEqual([]);
  });
});
