import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import { registrationSimilarities } from '../../db/schema/index';
import type { RegistrationStatus } from '../../../shared/contracts/registration-status';
import { PARENT_PATH } from './registrations.repo';

export type SimilarityPair = { registrationId: number; otherId: number; similarity: number };

/** In chunks of 2,000 rows: a bulk load's pairs in one statement could pass PostgreSQL's 65,535 parameters. */
export async function insertPairs(executor: Executor, pairs: SimilarityPair[]): Promise<void> {
  for (let start = 0; start < pairs.length; start += 2000) {
    await executor
      .insert(registrationSimilarities)
      .values(pairs.slice(start, start + 2000))
      .onConflictDoNothing();
  }
}

export type ComparedRegistration = { year: number; kind: string; searchText: string; unitPath: string };

/** What a registration is compared by: its year and kind, its folded text, and its unit's path. */
export async function findComparedRegistration(executor: Executor, registrationId: number): Promise<ComparedRegistration | undefined> {
  const rows = await executor.execute<{ year: number; kind: string; search_text: string; unit_path: string }>(sql`
    SELECT r.year, r.kind, r.search_text, u.path::text AS unit_path FROM registrations r JOIN units u ON u.id = r.unit_id WHERE r.id = ${registrationId}`);
  const row = rows.rows[0];
  return row && { year: row.year, kind: row.kind, searchText: row.search_text, unitPath: row.unit_path };
}

/**
 * Stores a registration's fingerprint and drops its pairs, both ways, in one statement; returns the
 * registrations it was paired with (their twin flags may change).
 */
export async function storeFingerprintDroppingPairs(
  executor: Executor,
  registrationId: number,
  fingerprint: Buffer | null,
): Promise<number[]> {
  const rows = await executor.execute<{ id: number }>(sql`
    WITH stored AS (UPDATE registrations SET fingerprint = ${fingerprint} WHERE id = ${registrationId}),
      dropped AS (
        DELETE FROM registration_similarities WHERE registration_id = ${registrationId} OR other_id = ${registrationId}
        RETURNING CASE WHEN registration_id = ${registrationId} THEN other_id ELSE registration_id END AS partner_id)
    SELECT DISTINCT partner_id AS id FROM dropped`);
  return rows.rows.map((row) => Number(row.id));
}

/** Locks these registrations in id order, so two writers settling overlapping sets wait instead of deadlocking. */
export async function lockRegistrationsInOrder(executor: Executor, ids: number[]): Promise<void> {
  await executor.execute(sql`SELECT id FROM registrations WHERE id = ANY(${sql.param(ids)}::bigint[]) ORDER BY id FOR UPDATE`);
}

export type TwinFlagChange = { id: number; kind: string; year: number; status: RegistrationStatus; unitPath: string; hasTwin: boolean };

/**
 * Sets has_twin of these registrations to whether a pair with a registration of their parent
 * unit's subtree is stored now (as the appraisal list flags them); returns the rows that changed.
 * The registration's version stays: a twin written by someone else is not an edit of this one.
 */
export async function updateTwinFlags(executor: Executor, ids: number[], threshold: number): Promise<TwinFlagChange[]> {
  const rows = await executor.execute<{
    id: number;
    kind: string;
    year: number;
    status: RegistrationStatus;
    unit_path: string;
    has_twin: boolean;
  }>(sql`
    WITH settled AS (
      SELECT r.id, u.path AS unit_path, EXISTS (
        SELECT 1 FROM registration_similarities s JOIN registrations o ON o.id = s.other_id JOIN units ou ON ou.id = o.unit_id
        WHERE s.registration_id = r.id AND s.similarity >= ${threshold} AND ou.path <@ ${PARENT_PATH}) AS has_twin
      FROM registrations r JOIN units u ON u.id = r.unit_id WHERE r.id = ANY(${sql.param(ids)}::bigint[])
    )
    UPDATE registrations r SET has_twin = settled.has_twin FROM settled
    WHERE r.id = settled.id AND r.has_twin <> settled.has_twin
    RETURNING r.id, r.kind, r.year, r.status, settled.unit_path::text AS unit_path, r.has_twin`);
  return rows.rows.map((row) => ({
    id: Number(row.id),
    kind: row.kind,
    year: Number(row.year),
    status: row.status,
    unitPath: row.unit_path,
    hasTwin: row.has_twin,
  }));
}

