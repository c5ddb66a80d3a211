import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import type { CampaignRecord } from '../../../shared/contracts/campaign-overview';
import { STANDARD_KEEPING_KINDS } from '../figures/index';
import { statusesOfSet, type RecordSet } from './drill-down';

/** The last day the tree changed (a unit founded, moved, renamed or re-kinded). */
export async function lastTreeChange(executor: Executor): Promise<string | null> {
  const rows = await executor.execute<{ day: string | null }>(sql`SELECT max(valid_from)::text AS day FROM unit_versions`);
  return rows.rows[0]?.day ?? null;
}

/**
 * The ids of the units of a subtree as the figures count it on `day`. While the tree is as it was
 * then, that is the current tree (by path, closed units included: their records still count above
 * them). Otherwise it is the tree of that day: each unit under the parent of its version in force
 * then (the latest that began by that day, or its first), as platform/figures.ts places a change.
 */
function subtreeIdsOn(place: Place): SQL {
  if (place.treeUnchangedSince) return sql`SELECT id FROM units WHERE path <@ ${place.unit.path}::ltree`;
  return sql`
    WITH RECURSIVE in_force AS (
      SELECT DISTINCT ON (unit_id) unit_id, parent_id FROM unit_versions
      ORDER BY unit_id, (valid_from <= ${place.day}) DESC, CASE WHEN valid_from <= ${place.day} THEN valid_from END DESC NULLS LAST, valid_from
    ), tree AS (
      SELECT ${place.unit.id}::bigint AS id
      UNION ALL
      SELECT f.unit_id FROM in_force f JOIN tree t ON f.parent_id = t.id
    )
    SELECT id FROM tree`;
}

export type Place = {
  unit: { id: number; path: string };
  year: number;
  day: string;
  /** Whether the tree is still as it stood on `day`. */
  treeUnchangedSince: boolean;
};

/**
 * Which units a branch keeps. A large list is walked in name order (the persons' or units' sort
 * index) keeping the rows whose unit is under the path, and stops at the page's end; a small one
 * is read from its units first and sorted: walking by name through a million people to find a
 * commune's 3,000 took a second, sorting a province's 30,000 found from its units a tenth.
 */
function unitFilter(unitColumn: SQL, place: Place, walk: boolean): SQL {
  return walk ? sql`u.path <@ ${place.unit.path}::ltree` : sql`${unitColumn} IN (${subtreeIdsOn(place)})`;
}

/**
 * A person's category on `day`: what the first change after that day changed from, or today's
 * category if none came after (the figures count a change from its day, people.service.ts).
 */
function categoryOn(day: string): SQL {
  return sql`COALESCE((SELECT c.from_category FROM person_category_changes c WHERE c.person_id = p.id AND c.changed_on > ${day}::date
    ORDER BY c.changed_on, c.id LIMIT 1), p.category)`;
}

/**
 * The branches of a record set, each ordered by its own name key: members and individual
 * registrations by the person, collective registrations by their unit. The page is taken from
 * their union in that order, each branch read no further than the page's end.
 */
