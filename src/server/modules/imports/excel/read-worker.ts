/**
 * Reads an import workbook in a worker thread (started by readImportWorkbook in read.ts), so a
 * large file's parsing never holds the server's event loop. Answers with the parsed sheet, or with
 * the AppError the reading raised, rebuilt on the other side.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../../platform/errors';
import { readPeopleWorkbook, readUnitsWorkbook, type ReadOptions } from './read';

const { kind, buffer, options } = workerData as { kind: 'people' | 'units'; buffer: Uint8Array; options: ReadOptions };
try {
  const file = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const parsed = kind === 'people' ? await readPeopleWorkbook(file, options) : await readUnitsWorkbook(file, options);
  parentPort?.postMessage({ parsed });
} catch (error) {
  parentPort?.postMessage(
    isAppError(error)
      ? { appError: { code: error.code, message: error.message, details: error.details } }
      : { failure: error instanceof Error ? (error.stack ?? error.message) : String(error) },
  );
}
