/**
 * `npm run bench -- commendations [--units N] [--people M] [--commendations C] [--requests R] [--in-memory]`
 *
 * On the national data set (300,000 units, 1,000,000 people by default) with C commendations
 * (100,000): the commune committees' decisions of three years, each naming cells, members and good
 * practices of their commune, a fifth of them shown in the public gallery, with the live counters
 * the status machine writes (checked against a recount). Then, over HTTP against a running server:
 * the commendation figures of the root and of the largest province (target p95 < 50 ms on
 * PostgreSQL), and the public gallery, unfiltered, searched by a word and filtered by province
 * (target p95 < 100 ms). One decision through the real service is timed too.
 */
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';
import type { DbHandle } from '../src/server/platform/db/client';
import { migrateDatabase } from '../src/server/platform/db/migrate';
import { addFigureDeltas, type FigureDelta } from '../src/server/platform/figures';
import type { Actor } from '../src/server/platform/auth/policy';
import { COMMENDATION_METRICS } from '../src/server/modules/figures/index';
import { createDecision, createNomination, takeStep } from '../src/server/modules/commendations/index';
import { foldVietnamese } from '../src/shared/text';
import { seedAtScale } from '../src/cli/seed-scale';
import { addUser, PASSWORD } from '../test/helpers/fixtures';
import {
  measureSequentialGets,
  numberOption,
  round,
  secondsSince as seconds,
  signInOverHttp,
  thousands,
  withBenchDatabase,
} from './support';

const FORMS = ['bieu_duong', 'giay_khen', 'bang_khen'] as const;
const KINDS = ['collective', 'individual', 'individual', 'individual', 'model'] as const;
const YEARS = [2024, 2025, 2026];
const WORDS = [
  'dân vận khéo',
  'hiến đất làm đường',
  'giúp đỡ hộ nghèo',
  'cải cách hành chính',
  'bảo vệ môi trường',
  'khuyến học',
  'an ninh trật tự',
  'chuyển đổi số',
];

function parseOptions(args: string[]) {
  return {
    units: numberOption(args, '--units', 300_000),
    people: numberOption(args, '--people', 1_000_000),
    commendations: numberOption(args, '--commendations', 100_000),
    requests: numberOption(args, '--requests', 200),
    inMemory: args.includes('--in-memory'),
  };
}

type Cell = { id: number; path: string; communeId: number; personId: number | null };

/** Cells and grassroots cells under each open commune committee, each with one of its members. */
async function loadCells(handle: DbHandle): Promise<Map<number, Cell[]>> {
  const rows = await handle.pool.query<{ id: number; path: string; commune_id: number; person_id: number | null }>(`
    SELECT u.id, u.path::text AS path, c.id AS commune_id,
      (SELECT m.person_id FROM memberships m WHERE m.unit_id = u.id AND m.is_primary AND m.to_date IS NULL LIMIT 1) AS person_id
    FROM units u JOIN units c ON c.kind = 'commune_committee' AND c.valid_to IS NULL AND u.path <@ c.path AND u.id <> c.id
    WHERE u.kind IN ('cell', 'grassroots_cell') AND u.valid_to IS NULL`);
  const byCommune = new Map<number, Cell[]>();
  for (const row of rows.rows) {
    const cell = {
      id: Number(row.id),
      path: row.path,
      communeId: Number(row.commune_id),
      personId: row.person_id === null ? null : Number(row.person_id),
    };
    const list = byCommune.get(cell.communeId) ?? [];
    list.push(cell);
    byCommune.set(cell.communeId, list);
  }
  return byCommune;
}

/**
 * Writes the decisions and the commended nominations as the machine leaves them, and the same
 * counter deltas the machine writes (nominated on the period's last day, commended by kind, form
 * and level on the decision's day), in batches.
 */
