import { sql } from 'drizzle-orm';
import type { TestContext } from './fixtures';

/**
 * Every counter as rows, daily and by month, summed over stripes and without zero sums: what two ways
 * of writing the same data (a bulk function and the services one by one) must leave alike.
 */
export async function counterRows(executor: Pick<TestContext['db'], 'execute'>) {
  const rows = async (query: ReturnType<typeof sql>) => (await executor.execute(query)).rows;
  return {
    counters: await rows(sql`
      SELECT unit_id, metric, day::text, sum(delta)::int AS delta FROM figure_counters
      GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3`),
    months: await rows(sql`
      SELECT unit_id, metric, month::text, sum(delta)::int AS delta FROM figure_counter_months
      GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3`),
  };
}
