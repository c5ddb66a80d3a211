/**
 * `npm run bench -- reports [--units N] [--people M] [--in-memory]`
 *
 * On the national data set (300,000 units and 1,000,000 people by default): how long it takes to
 * issue a report request from the root to every commune and ward committee (the 3,321 of the
 * national data set), to fill and submit every report, to read the
 * consolidation, and to write one report's DOCX. Targets: issuing under 5 s, the consolidation
 * under 1 s, one DOCX under 1 s. The database is the bench's own (see bench/tree.ts).
 */
import { loadavg } from 'node:os';
import { migrateDatabase } from '../src/server/platform/db/migrate';
import type { Actor } from '../src/server/platform/auth/policy';
import { seedAtScale } from '../src/cli/seed-scale';
import { createRequest, getConsolidation, saveAnswer, submitAnswer } from '../src/server/modules/reports/index';
import { answerDocumentInput, consolidationDocumentInput } from '../src/server/modules/reports/document.service';
import { writeReportDocument } from '../src/server/modules/reports/report-document';
import { DEFAULT_SECTIONS } from '../src/shared/contracts/reports';
import { numberOption, round, secondsSince as seconds, withBenchDatabase } from './support';

function parseOptions(args: string[]) {
  return {
    units: numberOption(args, '--units', 300_000),
    people: numberOption(args, '--people', 1_000_000),
    inMemory: args.includes('--in-memory'),
  };
}

/** The median of a few runs: the first one also warms the caches. */
async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    await work();
    times.push(seconds(started));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function runReportsBench(args: string[]): Promise<void> {
  const options = parseOptions(args);
  await withBenchDatabase(options, async (database) => {
    const { handle } = database;
    const loadAtStart = loadavg()[0] ?? 0;
    console.log(`reports bench on ${database.label} (load average ${loadAtStart.toFixed(1)})`);
    await migrateDatabase(handle.db);
    const seeded = await seedAtScale(handle, { units: options.units, people: options.people, log: (line) => console.log(`  | ${line}`) });
    console.log(`seed: ${seeded.units} units, ${seeded.people} people in ${seeded.seconds.toFixed(1)} s`);
    const root = (
      await handle.pool.query<{ id: number; code: string; name: string; path: string }>(
        `SELECT id, code, name, path::text AS path FROM units WHERE parent_id IS NULL`,
      )
    ).rows[0]!;
    const actor: Actor = {
      userId: null,
      name: 'bench',
      grants: [{ id: 0, unitId: Number(root.id), unitCode: root.code, unitName: root.name, unitPath: root.path, role: 'admin' }],
      ip: null,
      requestId: null,
    };

    let started = performance.now();
    const request = await createRequest(handle.db, actor, {
      unitId: Number(root.id),
      kind: 'quarterly',
      title: 'Báo cáo quý III năm 2026 về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
      periodFrom: '2026-07-01',
      periodTo: '2026-09-30',
      deadline: '2099-10-10',
      audience: 'communes',
      content: {
        metrics: ['members', 'party_members', 'studied', 'study_rate', 'study_sessions', 'standards_rate', 'registration_rate'],
        manualItems: [{ key: 'good_examples', label: 'Số gương điển hình được biểu dương', type: 'number' }],
        sections: DEFAULT_SECTIONS.map((section) => ({ ...section })),
      },
      guidance: null,
    });
    const issueSeconds = seconds(started);
    const communes = (
      await handle.pool.query<{ n: number }>(
        `SELECT count(*) AS n FROM report_answers a JOIN units u ON u.id = a.unit_id WHERE a.request_id = $1 AND u.kind = 'commune_committee'`,
        [request.id],
      )
    ).rows[0]!.n;
    console.log(
      `issue: ${request.answers.length} expected units (${communes} commune committees) in ${issueSeconds.toFixed(2)} s (target < 5 s)`,
    );

    started = performance.now();
    for (const answer of request.answers) {
      const saved = await saveAnswer(handle.db, actor, answer.id, {
        narrative: Object.fromEntries(DEFAULT_SECTIONS.map((section) => [section.key, `${section.title} của đơn vị trong quý.`])),
        manualValues: { good_examples: '3' },
        figureNotes: {},
        recommendations: [{ kind: 'recommendation', body: 'Đề nghị cấp thêm tài liệu học tập chuyên đề' }],
        fileIds: [],
        version: answer.version,
      });
      await submitAnswer(handle.db, actor, answer.id, saved.version);
    }
    const fillSeconds = seconds(started);
    console.log(
      `fill and submit: ${request.answers.length} reports in ${fillSeconds.toFixed(1)} s (${((fillSeconds / request.answers.length) * 1000).toFixed(0)} ms each)`,
    );

    const consolidationSeconds = await median(5, () => getConsolidation(handle.db, actor, request.id));
    console.log(`consolidation view: median ${(consolidationSeconds * 1000).toFixed(0)} ms over 5 reads (target < 1 s)`);
    const docxSeconds = await median(5, async () =>
      writeReportDocument(await answerDocumentInput(handle.db, actor, request.answers[0]!.id)),
    );
    console.log(`one report DOCX: median ${(docxSeconds * 1000).toFixed(0)} ms (target < 1 s)`);
    const consolidatedDocxSeconds = await median(3, async () =>
      writeReportDocument(await consolidationDocumentInput(handle.db, actor, request.id)),
    );
    console.log(`consolidated DOCX of ${request.answers.length} reports: median ${(consolidatedDocxSeconds * 1000).toFixed(0)} ms`);

    console.log(
      JSON.stringify({
        bench: 'reports',
        db: handle.kind,
        units: seeded.units,
        people: seeded.people,
        expected_units: request.answers.length,
        commune_committees: Number(communes),
        issue_to_communes_ms: round(issueSeconds * 1000),
        fill_s: round(fillSeconds, 2),
        fill_each_ms: round((fillSeconds / request.answers.length) * 1000),
        consolidation_median_ms: round(consolidationSeconds * 1000),
        report_docx_median_ms: round(docxSeconds * 1000),
        consolidated_docx_median_ms: round(consolidatedDocxSeconds * 1000),
        load_avg_start: round(loadAtStart, 2),
        load_avg_end: round(loadavg()[0] ?? 0, 2),
      }),
    );
  });
}
