import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { counterRows } from '../../../../test/helpers/counter-rows';
import { rootActor, seedSmallTree, startTestApp, type TestContext } from '../../../../test/helpers/fixtures';
import type { Actor } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors';
import { PROGRAMME_METRICS } from '../figures/index';
import { adoptDraft, createDraft } from './standards.service';
import { recordSign } from './standards-sign.service';
import { insertStandardsInBulk, type UnitStandardsInput } from './standards.bulk';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let actor: Actor;

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  actor = rootActor(tree.R.path);
});
afterAll(() => ctx.close());

const FIRST = [{ text: 'Gương mẫu chấp hành chủ trương của Đảng' }, { text: 'Gần dân, lắng nghe ý kiến của nhân dân' }];
const SECOND = [...FIRST, { text: 'Đoàn kết, giúp đỡ nhau trong công việc' }];

/** C1 adopted twice and posted its sign, C2 adopted once, C3 adopted once and posted its sign. */
function batch(): UnitStandardsInput[] {
  return [
    {
      unitId: tree.C1.id,
      versions: [
        { criteria: FIRST, adoptedOn: '2025-08-15' },
        { criteria: SECOND, adoptedOn: '2026-02-01' },
      ],
      sign: { postedOn: '2025-09-02', location: 'Hội trường' },
    },
    { unitId: tree.C2.id, title: 'Chuẩn mực đạo đức của Chi bộ Khu phố 2', versions: [{ criteria: FIRST, adoptedOn: '2025-10-01' }] },
    { unitId: tree.C3.id, versions: [{ criteria: SECOND, adoptedOn: '2025-11-20' }], sign: { postedOn: '2025-11-20', location: null } },
  ];
}

/** The versions and signs as rows (without ids and edit counters), and every counter. */
async function snapshot(executor: Pick<TestContext['db'], 'execute'>) {
  const rows = async (query: ReturnType<typeof sql>) => (await executor.execute(query)).rows;
  return {
    standards: await rows(sql`
      SELECT unit_id, version_number, title, criteria, status, adopted_on::text, superseded_on::text, created_by
      FROM ethics_standards ORDER BY unit_id, version_number`),
    signs: await rows(sql`SELECT unit_id, posted_on::text, location, photo_file_id, created_by FROM standard_signs ORDER BY unit_id`),
    ...(await counterRows(executor)),
  };
}

const writtenSoFar = async () =>
  (
    await ctx.db.execute<{ standards: number; signs: number; counters: number; audit: number }>(sql`
    SELECT (SELECT count(*) FROM ethics_standards) AS standards, (SELECT count(*) FROM standard_signs) AS signs,
      (SELECT count(*) FROM figure_counters) AS counters, (SELECT count(*) FROM audit_log) AS audit`)
  ).rows[0];

class Rollback extends Error {}

describe('insertStandardsInBulk', () => {
  it('leaves the same rows and counters as the same history written one by one through the service', async () => {
    let bulk: Awaited<ReturnType<typeof snapshot>> | undefined;
    let counts: { adopted: number; signs: number } | undefined;
    let audit = 0;
    await ctx.db
      .transaction(async (tx) => {
        counts = await insertStandardsInBulk(tx, actor, batch());
        bulk = await snapshot(tx);
        audit = Number(
          (await tx.execute<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'standard.bulk.insert'`)).rows[0]!.n,
        );
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    expect(counts).toEqual({ adopted: 3, signs: 2 });
    expect(audit).toBe(1);

    for (const input of batch()) {
      for (const version of input.versions) {
        const draft = await createDraft(ctx.db, actor, { unitId: input.unitId, title: input.title, criteria: version.criteria });
        await adoptDraft(ctx.db, actor, draft.id, { adoptedOn: version.adoptedOn, version: draft.version });
      }
      if (input.sign) await recordSign(ctx.db, actor, input.unitId, { ...input.sign, photoFileId: null });
    }
    const oneByOne = await snapshot(ctx.db);
    expect(oneByOne.standards).toHaveLength(4);
    const metrics = new Set(oneByOne.counters.map((row) => row.metric));
    expect(metrics.has(PROGRAMME_METRICS.standardsAdopted) && metrics.has(PROGRAMME_METRICS.signsPosted)).toBe(true);
    expect(bulk).toEqual(oneByOne);
  });

  it('refuses a bad batch with nothing written', async () => {
    await ctx.db.execute(sql`DELETE FROM standard_signs`);
    await ctx.db.execute(sql`DELETE FROM ethics_standards`);
    await createDraft(ctx.db, actor, { unitId: tree.C3.id, criteria: FIRST });
    const before = await writtenSoFar();
    const refused = async (input: UnitStandardsInput[], code: string, who: Actor = actor) => {
      const error = await ctx.db.transaction((tx) => insertStandardsInBulk(tx, who, input)).catch((caught: unknown) => caught);
      expect(error, JSON.stringify(input.at(-1))).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(code);
    };
    const [c1, c2] = batch();
    const good = [c1!];
    await refused([...good, { ...c2!, versions: [{ criteria: FIRST, adoptedOn: '2025-02-30' }] }], 'VALIDATION_FAILED');
    await refused([...good, { ...c2!, versions: [{ criteria: FIRST, adoptedOn: '2999-01-01' }] }], 'VALIDATION_FAILED');
    await refused([...good, { ...c2!, versions: [{ criteria: FIRST, adoptedOn: '2025-06-01' }] }], 'VALIDATION_FAILED');
    await refused([...good, { ...c2!, versions: [{ criteria: [], adoptedOn: '2025-10-01' }] }], 'VALIDATION_FAILED');
    await refused([...good, { ...c2!, versions: [] }], 'VALIDATION_FAILED');
    await refused(
      [
        ...good,
        {
          ...c2!,
          versions: [
            { criteria: FIRST, adoptedOn: '2025-10-01' },
            { criteria: SECOND, adoptedOn: '2025-09-01' },
          ],
        },
      ],
      'VALIDATION_FAILED',
    );
    await refused([...good, { ...c2!, sign: { postedOn: '2025-09-30', location: null } }], 'VALIDATION_FAILED');
    await refused([...good, { ...c2!, sign: { postedOn: '2025-13-01', location: null } }], 'VALIDATION_FAILED');
    await refused([...good, { ...c2!, unitId: tree.A.id }], 'INVALID_STATE');
    await refused([...good, { ...c2!, unitId: 999_999 }], 'NOT_FOUND');
    await refused([...good, { ...c1! }], 'VALIDATION_FAILED');
    await refused([...good, { ...c2!, unitId: tree.C3.id }], 'CONFLICT');
    await refused(good, 'FORBIDDEN', rootActor(tree.B.path));
    expect(await writtenSoFar()).toEqual(before);
  });
});
