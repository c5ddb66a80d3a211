/**
 * What the seed generators share: writing counters from a counting query, and counting rows. The
 * generators write rows in set-based SQL and then total their counters the way the services count
 * them one row at a time (docs/decisions/0003-scale-seeding.md).
 */
import type { DbHandle } from '../server/platform/db/client';

/** The commune (third label of the path, or the unit itself above it) as a number to vary shares by. */
export const COMMUNE_KEY = `coalesce((string_to_array(u.path::text, '.'))[3], u.id::text)::bigint`;

/**
 * Adds counted rows to figure_counters on the unit and every ancestor, as addFigureDeltas would:
 * `counted` selects (unit_id, metric, day, n); rows go to stripe 0 (a stripe is only a place to
 * write, every read sums them).
 */
export async function addCounted(handle: DbHandle, counted: string, params: unknown[]): Promise<void> {
  await handle.pool.query(
    `
    INSERT INTO figure_counters (unit_id, metric, day, stripe, delta)
    SELECT ancestor.id, counted.metric, counted.day, 0, sum(counted.n)
    FROM (${counted}) counted
    JOIN units u ON u.id = counted.unit_id
    CROSS JOIN LATERAL unnest(string_to_array(u.path::text, '.')::bigint[]) AS ancestor(id)
    GROUP BY 1, 2, 3
    ON CONFLICT (unit_id, metric, day, stripe) DO UPDATE SET delta = figure_counters.delta + EXCLUDED.delta`,
    params,
  );
}

export async function countOf(handle: DbHandle, statement: string, params: unknown[] = []): Promise<number> {
  const rows = await handle.pool.query<{ n: number }>(statement, params);
  return Number(rows.rows[0]?.n ?? 0);
}
