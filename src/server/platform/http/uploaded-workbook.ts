import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { cleanFileName } from './text-input';

// "PK\x03\x04": every .xlsx is a zip archive; anything else is refused before parsing.
const isZip = (buffer: Buffer) => buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50;

/**
 * The one Excel file of a multipart upload, read whole, with its cleaned name. Refuses a request
 * without a file, a file over the upload limit and one that is not an .xlsx, with what to do.
 */
export async function readUploadedWorkbook(request: FastifyRequest): Promise<{ buffer: Buffer; fileName: string }> {
  if (!request.isMultipart()) throw new AppError('VALIDATION_FAILED', 'Hãy chọn một tệp Excel (.xlsx) để tải lên.');
  const file = await request.file();
  if (!file) throw new AppError('VALIDATION_FAILED', 'Hãy chọn một tệp Excel (.xlsx) để tải lên.');
  // The upload is read to its end first: a multipart stream left unread would hold the request open.
  const buffer = await file.toBuffer();
  if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp quá lớn so với giới hạn cho phép.');
  // The name is checked first: one holding control characters is refused whatever the content.
  const fileName = cleanFileName(file.filename).slice(0, 200);
  if (!isZip(buffer)) throw new AppError('IMPORT_INVALID_FILE', 'Không đọc được tệp. Hãy tải lên tệp Excel (.xlsx) theo mẫu.');
  return { buffer, fileName };
}
