/**
 * Runs PGlite in its own thread behind a PostgreSQL wire-protocol socket, so a long query never
 * blocks the HTTP event loop and the app speaks plain node-postgres to both databases.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { readFile } from 'node:fs/promises';
import { makeWritesDurable } from './durable-writes';

type WorkerInput = { dataDir: string | null; loadDumpPath: string | null };
const input = workerData as WorkerInput;

async function start(): Promise<void> {
  const loadDataDir = input.loadDumpPath ? new Blob([await readFile(input.loadDumpPath)]) : undefined;
  const db = await PGlite.create({
    dataDir: input.dataDir ?? undefined,
    extensions: { ltree, pg_trgm, unaccent },
    loadDataDir,
  });
  // A database in memory has nothing to flush; one in a folder is flushed at every acknowledged write
  // (EMBEDDED_FLUSH=0 turns that off, to measure what it costs: a power cut may then lose writes).
  const durable = input.dataDir && process.env.EMBEDDED_FLUSH !== '0' ? makeWritesDurable(db) : null;
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 2 });
  // The app's pool keeps one session; the second slot lets it reconnect while a connection that
  // failed is still closing (pg drops a connection after some errors).
  await server.start();
  // getServerConn() answers "host:port"; the OS chose the port.
  const port = Number(server.getServerConn().split(':').at(-1));
  parentPort?.postMessage({ type: 'ready', port });
  parentPort?.on('message', (message: { type: string; path?: string }) => {
    void handleMessage(message);
  });

  async function handleMessage(message: { type: string; path?: string }): Promise<void> {
    if (message.type === 'dump' && message.path) {
      const dump = await db.dumpDataDir('none');
      const { writeFile } = await import('node:fs/promises');
      await writeFile(message.path, Buffer.from(await dump.arrayBuffer()));
      parentPort?.postMessage({ type: 'dumped' });
    }
    if (message.type === 'flushes') {
      parentPort?.postMessage({ type: 'flushes', counts: durable?.flushes() ?? { files: 0, directories: 0 } });
    }
    if (message.type === 'stop') {
      await server.stop();
      await db.close();
      parentPort?.postMessage({ type: 'stopped' });
    }
  }
}

start().catch((error: unknown) => {
  parentPort?.postMessage({ type: 'error', message: error instanceof Error ? error.stack : String(error) });
});
