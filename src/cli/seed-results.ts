/**
 * The results side of a seeded year (seed-activity.ts): the half-year reports each level asks of
 * the levels below, the year-end grading of Party members, and the commendations each commune
 * decides. Written in set-based SQL, in the states their machines leave them, with the counters
 * those machines would have moved. Shares differ from commune to commune, so some units lag.
 */
import type { DbHandle } from '../server/platform/db/client';
import { COMMENDATION_METRICS, GRADING_METRICS, REPORT_METRICS, registrationFigureDay } from '../server/modules/figures/index';
import { GRADES } from '../shared/contracts/grading';
import { NOMINATION_KINDS } from '../shared/contracts/commendations';
import { addCounted, COMMUNE_KEY, countOf } from './seed-sql';

/** The unit's province and commune (second and third labels of its path). */
const PLACE_OF = `(string_to_array(u.path::text, '.'))[2]::bigint AS province_id, ${COMMUNE_KEY} AS commune_id`;

/**
 * Every province asks its communes, and every commune its grassroots organisations and cells, for
 * the half-year report (January to June, due 15 July). Between 60% and 100% of a commune's units
 * answer; four in five of those by the deadline. Counted as the reports module counts: expected,
 * submitted and on time, at the answering unit, on the period's last day.
 */
export async function generateReports(handle: DbHandle, year: number): Promise<number> {
  await handle.pool.query(
    `
    WITH requests AS (
      INSERT INTO report_requests (unit_id, kind, title, period_from, period_to, deadline, audience, content, search_text)
      SELECT u.id, 'half_year', $2, make_date($1::int, 1, 1), make_date($1::int, 6, 30), make_date($1::int, 7, 15),
        CASE WHEN u.kind = 'province_committee' THEN 'communes' ELSE 'grassroots' END, $3::jsonb, $4
      FROM units u WHERE u.kind IN ('province_committee', 'commune_committee') AND u.valid_to IS NULL
      RETURNING id, unit_id, audience, deadline
    ), placed AS (
      SELECT u.id, u.kind, ${PLACE_OF} FROM units u
      WHERE u.valid_to IS NULL AND u.kind IN ('commune_committee', 'grassroots_committee', 'grassroots_cell')
    ), expected AS (
      SELECT q.id AS request_id, q.deadline, p.id AS unit_id, p.commune_id
      FROM requests q JOIN placed p ON q.audience = 'communes' AND p.kind = 'commune_committee' AND p.province_id = q.unit_id
      UNION ALL
      SELECT q.id, q.deadline, p.id, p.commune_id
      FROM requests q JOIN placed p ON q.audience = 'grassroots' AND p.kind <> 'commune_committee' AND p.commune_id = q.unit_id
    ), answered AS (
      SELECT e.*, (e.unit_id * 7919) % 100 < 60 + (e.commune_id * 23) % 41 AS submitted,
        LEAST(CASE WHEN (e.unit_id * 31) % 100 < 80 THEN e.deadline - (e.unit_id % 10)::int ELSE e.deadline + 1 + (e.unit_id % 10)::int END,
          CURRENT_DATE) AS submitted_on
      FROM expected e
    )
    INSERT INTO report_answers (request_id, unit_id, status, narrative, submitted_at, first_submitted_on, on_time, accepted_at)
    SELECT request_id, unit_id,
      CASE WHEN NOT submitted THEN (CASE WHEN unit_id % 3 = 0 THEN 'draft' ELSE 'not_started' END)
           WHEN unit_id % 2 = 0 THEN 'accepted' ELSE 'submitted' END,
      CASE WHEN submitted THEN $5::jsonb ELSE '{}'::jsonb END,
      CASE WHEN submitted THEN submitted_on::timestamptz END,
      CASE WHEN submitted THEN submitted_on END,
      CASE WHEN submitted THEN submitted_on <= deadline END,
      CASE WHEN submitted AND unit_id % 2 = 0 THEN (submitted_on + 3)::timestamptz END
    FROM answered`,
    [
      year,
      `Báo cáo sơ kết 6 tháng đầu năm ${year} việc thực hiện Chỉ thị 05-CT/TW`,
      JSON.stringify({ metrics: [], manualItems: [], sections: [{ key: 'ket_qua', title: 'Kết quả thực hiện' }] }),
      `bao cao so ket 6 thang dau nam ${year} viec thuc hien chi thi 05-ct/tw`,
      JSON.stringify({ ket_qua: 'Tổ chức học tập chuyên đề, đăng ký làm theo và công khai đầy đủ.' }),
    ],
  );
  await handle.pool.query('ANALYZE report_answers');
  await addCounted(
    handle,
    `SELECT a.unit_id, $2::text AS metric, q.period_to AS day, count(*) AS n
     FROM report_answers a JOIN report_requests q ON q.id = a.request_id WHERE extract(year FROM q.period_to) = $1 GROUP BY 1, 3
     UNION ALL
     SELECT a.unit_id, $3::text, q.period_to, count(*) FROM report_answers a JOIN report_requests q ON q.id = a.request_id
     WHERE extract(year FROM q.period_to) = $1 AND a.first_submitted_on IS NOT NULL GROUP BY 1, 3
     UNION ALL
     SELECT a.unit_id, $4::text, q.period_to, count(*) FROM report_answers a JOIN report_requests q ON q.id = a.request_id
     WHERE extract(year FROM q.period_to) = $1 AND a.on_time GROUP BY 1, 3`,
    [year, REPORT_METRICS.expected(year), REPORT_METRICS.submitted(year), REPORT_METRICS.onTime(year)],
  );
  return countOf(
    handle,
    `SELECT count(*)::int AS n FROM report_answers a JOIN report_requests q ON q.id = a.request_id WHERE extract(year FROM q.period_to) = $1`,
    [year],
  );
}

