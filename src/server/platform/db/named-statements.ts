import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * Names every parameterised query after its text, so each connection parses and plans it once and
 * then only binds and executes it. Drizzle sends unnamed statements: measured here, a typical join
 * took 0.33 ms unnamed and 0.18 ms named, most of the difference being PostgreSQL's parse and plan.
 * Statements without parameters (DDL, migrations, maintenance) stay unnamed, and a connection stops
 * naming new texts past a bound, so a stream of one-off texts cannot grow its memory without end.
 */
const MAX_NAMED_PER_CONNECTION = 2000;

const namesByText = new Map<string, string>();

function nameOf(text: string): string {
  let name = namesByText.get(text);
  if (!name) {
    name = `ng_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    if (namesByText.size < 50_000) namesByText.set(text, name);
  }
  return name;
}

type QueryConfigLike = { text?: unknown; name?: unknown; values?: unknown };

export function nameStatementsOf(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const named = new Set<string>();
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, ...rest: unknown[]) => {
      if (config && typeof config === 'object' && !('submit' in config)) {
        const candidate = config as QueryConfigLike;
        const values = Array.isArray(rest[0]) ? rest[0] : candidate.values;
        if (typeof candidate.text === 'string' && candidate.name === undefined && Array.isArray(values) && values.length > 0) {
          const name = nameOf(candidate.text);
          if (named.has(name) || named.size < MAX_NAMED_PER_CONNECTION) {
            named.add(name);
            return query({ ...candidate, name }, ...rest);
          }
        }
      }
      return query(config, ...rest);
    };
  });
}
