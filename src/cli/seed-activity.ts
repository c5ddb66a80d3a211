/**
 * A year of campaign activity on a tree seeded at scale (seed-scale.ts): registrations, study,
 * ethics standards and their signs, public feedback and inspections (and, in seed-results.ts,
 * reports, gradings and commendations), written in set-based SQL the
 * way seed-scale writes people, with their live counters totalled afterwards so that every figure
 * equals what the services would have counted row by row (docs/decisions/0003-scale-seeding.md).
 * Shares differ from commune to commune (a hash of the commune's id), so some units lag.
 */
import type { DbHandle } from '../server/platform/db/client';
import {
  asOfForYear,
  INSPECTION_METRICS,
  PROGRAMME_METRICS,
  REGISTRATION_BUCKETS,
  REGISTRATION_METRICS,
  registrationFigureDay,
  STANDARD_KEEPING_KINDS,
} from '../server/modules/figures/index';
import { settleAllTwins, SIMILARITY_THRESHOLD } from '../server/modules/registrations/index';
import { countExistingOverdueFeedback } from '../server/modules/supervision/index';
import { generateCommendations, generateGradings, generateReports } from './seed-results';
import { addCounted, COMMUNE_KEY, countOf } from './seed-sql';

export type ActivityCounts = {
  registrations: number;
  pairs: number;
  studied: number;
  standards: number;
  signs: number;
  feedback: number;
  remedies: number;
  reports: number;
  graded: number;
  commended: number;
};

/**
 * Individual registrations for about 85% of the people, as the status machine leaves them:
 * submitted or approved, the approved share set per commune between 30% and 100%.
 */
export async function generateRegistrations(handle: DbHandle, year: number): Promise<number> {
  await handle.pool.query(
    `
    INSERT INTO registrations (kind, year, unit_id, person_id, status, shortcomings, revision, submitted_at)
    SELECT 'individual', $1, m.unit_id, m.person_id,
      CASE WHEN (m.person_id * 7919) % 100 < 30 + (${COMMUNE_KEY} * 37) % 71 THEN 'approved' ELSE 'submitted' END,
      'Còn ngại va chạm trong tự phê bình', 1, now()
    FROM memberships m JOIN units u ON u.id = m.unit_id
    WHERE m.is_primary AND m.to_date IS NULL AND (m.person_id * 31) % 100 < 85`,
    [year],
  );
  await handle.pool.query('ANALYZE registrations');
  const metric = (bucket: 'registered' | 'approved') => REGISTRATION_METRICS.bucket('individual', bucket, year);
  await addCounted(
    handle,
    `SELECT r.unit_id, $2::text AS metric, $1::date AS day, count(*) AS n FROM registrations r WHERE r.year = $4 GROUP BY r.unit_id
     UNION ALL
     SELECT r.unit_id, $3::text, $1::date, count(*) FROM registrations r WHERE r.year = $4 AND r.status = ANY($5::text[]) GROUP BY r.unit_id`,
    [registrationFigureDay(year), metric('registered'), metric('approved'), year, REGISTRATION_BUCKETS.approved],
  );
  return countOf(handle, `SELECT count(*)::int AS n FROM registrations WHERE year = $1`, [year]);
}

/**
 * One registration in 25 copied by the next one of its unit: pairs both ways, as similarity.ts
 * stores them, then the twin flags and the "with a twin" figure settled as a bulk load settles them.
 */
export async function generatePairs(handle: DbHandle, year: number): Promise<number> {
  const result = await handle.pool.query(
    `
    WITH neighbours AS (
      SELECT id, lead(id) OVER (PARTITION BY unit_id ORDER BY id) AS next_id FROM registrations WHERE year = $1
    )
    INSERT INTO registration_similarities (registration_id, other_id, similarity)
    SELECT a, b, $2 FROM neighbours, LATERAL (VALUES (id, next_id), (next_id, id)) AS pair(a, b)
    WHERE next_id IS NOT NULL AND id % 25 = 0`,
    [year, Math.max(SIMILARITY_THRESHOLD, 0.85)],
  );
  await handle.db.transaction((tx) => settleAllTwins(tx));
  return result.rowCount ?? 0;
}

