export { replaceAttachments, listAttachments, presentFile, readOwnedFile } from './files.service';
export type { FileSummary } from './files.service';