function branchesOf(set: RecordSet, place: Place, walk: boolean): SQL[] {
  if (set.kind === 'members' || set.kind === 'partyMembers') {
    const category = set.kind === 'partyMembers' ? sql`AND ${categoryOn(place.day)} = 'party_member'` : sql``;
    return [
      sql`SELECT p.id, 'member' AS kind, p.full_name AS name, u.name AS unit_name, NULL AS status, m.from_date::text AS day, p.sort_key AS name_key
        FROM persons p JOIN memberships m ON m.person_id = p.id JOIN units u ON u.id = m.unit_id
        WHERE m.is_primary AND m.from_date <= ${place.day} AND (m.to_date IS NULL OR m.to_date > ${place.day}) ${category}
          AND ${unitFilter(sql`m.unit_id`, place, walk)}
        ORDER BY p.sort_key, p.id`,
    ];
  }
  if (set.kind === 'graded') {
    return [
      sql`SELECT g.id, 'graded' AS kind, p.full_name AS name, u.name AS unit_name, g.decided_grade AS status, g.decided_at::date::text AS day,
          p.sort_key AS name_key
        FROM persons p JOIN gradings g ON g.person_id = p.id JOIN units u ON u.id = g.unit_id
        WHERE g.subject = 'member' AND g.year = ${place.year} AND g.decided_grade = ANY(${sql.param([...set.grades])}::text[])
          AND ${unitFilter(sql`g.unit_id`, place, walk)}
        ORDER BY p.sort_key, g.id`,
    ];
  }
  if (set.kind === 'checkIns') {
    const columns = (name: SQL, nameKey: SQL) =>
      sql`c.id, 'checkIn' AS kind, ${name} AS name, u.name AS unit_name, NULL AS status, c.checked_on::text AS day, ${nameKey} AS name_key`;
    const from = sql`FROM registration_check_ins c JOIN registrations r ON r.id = c.registration_id JOIN units u ON u.id = r.unit_id`;
    const where = sql`r.year = ${place.year} AND ${unitFilter(sql`r.unit_id`, place, walk)}`;
    return [
      sql`SELECT ${columns(sql`p.full_name`, sql`p.sort_key`)} ${from} JOIN persons p ON p.id = r.person_id
        WHERE r.kind = 'individual' AND ${where} ORDER BY p.sort_key, c.id`,
      sql`SELECT ${columns(sql`u.name`, sql`u.sort_key`)} ${from} WHERE r.kind = 'collective' AND ${where} ORDER BY u.sort_key, c.id`,
    ];
  }
  if (set.kind === 'standardsAdopted' || set.kind === 'signsPosted' || set.kind === 'standardKeepingUnits') {
    return [unitsBranch(set.kind, place, walk)];
  }
  if (set.kind === 'reports') {
    const which =
      set.which === 'submitted' ? sql`AND a.first_submitted_on IS NOT NULL` : set.which === 'onTime' ? sql`AND a.on_time` : sql``;
    return [
      sql`SELECT a.id, 'report' AS kind, u.name AS name, q.title AS unit_name, a.status, a.first_submitted_on::text AS day, u.sort_key AS name_key
        FROM report_answers a JOIN report_requests q ON q.id = a.request_id JOIN units u ON u.id = a.unit_id
        WHERE q.period_to BETWEEN ${`${place.year}-01-01`}::date AND ${place.day}::date ${which}
          AND ${unitFilter(sql`a.unit_id`, place, walk)}
        ORDER BY u.sort_key, a.id`,
    ];
  }
  if (set.kind === 'commended') {
    return [
      sql`SELECT n.id, 'commended' AS kind, COALESCE(sp.full_name, su.name, n.title) AS name, u.name AS unit_name, n.kind AS status,
          n.decided_on::text AS day, COALESCE(sp.sort_key, su.sort_key, n.title) AS name_key
        FROM nominations n JOIN units u ON u.id = n.unit_id
        LEFT JOIN persons sp ON sp.id = n.subject_person_id LEFT JOIN units su ON su.id = n.subject_unit_id
        WHERE n.decision_id IS NOT NULL AND n.decided_on BETWEEN ${`${place.year}-01-01`}::date AND ${place.day}::date
          AND ${unitFilter(sql`n.unit_id`, place, walk)}
        ORDER BY COALESCE(sp.sort_key, su.sort_key, n.title), n.id`,
    ];
  }
  if (set.kind === 'inspectionsDone') {
    return [
      sql`SELECT i.id, 'inspection' AS kind, u.name AS name, owner.name AS unit_name, NULL AS status,
          COALESCE(i.concluded_at::date, i.ends_on)::text AS day, u.sort_key AS name_key
        FROM inspections i JOIN units u ON u.id = i.unit_id JOIN units owner ON owner.id = i.owner_unit_id
        WHERE i.year = ${place.year} AND i.status = 'concluded' AND ${unitFilter(sql`i.unit_id`, place, walk)}
        ORDER BY u.sort_key, i.id`,
    ];
  }
  if (set.kind === 'breakthroughs') {
    const columns = (id: SQL, day: SQL) =>
      sql`${id} AS id, 'breakthrough' AS kind, b.title AS name, u.name AS unit_name, b.status, ${day}::text AS day, u.sort_key AS name_key`;
    const where = sql`b.year = ${place.year} AND ${unitFilter(sql`b.unit_id`, place, walk)}`;
    // Done: one row per span covering the day, as the figure counts each (a content done twice overlapping counts twice).
    return [
      set.doneOnly
        ? sql`SELECT ${columns(sql`s.id`, sql`s.done_from`)}
            FROM breakthrough_done_spans s JOIN breakthrough_contents b ON b.id = s.content_id JOIN units u ON u.id = b.unit_id
            WHERE s.done_from <= ${place.day}::date AND (s.done_until IS NULL OR s.done_until > ${place.day}::date) AND ${where}
            ORDER BY u.sort_key, s.id`
        : sql`SELECT ${columns(sql`b.id`, sql`b.counted_from`)}
            FROM breakthrough_contents b JOIN units u ON u.id = b.unit_id
            WHERE b.counted_from <= ${place.day}::date AND (b.counted_until IS NULL OR b.counted_until > ${place.day}::date) AND ${where}
            ORDER BY u.sort_key, b.id`,
    ];
  }
  if (set.kind === 'feedbackOverdue') {
    // Overdue on the day: past its answer day (counted from the day after it) and not settled by then.
    return [
      sql`SELECT f.id, 'feedback' AS kind, u.name AS name, COALESCE(parent.name, '') AS unit_name, f.status, f.due_on::text AS day,
          u.sort_key AS name_key
        FROM feedback f JOIN units u ON u.id = f.unit_id LEFT JOIN units parent ON parent.id = u.parent_id
        WHERE f.due_on < ${place.day}::date AND (f.settled_on IS NULL OR f.settled_on > ${place.day}::date)
          AND ${unitFilter(sql`f.unit_id`, place, walk)}
        ORDER BY u.sort_key, f.id`,
    ];
  }
  if (set.kind === 'remedies') {
    const closed = set.closedOnly ? sql`AND r.status = 'closed'` : sql``;
    return [
      sql`SELECT r.id, 'remedy' AS kind, r.what AS name, u.name AS unit_name, r.status, r.due_on::text AS day, u.sort_key AS name_key
        FROM inspection_remedies r JOIN units u ON u.id = r.unit_id
        WHERE r.year = ${place.year} ${closed} AND ${unitFilter(sql`r.unit_id`, place, walk)}
        ORDER BY u.sort_key, r.id`,
    ];
  }
  if (set.kind === 'studied') {
    return [
      sql`SELECT p.id, 'studied' AS kind, p.full_name AS name, u.name AS unit_name, NULL AS status, s.studied_on::text AS day, p.sort_key AS name_key
        FROM persons p JOIN study_records s ON s.person_id = p.id JOIN units u ON u.id = s.unit_id
        WHERE s.year = ${place.year} AND s.studied_on <= ${place.day} AND ${unitFilter(sql`s.unit_id`, place, walk)}
        ORDER BY p.sort_key, p.id`,
    ];
  }
  const which =
    set.kind === 'registrations'
      ? sql`r.status = ANY(${sql.param([...statusesOfSet(set)])}::text[])`
      : sql`r.review_level = ANY(${sql.param(set.levels)}::text[])`;
  const kinds = set.kind === 'registrations' ? set.kinds : ['individual'];
  const branches: SQL[] = [];
  if (kinds.includes('individual')) {
    branches.push(sql`SELECT r.id, 'registration' AS kind, p.full_name AS name, u.name AS unit_name, r.status, NULL AS day, p.sort_key AS name_key
      FROM persons p JOIN registrations r ON r.person_id = p.id JOIN units u ON u.id = r.unit_id
      WHERE r.kind = 'individual' AND r.year = ${place.year} AND ${which} AND ${unitFilter(sql`r.unit_id`, place, walk)}
      ORDER BY p.sort_key, r.id`);
  }
  if (kinds.includes('collective')) {
    branches.push(sql`SELECT r.id, 'registration' AS kind, u.name AS name, u.name AS unit_name, r.status, NULL AS day, u.sort_key AS name_key
      FROM registrations r JOIN units u ON u.id = r.unit_id
      WHERE r.kind = 'collective' AND r.year = ${place.year} AND ${which} AND ${unitFilter(sql`r.unit_id`, place, walk)}
      ORDER BY u.sort_key, r.id`);
  }
  return branches;
}

