import type { FileSummary } from '../../../shared/contracts/files';
import type { StoredFileRow } from './files.repo';

/** A stored file as answers name it: by the name it was uploaded under. */
export function presentFile(row: StoredFileRow): FileSummary {
  return {
    id: row.id,
    name: row.originalName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    createdAt: row.createdAt.toISOString(),
  };
}
