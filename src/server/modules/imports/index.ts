export { applyImport, previewImport } from './imports.service';
export { exportPeople, exportUnits } from './exports.service';
export { applyPeopleImport } from './people-import';
export type { PlannedPerson } from './people-import';
export { startWorkbookReader } from './excel/read';