/** Units as records: named by themselves, placed by the unit above them, in the order of unit names. */
function unitsBranch(kind: 'standardsAdopted' | 'signsPosted' | 'standardKeepingUnits', place: Place, walk: boolean): SQL {
  const open = sql`u.valid_from <= ${place.day} AND (u.valid_to IS NULL OR u.valid_to > ${place.day})`;
  const filter = unitFilter(sql`u.id`, place, walk);
  const columns = (recordKind: string, day: SQL) =>
    sql`u.id, ${recordKind} AS kind, u.name AS name, COALESCE(above.name, '') AS unit_name, NULL AS status, ${day} AS day, u.sort_key AS name_key`;
  const from = sql`FROM units u LEFT JOIN units above ON above.id = u.parent_id`;
  if (kind === 'standardsAdopted') {
    return sql`SELECT ${columns('adopted', sql`first.adopted_on::text`)} ${from}
      JOIN LATERAL (SELECT MIN(e.adopted_on) AS adopted_on FROM ethics_standards e WHERE e.unit_id = u.id) first ON first.adopted_on <= ${place.day}
      WHERE ${open} AND ${filter} ORDER BY u.sort_key, u.id`;
  }
  if (kind === 'signsPosted') {
    return sql`SELECT ${columns('signed', sql`s.posted_on::text`)} ${from} JOIN standard_signs s ON s.unit_id = u.id AND s.posted_on <= ${place.day}
      WHERE ${open} AND ${filter} ORDER BY u.sort_key, u.id`;
  }
  return sql`SELECT ${columns('unit', sql`NULL`)} ${from}
    JOIN unit_versions v ON v.unit_id = u.id AND v.valid_from <= ${place.day} AND (v.valid_to IS NULL OR v.valid_to > ${place.day})
    WHERE v.kind = ANY(${sql.param([...STANDARD_KEEPING_KINDS])}::text[]) AND ${open} AND ${filter} ORDER BY u.sort_key, u.id`;
}