/**
 * The year-end grading of Party members, decided for between 50% and 100% of each commune's members
 * (the rest still under way): about 15% excellent, 65% good, 17% done and 3% not done. Counted as the
 * grading machine counts a decision: at the member's unit, on the year's figure day.
 */
export async function generateGradings(handle: DbHandle, year: number): Promise<number> {
  await handle.pool.query(
    `
    WITH rule AS (SELECT code FROM grading_rules WHERE valid_from_year <= $1 ORDER BY valid_from_year DESC LIMIT 1),
    graded AS (
      SELECT m.person_id, m.unit_id,
        CASE WHEN (m.person_id * 977) % 100 < 15 THEN 'excellent' WHEN (m.person_id * 977) % 100 < 80 THEN 'good'
             WHEN (m.person_id * 977) % 100 < 97 THEN 'done' ELSE 'not_done' END AS grade
      FROM memberships m JOIN persons p ON p.id = m.person_id JOIN units u ON u.id = m.unit_id
      WHERE m.is_primary AND m.to_date IS NULL AND p.category = 'party_member'
        AND (m.person_id * 131) % 100 < 50 + (${COMMUNE_KEY} * 29) % 51
    )
    INSERT INTO gradings (subject, person_id, unit_id, year, rule_code, status, strengths, self_grade, grade, proposed_grade, decided_grade,
      graded_at, decided_at)
    SELECT 'member', g.person_id, g.unit_id, $1::int, rule.code, 'decided', 'Gương mẫu, thực hiện tốt nhiệm vụ được giao', g.grade, g.grade,
      g.grade, g.grade, LEAST(make_date($1::int, 12, 1), CURRENT_DATE)::timestamptz, LEAST(make_date($1::int, 12, 5), CURRENT_DATE)::timestamptz
    FROM graded g CROSS JOIN rule`,
    [year],
  );
  await handle.pool.query('ANALYZE gradings');
  await addCounted(
    handle,
    `SELECT g.unit_id, metrics.metric, $2::date AS day, count(*) AS n
     FROM gradings g JOIN unnest($3::text[], $4::text[]) AS metrics(grade, metric) ON metrics.grade = g.decided_grade
     WHERE g.subject = 'member' AND g.year = $1 AND g.status = 'decided' GROUP BY 1, 2`,
    [year, registrationFigureDay(year), [...GRADES], GRADES.map((grade) => GRADING_METRICS.decided('member', grade, year))],
  );
  return countOf(handle, `SELECT count(*)::int AS n FROM gradings WHERE year = $1 AND status = 'decided'`, [year]);
}

/**
 * Every commune's Party committee decides one commendation (Giấy khen, on 2 September or today if
 * earlier) naming a member from one cell in eight, each nominated by the cell, and its first
 * grassroots organisation, nominated by the commune. Counted as the nomination machine counts:
 * nominated on the first submission, commended by kind, form and deciding level on the decision's day.
 */
