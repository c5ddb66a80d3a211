/**
 * Reads import workbooks in a worker thread (kept by workbookReader in read.ts), so a large file's
 * parsing never holds the server's event loop. The thread stays up between files: starting one
 * (and compiling its modules) cost more than half a second of every import. Each request carries
 * an id; the answer is the parsed sheet, or the AppError the reading raised, rebuilt on the other
 * side.
 */
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../../platform/errors';
import { readPeopleWorkbook, readUnitsWorkbook, type ReadOptions } from './read';

type Request = { id: number; kind: 'people' | 'units'; buffer: Uint8Array; options: ReadOptions };

parentPort?.on('message', (request: Request) => {
  void answer(request);
});
parentPort?.postMessage({ ready: true });

async function answer({ id, kind, buffer, options }: Request): Promise<void> {
  try {
    const file = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    const parsed = kind === 'people' ? await readPeopleWorkbook(file, options) : await readUnitsWorkbook(file, options);
    parentPort?.postMessage({ id, parsed });
  } catch (error) {
    parentPort?.postMessage(
      isAppError(error)
        ? { id, appError: { code: error.code, message: error.message, details: error.details } }
        : { id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) },
    );
  }
}
