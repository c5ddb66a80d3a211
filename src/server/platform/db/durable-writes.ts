import fs from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';

/**
 * PGlite's file layer (Emscripten's NODEFS) writes through `fs.writeSync` and never asks the
 * operating system to flush: a power cut could lose writes it had already acknowledged. Here every
 * descriptor PGlite writes is remembered, and flushed (`fdatasync`) before the answer to the
 * message that wrote it leaves the database thread, so a COMMIT is acknowledged only once it is on
 * disk. Runs inside the database's worker thread: the `fs` patched here is that thread's own.
 */
export type DurableWrites = { flushes(): number };

export function makeWritesDurable(db: PGlite): DurableWrites {
  const unflushed = new Set<number>();
  let flushes = 0;
  const flush = (fd: number) => {
    fs.fdatasyncSync(fd);
    flushes += 1;
  };

  const writeSync = fs.writeSync as (...args: unknown[]) => number;
  (fs as { writeSync: unknown }).writeSync = (fd: number, ...rest: unknown[]) => {
    unflushed.add(fd);
    return writeSync(fd, ...rest);
  };
  const closeSync = fs.closeSync;
  fs.closeSync = (fd: number) => {
    if (unflushed.delete(fd)) flush(fd);
    closeSync(fd);
  };

  const exec = db.execProtocolRawStream.bind(db);
  db.execProtocolRawStream = async (message, options) => {
    // The answer is held until what the message wrote is on disk.
    const held: Uint8Array[] = [];
    await exec(message, { ...options, onRawData: (data) => held.push(data.slice()) });
    for (const fd of unflushed) flush(fd);
    unflushed.clear();
    for (const data of held) options?.onRawData(data);
  };
  return { flushes: () => flushes };
}