/** A record as the query returns it: each branch gives the status of its own kind (see CampaignRecord). */
type RecordRow = CampaignRecord extends infer R ? (R extends CampaignRecord ? Omit<R, 'unitName'> & { unit_name: string } : never) : never;

const toRecord = ({ unit_name, ...row }: RecordRow): CampaignRecord => ({ ...row, id: Number(row.id), unitName: unit_name });

/** Lists at least this long are walked in name order (see unitFilter), down to a fiftieth of their length. */
const WALK_FROM_ROWS = 5_000;
const WALK_DEPTH_RATIO = 50;

/**
 * A page of the records, people in the order of every list of people (given name first).
 * `total` (the number, from the counters) picks how the list is read.
 */
export async function listRecords(
  executor: Executor,
  set: RecordSet,
  place: Place,
  page: { limit: number; offset: number; total: number },
): Promise<CampaignRecord[]> {
  const end = page.limit + page.offset;
  // A walk reads about end × (everyone ÷ total) names: near the top of a long list it is cheap, deep
  // in a province's it reads more than the province. The tree of an earlier day is known only by its units.
  const walk = place.treeUnchangedSince && page.total >= WALK_FROM_ROWS && end * WALK_DEPTH_RATIO <= page.total;
  const branches = branchesOf(set, place, walk).map((branch) => sql`(${branch} LIMIT ${end})`);
  const rows = await executor.execute<RecordRow>(sql`
    SELECT id, kind, name, unit_name, status, day FROM (${sql.join(branches, sql` UNION ALL `)}) records
    ORDER BY name_key, id LIMIT ${page.limit} OFFSET ${page.offset}`);
  return rows.rows.map(toRecord);
}