async function generateCommendations(
  handle: DbHandle,
  total: number,
): Promise<{ decisions: number; nominations: number; publicShare: number }> {
  const cellsByCommune = await loadCells(handle);
  const communes = [...cellsByCommune.keys()].sort((a, b) => a - b);
  const decisionsPlanned = communes.length * YEARS.length;
  // Spread evenly over the years and communes: the i-th decision names its share of the total.
  const countOf = (index: number) => Math.floor(((index + 1) * total) / decisionsPlanned) - Math.floor((index * total) / decisionsPlanned);
  let made = 0;
  let decisions = 0;
  let written = 0;
  let published = 0;
  let serial = 0;
  const deltas: FigureDelta[] = [];
  for (const year of YEARS) {
    for (const communeId of communes) {
      const count = countOf(decisions);
      decisions += 1;
      if (count === 0) continue;
      const cells = cellsByCommune.get(communeId)!;
      const form = FORMS[(communeId + year) % FORMS.length]!;
      const decision = await handle.pool.query<{ id: number }>(
        `INSERT INTO commendation_decisions (unit_id, form_code, number_year, number_value, number_symbol, decided_on, period_from, period_to, title)
         VALUES ($1, $2, $3, 1, '1-QĐ/ĐU', $4, $5, $6, 'Về việc khen thưởng tập thể, cá nhân có thành tích xuất sắc') RETURNING id`,
        [communeId, form, year, `${year}-05-19`, `${year - 1}-06-01`, `${year}-04-30`],
      );
      written += 1;
      const values: unknown[][] = [[], [], [], [], [], [], [], [], [], []];
      for (let index = 0; index < count; index++) {
        serial += 1;
        const cell = cells[(serial * 7919) % cells.length]!;
        const kind = cell.personId === null && KINDS[serial % KINDS.length] === 'individual' ? 'collective' : KINDS[serial % KINDS.length]!;
        const title = `${kind === 'model' ? 'Mô hình' : 'Gương'} ${WORDS[serial % WORDS.length]} số ${serial}`;
        const isPublic = serial % 5 === 0;
        if (isPublic) published += 1;
        values[0]!.push(cell.id);
        values[1]!.push(kind);
        values[2]!.push(kind === 'collective' ? cell.id : null);
        values[3]!.push(kind === 'individual' ? cell.personId : null);
        values[4]!.push(title);
        values[5]!.push(foldVietnamese(`${title} vận động nhân dân ${WORDS[(serial * 3) % WORDS.length]}`));
        values[6]!.push(isPublic);
        values[7]!.push(communeId);
        values[8]!.push(Number(decision.rows[0]!.id));
        values[9]!.push(`${year}-04-30`);
        deltas.push(
          { unitPath: cell.path, metric: COMMENDATION_METRICS.nominated(year), day: `${year}-04-30`, delta: 1 },
          { unitPath: cell.path, metric: COMMENDATION_METRICS.commended(kind, year), day: `${year}-05-19`, delta: 1 },
          { unitPath: cell.path, metric: COMMENDATION_METRICS.byForm(form, year), day: `${year}-05-19`, delta: 1 },
          { unitPath: cell.path, metric: COMMENDATION_METRICS.byLevel('commune_committee', year), day: `${year}-05-19`, delta: 1 },
        );
      }
      await handle.pool.query(
        `INSERT INTO nominations (unit_id, kind, subject_unit_id, subject_person_id, title, story, results, period_from, period_to, status, at_unit_id, decision_id, decided_on, first_submitted_on, search_text, is_public)
         SELECT unit_id, kind, subject_unit_id, subject_person_id, title, 'Vận động nhân dân, hoàn thành xuất sắc việc làm đã đăng ký.', '', day - 333, day, 'commended', at_unit_id, decision_id, day + 19, day, search_text, is_public
         FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::boolean[], $8::bigint[], $9::bigint[], $10::date[])
           AS t(unit_id, kind, subject_unit_id, subject_person_id, title, search_text, is_public, at_unit_id, decision_id, day)`,
        values,
      );
      made += count;
    }
  }
  for (let start = 0; start < deltas.length; start += 40_000) {
    await handle.db.transaction((tx) => addFigureDeltas(tx, deltas.slice(start, start + 40_000)));
  }
  return { decisions: written, nominations: made, publicShare: published / Math.max(1, made) };
}

