export { replaceAttachments, listAttachments, presentFile, readOwnedFile, findFileNames } from './files.service';
export type { FileSummary } from './files.service';