export async function generateCommendations(handle: DbHandle, year: number): Promise<number> {
  await handle.pool.query(
    `
    WITH days AS (
      SELECT LEAST(make_date($1::int, 9, 2), CURRENT_DATE) AS decided_on,
        GREATEST(LEAST(make_date($1::int, 9, 2), CURRENT_DATE) - 30, make_date($1::int, 1, 1)) AS submitted_on
    ), decisions AS (
      INSERT INTO commendation_decisions (unit_id, form_code, number_year, number_value, number_symbol, decided_on, period_from, period_to,
        title, signer_name, signer_title)
      SELECT u.id, 'giay_khen', $1::int, 1, '1-QĐ/ĐU', days.decided_on, make_date($1::int, 1, 1), make_date($1::int, 12, 31), $2,
        'Nguyễn Văn Bình', 'Bí thư Đảng ủy'
      FROM units u CROSS JOIN days WHERE u.kind = 'commune_committee' AND u.valid_to IS NULL
      RETURNING id, unit_id
    ), individuals AS (
      SELECT u.id AS unit_id, ${COMMUNE_KEY} AS commune_id,
        (SELECT min(m.person_id) FROM memberships m WHERE m.unit_id = u.id AND m.is_primary AND m.to_date IS NULL) AS person_id
      FROM units u WHERE u.kind IN ('cell', 'grassroots_cell') AND u.valid_to IS NULL AND u.id % 8 = 0
    ), collectives AS (
      SELECT DISTINCT ON (u.parent_id) u.parent_id AS unit_id, u.id AS subject_unit_id
      FROM units u JOIN units commune ON commune.id = u.parent_id
      WHERE commune.kind = 'commune_committee' AND u.kind IN ('grassroots_committee', 'grassroots_cell') AND u.valid_to IS NULL
      ORDER BY u.parent_id, u.id
    ), named AS (
      SELECT i.unit_id, 'individual' AS kind, NULL::bigint AS subject_unit_id, i.person_id AS subject_person_id, d.id AS decision_id, d.unit_id AS at_unit_id
      FROM individuals i JOIN decisions d ON d.unit_id = i.commune_id WHERE i.person_id IS NOT NULL
      UNION ALL
      SELECT c.unit_id, 'collective', c.subject_unit_id, NULL, d.id, d.unit_id FROM collectives c JOIN decisions d ON d.unit_id = c.unit_id
    )
    INSERT INTO nominations (unit_id, kind, subject_unit_id, subject_person_id, title, story, results, period_from, period_to, status,
      at_unit_id, decision_id, decided_on, first_submitted_on, search_text)
    SELECT n.unit_id, n.kind, n.subject_unit_id, n.subject_person_id, $3, $4, $5, make_date($1::int, 1, 1), make_date($1::int, 12, 31),
      'commended', n.at_unit_id, n.decision_id, days.decided_on, days.submitted_on, $6
    FROM named n CROSS JOIN days`,
    [
      year,
      `Quyết định khen thưởng điển hình học tập và làm theo năm ${year}`,
      `Điển hình học tập và làm theo năm ${year}`,
      'Gương mẫu đi đầu, nói đi đôi với làm, được nhân dân tin yêu.',
      'Hoàn thành xuất sắc nội dung đăng ký làm theo.',
      `dien hinh hoc tap va lam theo nam ${year}`,
    ],
  );
  await handle.pool.query('ANALYZE nominations');
  await addCounted(
    handle,
    `SELECT n.unit_id, $2::text AS metric, n.first_submitted_on AS day, count(*) AS n FROM nominations n
     WHERE extract(year FROM n.first_submitted_on) = $1 GROUP BY 1, 3
     UNION ALL
     SELECT n.unit_id, metrics.metric, n.decided_on, count(*) FROM nominations n
     JOIN unnest($3::text[], $4::text[]) AS metrics(kind, metric) ON metrics.kind = n.kind
     WHERE n.decision_id IS NOT NULL AND extract(year FROM n.decided_on) = $1 GROUP BY 1, 2, 3
     UNION ALL
     SELECT n.unit_id, metric, n.decided_on, count(*) FROM nominations n CROSS JOIN unnest(ARRAY[$5, $6]::text[]) AS metric
     WHERE n.decision_id IS NOT NULL AND extract(year FROM n.decided_on) = $1 GROUP BY 1, 2, 3`,
    [
      year,
      COMMENDATION_METRICS.nominated(year),
      [...NOMINATION_KINDS],
      NOMINATION_KINDS.map((kind) => COMMENDATION_METRICS.commended(kind, year)),
      COMMENDATION_METRICS.byForm('giay_khen', year),
      COMMENDATION_METRICS.byLevel('commune_committee', year),
    ],
  );
  return countOf(
    handle,
    `SELECT count(*)::int AS n FROM nominations WHERE decision_id IS NOT NULL AND extract(year FROM decided_on) = $1`,
    [year],
  );
}
