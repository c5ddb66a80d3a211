import type pg from 'pg';
import type { Database } from './client';

/**
 * Answers of hot read paths (session lookups, dashboard figures) kept in memory until the next
 * write to the database. Only for the embedded database: it lives inside this one process, so
 * every write passes through this process's pool and is seen here. (With PostgreSQL other
 * processes write too, and nothing here would learn of it: the cache is off.)
 *
 * Every statement that is not a plain read (INSERT, UPDATE, DELETE, DDL, and each COMMIT and
 * ROLLBACK) moves the generation on. An answer is stored under the generation read before it was
 * computed and served only while the generation has not moved, so an answer computed across a write
 * is never served, and one computed before a commit is dropped by the commit.
 */
const READ_ONLY = /^\s*(select|show|begin|start transaction)\b/i;
const MAX_ENTRIES = 2000;

class ReadCache {
  generation = 0;
  private entries = new Map<string, { generation: number; value: unknown }>();

  async read<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && entry.generation === this.generation) return entry.value as T;
    const generation = this.generation;
    const value = await compute();
    if (this.generation === generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { generation, value });
    }
    return value;
  }
}

const caches = new WeakMap<Database, ReadCache>();

function textOf(config: unknown): string | null {
  if (typeof config === 'string') return config;
  if (config && typeof config === 'object' && 'text' in config && typeof config.text === 'string') return config.text;
  return null;
}

/** Turns the cache on for this database: every statement sent through `pool` is watched for writes. */
export function enableReadCache(db: Database, pool: pg.Pool): void {
  const cache = new ReadCache();
  caches.set(db, cache);
  pool.on('connect', (client) => {
    const send = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, ...rest: unknown[]) => {
      const text = textOf(config);
      // Unknown shapes (cursors, streams) count as writes: a needless miss is safe, a stale answer is not.
      if (text === null || !READ_ONLY.test(text)) cache.generation += 1;
      return send(config, ...rest);
    };
  });
}

/** The answer for `key` from memory while nothing was written since it was computed; else computed now. */
export function cachedRead<T>(db: Database, key: string, compute: () => Promise<T>): Promise<T> {
  const cache = caches.get(db);
  return cache ? cache.read(key, compute) : compute();
}