/**
 * The year's study topic, one study session in every unit that has members, its attendance
 * (present in a share between 70% and 97% that depends on the commune, the rest absent, some of
 * them excused), who studied (study_records, as reevaluateStudies keeps them) and the
 * "studied" and "sessions" counters. Sessions fall between March and August, never after today.
 */
export async function generateStudy(handle: DbHandle, year: number): Promise<number> {
  await handle.pool.query(
    `
    WITH topic AS (
      INSERT INTO study_topics (unit_id, title, from_year, to_year, search_text)
      SELECT id, $2, $1::int, $1::int, $3 FROM units WHERE parent_id IS NULL AND valid_to IS NULL ORDER BY id LIMIT 1
      RETURNING id
    )
    INSERT INTO study_sessions (unit_id, kind, topic_id, title, held_on, place, search_text)
    SELECT u.id, 'study', topic.id, $2, LEAST(make_date($1::int, 3 + (u.id % 6)::int, 1 + (u.id % 27)::int), CURRENT_DATE), 'Hội trường', $3
    FROM units u CROSS JOIN topic
    WHERE u.valid_to IS NULL
      AND EXISTS (SELECT 1 FROM memberships m WHERE m.unit_id = u.id AND m.is_primary AND m.to_date IS NULL)`,
    [year, `Chuyên đề năm ${year}`, `chuyen de nam ${year}`],
  );
  // Statistics first: without them the planner takes the new sessions for a handful and walks every
  // membership once per session (the embedded database has no autovacuum to gather them).
  await handle.pool.query('ANALYZE study_sessions');
  await handle.pool.query(
    `
    INSERT INTO session_attendance (session_id, person_id, status, reason)
    SELECT s.id, m.person_id,
      CASE WHEN (m.person_id * 7919) % 100 < 70 + (${COMMUNE_KEY} * 13) % 28 THEN 'present'
           WHEN m.person_id % 2 = 0 THEN 'absent_excused' ELSE 'absent' END,
      CASE WHEN (m.person_id * 7919) % 100 >= 70 + (${COMMUNE_KEY} * 13) % 28 AND m.person_id % 2 = 0 THEN 'Đi công tác' END
    FROM study_sessions s
    JOIN units u ON u.id = s.unit_id
    JOIN memberships m ON m.unit_id = s.unit_id AND m.is_primary AND m.to_date IS NULL
    WHERE s.kind = 'study' AND s.held_on BETWEEN make_date($1::int, 1, 1) AND make_date($1::int, 12, 31)`,
    [year],
  );
  await handle.pool.query('ANALYZE session_attendance');
  await handle.pool.query(
    `
    INSERT INTO study_records (person_id, year, unit_id, studied_on, session_id)
    SELECT a.person_id, $1::int, s.unit_id, s.held_on, s.id
    FROM session_attendance a JOIN study_sessions s ON s.id = a.session_id
    WHERE a.status = 'present' AND s.kind = 'study' AND s.held_on BETWEEN make_date($1::int, 1, 1) AND make_date($1::int, 12, 31)`,
    [year],
  );
  await addCounted(
    handle,
    `SELECT r.unit_id, $2::text AS metric, r.studied_on AS day, count(*) AS n FROM study_records r WHERE r.year = $1::int GROUP BY 1, 3
     UNION ALL
     SELECT s.unit_id, $3::text, s.held_on, count(*) FROM study_sessions s
     WHERE s.kind = 'study' AND s.held_on BETWEEN make_date($1::int, 1, 1) AND make_date($1::int, 12, 31) GROUP BY 1, 3`,
    [year, PROGRAMME_METRICS.studied(year), PROGRAMME_METRICS.studySessions(year)],
  );
  return countOf(handle, `SELECT count(*)::int AS n FROM study_records WHERE year = $1`, [year]);
}

/**
 * Ethics standards adopted by most units that must keep them (between 60% and 100% per commune),
 * and the sign posted by four in five of those, with the "adopted" and "sign posted" counters.
 */
