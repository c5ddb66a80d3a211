import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/**
 * PGlite's file layer (Emscripten's NODEFS) writes through `fs.writeSync` and never asks the
 * operating system to flush: a power cut could lose writes it had already acknowledged. Here every
 * descriptor PGlite writes is remembered, and flushed (`fdatasync`) before the answer to the
 * message that wrote it leaves the database thread, so a COMMIT is acknowledged only once it is on
 * disk. A file's data on disk is not enough when the file is new (a WAL segment, a table's first
 * file) or was renamed or removed: the folder that lists it is flushed too, or a power cut could
 * forget the file itself. Runs inside the database's worker thread: the `fs` patched here is that
 * thread's own.
 */
export type FlushCounts = { files: number; directories: number };
export type DurableWrites = { flushes(): FlushCounts };

/**
 * Runs one flush. A file closed, or a folder removed, since it was written has nothing left to
 * flush (its removal is flushed with the folder above). Any other failure is logged and the answer
 * still goes out: a flush that failed must not stop the database from answering every later query.
 */
function tolerated(flush: () => void): void {
  try {
    flush();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EBADF') return;
    console.error(
      `Không ghi được xuống đĩa (fsync) một thay đổi của CSDL nhúng: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Whether an open with these flags may create the file (O_CREAT, or a mode string that writes). */
function mayCreate(flags: unknown): boolean {
  if (typeof flags === 'number') return (flags & fs.constants.O_CREAT) !== 0;
  return typeof flags === 'string' && /[wa]/.test(flags);
}

export function makeWritesDurable(db: PGlite): DurableWrites {
  const unflushed = new Set<number>();
  const changedDirectories = new Set<string>();
  const counts: FlushCounts = { files: 0, directories: 0 };
  const flush = (fd: number) =>
    tolerated(() => {
      fs.fdatasyncSync(fd);
      counts.files += 1;
    });
  const flushDirectory = (directory: string) =>
    tolerated(() => {
      const fd = fs.openSync(directory, fs.constants.O_RDONLY);
      try {
        fs.fsyncSync(fd);
        counts.directories += 1;
      } finally {
        fs.closeSync(fd);
      }
    });
  const listingChanges = (...paths: unknown[]) => {
    for (const changed of paths) if (typeof changed === 'string') changedDirectories.add(path.dirname(changed));
  };

  const writeSync = fs.writeSync as (...args: unknown[]) => number;
  (fs as { writeSync: unknown }).writeSync = (fd: number, ...rest: unknown[]) => {
    unflushed.add(fd);
    return writeSync(fd, ...rest);
  };
  const openSync = fs.openSync as (...args: unknown[]) => number;
  (fs as { openSync: unknown }).openSync = (file: unknown, flags: unknown, ...rest: unknown[]) => {
    if (mayCreate(flags) && typeof file === 'string' && !fs.existsSync(file)) listingChanges(file);
    return openSync(file, flags, ...rest);
  };
  for (const name of ['renameSync', 'unlinkSync', 'mkdirSync', 'rmdirSync'] as const) {
    const original = fs[name] as (...args: unknown[]) => unknown;
    (fs as Record<string, unknown>)[name] = (...args: unknown[]) => {
      const result = original(...args);
      listingChanges(...(name === 'renameSync' ? args.slice(0, 2) : args.slice(0, 1)));
      return result;
    };
  }
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
    const fds = [...unflushed];
    const directories = [...changedDirectories];
    unflushed.clear();
    changedDirectories.clear();
    for (const fd of fds) flush(fd);
    for (const directory of directories) flushDirectory(directory);
    for (const data of held) options?.onRawData(data);
  };
  return { flushes: () => ({ ...counts }) };
}
