export { replaceAttachments, listAttachments, readOwnedFile, findFileNames } from './files.service';
export { presentFile } from './files.presenter';
export type { FileSummary } from '../../../shared/contracts/files';