export async function runCommendationsBench(args: string[]): Promise<void> {
  const options = parseOptions(args);
  await withBenchDatabase(options, async (database) => {
    const { handle } = database;
    const loadAtStart = loadavg()[0] ?? 0;
    console.log(`commendations bench on ${database.label} (load average ${loadAtStart.toFixed(1)})`);
    await migrateDatabase(handle.db);
    const seeded = await seedAtScale(handle, { units: options.units, people: options.people, log: (line) => console.log(`  | ${line}`) });
    console.log(`seed: ${thousands(seeded.units)} units, ${thousands(seeded.people)} people in ${seeded.seconds.toFixed(1)} s`);

    let started = performance.now();
    const generated = await generateCommendations(handle, options.commendations);
    const generateSeconds = seconds(started);
    console.log(
      `commendations: ${thousands(generated.nominations)} in ${thousands(generated.decisions)} decisions (${Math.round(generated.publicShare * 100)}% public) with their counters in ${generateSeconds.toFixed(1)} s`,
    );
    await handle.pool.query('ANALYZE');

    const root = (
      await handle.pool.query<{ id: number; code: string; name: string; path: string }>(
        `SELECT id, code, name, path::text AS path FROM units WHERE parent_id IS NULL`,
      )
    ).rows[0]!;
    const rootId = Number(root.id);
    const province = (
      await handle.pool.query<{ id: number }>(`
      SELECT p.id FROM units p JOIN nominations n ON n.is_public JOIN units u ON u.id = n.unit_id AND u.path <@ p.path
      WHERE p.kind = 'province_committee' GROUP BY p.id ORDER BY count(*) DESC LIMIT 1`)
    ).rows[0]!;

    // One decision through the service: three nominations of a commune's cell, submitted and decided.
    const actor: Actor = {
      userId: null,
      name: 'bench',
      grants: [{ id: 0, unitId: rootId, unitCode: root.code, unitName: root.name, unitPath: root.path, role: 'admin' }],
      ip: null,
      requestId: null,
    };
    const someCell = (await loadCells(handle)).values().next().value![0]!;
    const held: number[] = [];
    for (let index = 0; index < 3; index++) {
      const created = await createNomination(handle.db, actor, {
        unitId: someCell.id,
        kind: 'model',
        title: `Mô hình đo thời gian ${index}`,
        story: 'Đo thời gian ghi quyết định.',
        results: '',
        periodFrom: '2026-01-01',
        periodTo: '2026-06-30',
        registrationIds: [],
        fileIds: [],
      });
      const submitted = await takeStep(handle.db, actor, created.id, { action: 'submit', version: created.version, reason: null });
      held.push(submitted.id);
    }
    const holder = (await handle.pool.query<{ at_unit_id: number }>(`SELECT at_unit_id FROM nominations WHERE id = $1`, [held[0]])).rows[0]!
      .at_unit_id;
    started = performance.now();
    await createDecision(handle.db, actor, {
      unitId: Number(holder),
      formCode: 'giay_khen',
      decidedOn: '2026-07-01',
      periodFrom: '2026-01-01',
      periodTo: '2026-06-30',
      title: 'Về việc tặng Giấy khen',
      signerName: null,
      signerTitle: null,
      nominationIds: held,
    });
    const decisionMs = seconds(started) * 1000;
    const recount = Number(
      (await handle.pool.query<{ n: number }>(`SELECT count(*) AS n FROM nominations WHERE status = 'commended'`)).rows[0]!.n,
    );
    console.log(`one decision naming 3 through the service: ${decisionMs.toFixed(0)} ms`);

    await addUser(handle.db, 'bench.khenthuong', [{ unitId: rootId, role: 'admin' }]);
    const app = await buildApp({ db: handle.db, config: loadConfig(), dbKind: handle.kind });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      const { cookie } = await signInOverHttp(baseUrl, 'bench.khenthuong', PASSWORD);
      const measure = async (label: string, path: string, withCookie = true) => {
        const result = await measureSequentialGets(baseUrl, path, withCookie ? cookie : '', { requests: options.requests, warmup: 10 });
        console.log(
          `GET ${label}: median ${result.median.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms over ${options.requests} requests`,
        );
        return result;
      };
      const rootFigures = await measure(
        `commendation figures of the root (${thousands(options.commendations)} commendations)`,
        `/api/commendation-figures?unitId=${rootId}&year=2026`,
      );
      const rootCommended = JSON.parse(rootFigures.firstBody) as { figures: { commended: number } };
      const allYears = await Promise.all(
        YEARS.map(
          async (year) =>
            (await fetch(`${baseUrl}/api/commendation-figures?unitId=${rootId}&year=${year}`, { headers: { cookie } }).then((response) =>
              response.json(),
            )) as { figures: { commended: number } },
        ),
      );
      const counted = allYears.reduce((sum, answer) => sum + answer.figures.commended, 0);
      console.log(
        `root figure 2026: ${thousands(rootCommended.figures.commended)}; all three years ${thousands(counted)} = recount ${thousands(recount)}: ${counted === recount ? 'equal' : 'DIFFERENT'}`,
      );
      const provinceFigures = await measure(
        'commendation figures of the largest province',
        `/api/commendation-figures?unitId=${Number(province.id)}&year=2026`,
      );
      const gallery = await measure('public gallery, first page', '/guong-dien-hinh', false);
      const gallerySearch = await measure(
        'public gallery searched "dan van kheo"',
        `/guong-dien-hinh?q=${encodeURIComponent('dan van kheo')}`,
        false,
      );
      const galleryProvince = await measure(
        'public gallery of one province, 2025',
        `/guong-dien-hinh?tinh=${Number(province.id)}&nam=2025`,
        false,
      );
      const galleryP95 = Math.max(gallery.p95, gallerySearch.p95, galleryProvince.p95);

      console.log(
        JSON.stringify({
          bench: 'commendations',
          db: handle.kind,
          units: seeded.units,
          people: seeded.people,
          commendations: generated.nominations,
          decisions: generated.decisions,
          generate_s: round(generateSeconds, 1),
          counter_mismatches: counted === recount ? 0 : Math.abs(counted - recount),
          decision_of_3_ms: round(decisionMs),
          root_figures_p95_ms: round(rootFigures.p95),
          root_figures_median_ms: round(rootFigures.median),
          province_figures_p95_ms: round(provinceFigures.p95),
          gallery_p95_ms: round(gallery.p95),
          gallery_search_p95_ms: round(gallerySearch.p95),
          gallery_province_p95_ms: round(galleryProvince.p95),
          gallery_worst_p95_ms: round(galleryP95),
          load_avg_start: round(loadAtStart, 2),
          load_avg_end: round(loadavg()[0] ?? 0, 2),
        }),
      );
    } finally {
      await app.close();
    }
  });
}
