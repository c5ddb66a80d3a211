export { replaceAttachments, listAttachments, presentFile } from './files.service';
export type { FileSummary } from './files.service';
