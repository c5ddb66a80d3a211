import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import type { RegistrationStatus } from '../../../shared/contracts/registration-status';
import type { SimilarRegistration } from '../../../shared/contracts/registrations';

/**
 * Two registrations whose folded texts share this share of trigrams count as near-identical.
 * Folding removes diacritics and case, trigram sets ignore word order: a copy with a few words
 * changed or moved stays well above it, while two honest registrations on the same topic stay below.
 */
export const SIMILARITY_THRESHOLD = 0.6;

/**
 * Makes `%` (the operator the trigram index answers) use our threshold for the rest of the
 * transaction only, so other queries on the same connection keep the default.
 */
export async function useSimilarityThreshold(tx: Executor): Promise<void> {
  await tx.execute(sql.raw(`SET LOCAL pg_trgm.similarity_threshold = ${SIMILARITY_THRESHOLD}`));
}

type Raw = { id: number; unit_name: string; person_name: string | null; kind: 'individual' | 'collective'; status: string; similarity: number; excerpt: string };

/**
 * Registrations of the same year, inside the parent unit's subtree (the unit and its level above),
 * whose text is near-identical to this one's, most similar first. Run inside a transaction that
 * called useSimilarityThreshold.
 */
export async function findSimilar(tx: Executor, registrationId: number, limit = 10): Promise<SimilarRegistration[]> {
  const rows = await tx.execute<Raw>(sql`
    WITH me AS (
      SELECT r.id, r.year, r.search_text,
        (CASE WHEN nlevel(u.path) > 1 THEN subpath(u.path, 0, nlevel(u.path) - 1) ELSE u.path END) AS parent_path
      FROM registrations r JOIN units u ON u.id = r.unit_id WHERE r.id = ${registrationId}
    )
    SELECT o.id, ou.name AS unit_name, p.full_name AS person_name, o.kind, o.status,
      similarity(o.search_text, me.search_text) AS similarity,
      left(coalesce(nullif(o.shortcomings, ''), (SELECT a.content FROM registration_actions a WHERE a.registration_id = o.id ORDER BY a.position LIMIT 1), ''), 240) AS excerpt
    FROM me
    JOIN registrations o ON o.search_text % me.search_text AND o.id <> me.id AND o.year = me.year
    JOIN units ou ON ou.id = o.unit_id AND ou.path <@ me.parent_path
    LEFT JOIN persons p ON p.id = o.person_id
    WHERE me.search_text <> ''
    ORDER BY similarity DESC, o.id
    LIMIT ${limit}`);
  return rows.rows.map((row) => ({
    id: Number(row.id),
    unitName: row.unit_name,
    personName: row.person_name,
    kind: row.kind,
    status: row.status as RegistrationStatus,
    similarity: Math.round(Number(row.similarity) * 1000) / 1000,
    excerpt: row.excerpt,
  }));
}