export async function generateStandards(handle: DbHandle, year: number): Promise<{ standards: number; signs: number }> {
  await handle.pool.query(
    `
    INSERT INTO ethics_standards (unit_id, version_number, title, criteria, status, adopted_on)
    SELECT u.id, 1, $2, $3::jsonb, 'adopted', LEAST(make_date($1::int, 1 + (u.id % 5)::int, 1 + (u.id % 28)::int), CURRENT_DATE)
    FROM units u
    WHERE u.kind = ANY($4::text[]) AND u.valid_to IS NULL AND (u.id * 7919) % 100 < 60 + (${COMMUNE_KEY} * 17) % 41`,
    [
      year,
      `Chuẩn mực đạo đức năm ${year}`,
      JSON.stringify([{ text: 'Trung thành, gương mẫu, nói đi đôi với làm' }, { text: 'Gần dân, trọng dân, vì dân' }]),
      [...STANDARD_KEEPING_KINDS],
    ],
  );
  await handle.pool.query(
    `
    INSERT INTO standard_signs (unit_id, posted_on, location)
    SELECT e.unit_id, LEAST(e.adopted_on + 20, CURRENT_DATE), 'Phòng họp chi bộ'
    FROM ethics_standards e WHERE e.status = 'adopted' AND e.unit_id % 5 <> 0`,
  );
  await addCounted(
    handle,
    `SELECT e.unit_id, $1::text AS metric, min(e.adopted_on) AS day, 1 AS n FROM ethics_standards e WHERE e.adopted_on IS NOT NULL GROUP BY 1
     UNION ALL
     SELECT s.unit_id, $2::text, s.posted_on, 1 FROM standard_signs s`,
    [PROGRAMME_METRICS.standardsAdopted, PROGRAMME_METRICS.signsPosted],
  );
  return {
    standards: await countOf(handle, `SELECT count(*)::int AS n FROM ethics_standards`),
    signs: await countOf(handle, `SELECT count(*)::int AS n FROM standard_signs`),
  };
}

/**
 * Feedback on cells: 60,000 items, a third still unanswered (half of those past their answer
 * date), with the overdue figure counted as it is for items written in bulk.
 */
export async function generateFeedback(handle: DbHandle): Promise<number> {
  const result = await handle.pool.query(`
    WITH cells AS (SELECT id, row_number() OVER (ORDER BY id) AS k FROM units WHERE kind IN ('cell', 'grassroots_cell') AND valid_to IS NULL),
      total AS (SELECT count(*) AS c FROM cells)
    INSERT INTO feedback (unit_id, body, status, due_on, sender_hash)
    SELECT cells.id, 'Đề nghị chi bộ công khai kết quả thực hiện',
      CASE WHEN n % 3 = 0 THEN 'new' ELSE 'answered' END,
      CASE WHEN n % 2 = 0 THEN CURRENT_DATE - 10 ELSE CURRENT_DATE + 10 END, 'seed'
    FROM generate_series(1, 60000) n CROSS JOIN total JOIN cells ON cells.k = 1 + (n * 7919) % total.c`);
  await handle.db.transaction((tx) => countExistingOverdueFeedback(tx));
  return result.rowCount ?? 0;
}

/**
 * 20,000 concluded inspections of cells by their commune, each with one shortcoming and its remedy
 * (open, reported, returned or closed; some past their deadline), with the inspection counters as
 * concluding and accepting would move them: a remedy reported by its deadline and closed counts as
 * closed on time.
 */
