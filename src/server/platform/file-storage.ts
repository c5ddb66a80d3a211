import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from './errors';
import { declaredZipSizes } from './zip-sizes';

/** What an upload may be, judged by its content (never by its name or the browser's claim). */
export const FILE_ACCEPT = {
  image: ['image/jpeg', 'image/png', 'image/webp'],
  document: [
    'image/jpeg',
    'image/png',
    'image/webp',
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ],
} as const;
export type FileAccept = keyof typeof FILE_ACCEPT;

const ACCEPT_MESSAGES: Record<FileAccept, string> = {
  image: 'Chỉ nhận ảnh JPEG, PNG hoặc WebP.',
  document: 'Chỉ nhận ảnh (JPEG, PNG, WebP), PDF, Word (.docx), Excel (.xlsx) hoặc PowerPoint (.pptx).',
};

export type CheckedFile = { contentType: string; sha256: string; safeName: string };

// Word, Excel and PowerPoint files are zip packages. One that unpacks to far more than any real
// document (a "zip bomb") is refused: the server never unpacks stored files, but whoever opens it would.
const OFFICE_TYPES = new Set<string>(FILE_ACCEPT.document.filter((type) => type.startsWith('application/vnd.openxmlformats')));
const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;
const MAX_PACKING_RATIO = 200;

async function assertNotZipBomb(buffer: Buffer): Promise<void> {
  const sizes = await declaredZipSizes(buffer);
  if (!sizes)
    throw new AppError(
      'FILE_TYPE_NOT_ALLOWED',
      'Tệp Word, Excel hoặc PowerPoint này bị hỏng, không mở được. Hãy lưu lại tệp rồi tải lên lần nữa.',
    );
  const ratio = sizes.uncompressedBytes / Math.max(1, buffer.length);
  if (sizes.uncompressedBytes > MAX_UNPACKED_BYTES || ratio > MAX_PACKING_RATIO) {
    throw new AppError(
      'FILE_TYPE_NOT_ALLOWED',
      `Tệp khai là khi mở ra sẽ chiếm ${Math.round(sizes.uncompressedBytes / 1024 / 1024).toLocaleString('vi-VN')} MB, quá lớn so với một tài liệu thật (tệp nén bất thường). Hãy kiểm tra lại tệp.`,
    );
  }
}

/** Checks the content type by magic bytes and gives a name safe to show and to send back. */
export async function checkUpload(buffer: Buffer, originalName: string, accept: FileAccept): Promise<CheckedFile> {
  if (buffer.length === 0) throw new AppError('VALIDATION_FAILED', 'Tệp rỗng. Hãy chọn lại tệp.');
  const detected = await fileTypeFromBuffer(buffer);
  const allowed: readonly string[] = FILE_ACCEPT[accept];
  if (!detected || !allowed.includes(detected.mime)) {
    throw new AppError('FILE_TYPE_NOT_ALLOWED', `Loại tệp không được chấp nhận. ${ACCEPT_MESSAGES[accept]}`);
  }
  if (OFFICE_TYPES.has(detected.mime)) await assertNotZipBomb(buffer);
  return {
    contentType: detected.mime,
    sha256: createHash('sha256').update(buffer).digest('hex'),
    safeName: safeFileName(originalName, detected.ext),
  };
}

/** Keeps letters (with diacritics), digits, spaces and a few marks; the extension follows the real content. */
export function safeFileName(originalName: string, extension: string): string {
  const base = path
    .basename(originalName.replace(/\\/g, '/'))
    .replace(/\.[^.]*$/, '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ()_.,-]+/gu, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 120);
  return `${base || 'tep'}.${extension}`;
}

function storedPath(dataDir: string, fileId: number): string {
  // Spread over folders of at most 1,000 files so a busy year does not make one huge directory.
  return path.join(dataDir, 'files', String(Math.floor(fileId / 1000)), String(fileId));
}

/** Writes atomically (temporary name, then rename), so a crash never leaves half a file under a real id. */
export async function writeStoredFile(dataDir: string, fileId: number, buffer: Buffer): Promise<void> {
  const target = storedPath(dataDir, fileId);
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.part`;
  await writeFile(temporary, buffer);
  await rename(temporary, target);
}

export async function readStoredFile(dataDir: string, fileId: number): Promise<Buffer> {
  try {
    return await readFile(storedPath(dataDir, fileId));
  } catch {
    throw new AppError('NOT_FOUND', 'Không tìm thấy nội dung tệp trên máy chủ.');
  }
}