/**
 * The registrations of a subtree paired with one outside it, and those others: whether each pair
 * lies in the parent unit's subtree of its side can change when the subtree moves.
 */
export async function listPairedAcross(executor: Executor, subtreePath: string): Promise<number[]> {
  const rows = await executor.execute<{ registration_id: number; other_id: number }>(sql`
    SELECT s.registration_id, s.other_id
    FROM units u JOIN registrations r ON r.unit_id = u.id JOIN registration_similarities s ON s.registration_id = r.id
      JOIN registrations o ON o.id = s.other_id JOIN units ou ON ou.id = o.unit_id
    WHERE u.path <@ ${subtreePath}::ltree AND NOT (ou.path <@ ${subtreePath}::ltree)`);
  return rows.rows.flatMap((row) => [Number(row.registration_id), Number(row.other_id)]);
}

/** Every registration with a stored pair (a bulk load settles their flags after writing the pairs). */
export async function listPairedRegistrationIds(executor: Executor): Promise<number[]> {
  const rows = await executor.execute<{ id: number }>(sql`SELECT DISTINCT registration_id AS id FROM registration_similarities`);
  return rows.rows.map((row) => Number(row.id));
}

export type CandidateFingerprint = { id: number; fingerprint: Buffer | null; search_text: string | null };

/**
 * The other non-empty registrations of a year and kind in the unit's comparison scope (PARENT_PATH) whose stored fingerprint is
 * between the given sizes in bytes; one not fingerprinted yet comes with its folded text instead.
 */
export async function listCandidateFingerprints(
  executor: Executor,
  filter: { unitPath: string; year: number; kind: string; exceptId: number; smallestBytes: number; largestBytes: number },
): Promise<CandidateFingerprint[]> {
  const rows = await executor.execute<CandidateFingerprint>(sql`
    -- Joined, not compared with a subquery: the scope's units are then found by the path index.
    WITH scope AS (SELECT ${PARENT_PATH} AS path FROM units u WHERE u.path = ${filter.unitPath}::ltree)
    SELECT r.id, r.fingerprint, CASE WHEN r.fingerprint IS NULL THEN r.search_text END AS search_text
    FROM scope JOIN units u ON u.path <@ scope.path JOIN registrations r ON r.unit_id = u.id
    WHERE r.year = ${filter.year} AND r.kind = ${filter.kind} AND r.id <> ${filter.exceptId} AND r.search_text <> ''
      AND (r.fingerprint IS NULL OR octet_length(r.fingerprint) BETWEEN ${filter.smallestBytes} AND ${filter.largestBytes})`);
  return rows.rows;
}

export type SimilarRegistrationRow = {
  id: number;
  unit_name: string;
  person_name: string | null;
  kind: 'individual' | 'collective';
  status: RegistrationStatus;
  similarity: number;
  excerpt: string;
};

/** Registrations paired with this one inside its parent unit's subtree, most similar first. */
export async function listSimilarRegistrations(
  executor: Executor,
  registrationId: number,
  limit: number,
): Promise<SimilarRegistrationRow[]> {
  const rows = await executor.execute<SimilarRegistrationRow>(sql`
    WITH me AS (
      SELECT r.id, ${PARENT_PATH} AS parent_path
      FROM registrations r JOIN units u ON u.id = r.unit_id WHERE r.id = ${registrationId}
    )
    SELECT o.id, ou.name AS unit_name, p.full_name AS person_name, o.kind, o.status, s.similarity,
      left(coalesce(nullif(o.shortcomings, ''), (SELECT a.content FROM registration_actions a WHERE a.registration_id = o.id ORDER BY a.position LIMIT 1), ''), 240) AS excerpt
    FROM me
    JOIN registration_similarities s ON s.registration_id = me.id
    JOIN registrations o ON o.id = s.other_id
    JOIN units ou ON ou.id = o.unit_id AND ou.path <@ me.parent_path
    LEFT JOIN persons p ON p.id = o.person_id
    ORDER BY s.similarity DESC, o.id
    LIMIT ${limit}`);
  return rows.rows;
}