export async function generateInspections(handle: DbHandle, year: number): Promise<number> {
  await handle.pool.query(
    `
    WITH targets AS (
      SELECT u.id AS unit_id, u.parent_id AS owner_id
      FROM units u WHERE u.kind IN ('cell', 'grassroots_cell') AND u.valid_to IS NULL AND u.parent_id IS NOT NULL AND u.id % 12 = 0
      ORDER BY u.id LIMIT 20000
    ), inspected AS (
      INSERT INTO inspections (owner_unit_id, unit_id, year, kind, title, contents, starts_on, ends_on, team, status, concluded_at)
      SELECT owner_id, unit_id, $1::int, 'inspection', 'Kiểm tra việc học tập và làm theo', '{standards}',
        make_date($1::int, 3, 1), make_date($1::int, 3, 10), '[]'::jsonb, 'concluded', make_date($1::int, 3, 10)::timestamptz
      FROM targets RETURNING id, unit_id
    ), found AS (
      INSERT INTO inspection_findings (inspection_id, content, kind, text, remedy, due_on)
      SELECT id, 'standards', 'shortcoming', 'Chưa niêm yết chuẩn mực đạo đức', 'Niêm yết chuẩn mực', make_date($1::int, 6, 30) FROM inspected
      RETURNING id, inspection_id
    ), remedies AS (
      SELECT i.id AS inspection_id, f.id AS finding_id, i.unit_id,
        CASE WHEN i.id % 3 = 0 THEN make_date($1::int, 6, 30) ELSE make_date($1::int + 1, 3, 31) END AS due_on,
        (ARRAY['open', 'reported', 'returned', 'closed'])[1 + i.id % 4] AS status
      FROM inspected i JOIN found f ON f.inspection_id = i.id
    )
    INSERT INTO inspection_remedies (inspection_id, finding_id, unit_id, year, what, due_on, status, report, reported_at, closed_at)
    SELECT inspection_id, finding_id, unit_id, $1::int, 'Niêm yết chuẩn mực đạo đức', due_on, status,
      CASE WHEN status <> 'open' THEN 'Đã niêm yết tại phòng họp' END,
      CASE WHEN status <> 'open' THEN LEAST(due_on + CASE WHEN inspection_id % 2 = 0 THEN -3 ELSE 5 END, CURRENT_DATE - 2)::timestamptz END,
      CASE WHEN status = 'closed' THEN (CURRENT_DATE - 1)::timestamptz END
    FROM remedies`,
    [year],
  );
  await addCounted(
    handle,
    `SELECT i.unit_id, metric, $2::date AS day, count(*) AS n
     FROM inspections i CROSS JOIN unnest($3::text[]) AS metric WHERE i.year = $1 AND i.status = 'concluded' GROUP BY 1, 2
     UNION ALL
     SELECT r.unit_id, $4::text, $2::date, count(*) FROM inspection_remedies r WHERE r.year = $1 AND r.status = 'closed' GROUP BY 1
     UNION ALL
     SELECT r.unit_id, $5::text, $2::date, count(*) FROM inspection_remedies r
     WHERE r.year = $1 AND r.status = 'closed' AND r.reported_at::date <= r.due_on GROUP BY 1`,
    [
      year,
      asOfForYear(year),
      [
        INSPECTION_METRICS.planned(year),
        INSPECTION_METRICS.done(year),
        INSPECTION_METRICS.findings(year),
        INSPECTION_METRICS.shortcomings(year),
        INSPECTION_METRICS.remedies(year),
      ],
      INSPECTION_METRICS.remediesClosed(year),
      INSPECTION_METRICS.remediesClosedOnTime(year),
    ],
  );
  return countOf(handle, `SELECT count(*)::int AS n FROM inspection_remedies WHERE year = $1`, [year]);
}

/**
 * Every kind of activity above for `year`, then VACUUM ANALYZE, as autovacuum leaves a database
 * after a bulk load, so that reads measured next do not race the vacuum the load sets off.
 */
export async function seedActivity(handle: DbHandle, year: number, log: (line: string) => void = () => undefined): Promise<ActivityCounts> {
  const step = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    log(`${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return result;
  };
  const registrations = await step('Đăng ký làm theo', () => generateRegistrations(handle, year));
  const pairs = await step('Cặp bản đăng ký gần trùng', () => generatePairs(handle, year));
  const studied = await step('Học tập chuyên đề', () => generateStudy(handle, year));
  const { standards, signs } = await step('Chuẩn mực đạo đức và biển chuẩn mực', () => generateStandards(handle, year));
  const feedback = await step('Phản ánh của nhân dân', () => generateFeedback(handle));
  const remedies = await step('Kiểm tra và việc khắc phục', () => generateInspections(handle, year));
  const reports = await step('Báo cáo sơ kết 6 tháng', () => generateReports(handle, year));
  const graded = await step('Xếp loại đảng viên cuối năm', () => generateGradings(handle, year));
  const commended = await step('Khen thưởng điển hình', () => generateCommendations(handle, year));
  await step('VACUUM ANALYZE', () => handle.pool.query('VACUUM ANALYZE'));
  return { registrations, pairs, studied, standards, signs, feedback, remedies, reports, graded, commended };
}
