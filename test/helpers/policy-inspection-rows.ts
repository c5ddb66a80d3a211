/**
 * Rows of the policy matrix (test/policy.test.ts) for inspection and supervision. A inspects its
 * cell C1: the inspection's steps belong to those who conduct inspections on A (its inspectors,
 * its administrator), its remedies are reported by those who answer for C1 (officer, committee,
 * administrator granted on A), and every reader of A reads it. The records are made through the
 * module's own services, the system acting as an administrator at the root.
 */
import type { Role } from '../../src/shared/contracts/domain';
import type { Database } from '../../src/server/platform/db/client';
import { todayIso } from '../../src/server/platform/dates';
import {
  addFinding,
  concludeInspection,
  createInspection,
  startInspection,
} from '../../src/server/modules/inspections/inspections.service';
import { reportRemedy } from '../../src/server/modules/inspections/remedies.service';
import { rootActor, type seedSmallTree } from './fixtures';
import { tinyPdf } from './tiny-files';

type Tree = Awaited<ReturnType<typeof seedSmallTree>>;
type Request = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  file?: { fileName: string; content: Buffer; contentType?: string };
};
export type InspectionEndpoint = {
  route: string;
  name?: string;
  allowed: readonly Role[];
  scoped: boolean;
  request(): Promise<Request> | Request;
};

const READERS: Role[] = ['admin', 'officer', 'committee', 'inspector', 'viewer'];
const CONDUCTORS: Role[] = ['admin', 'inspector'];
const REMEDIERS: Role[] = ['admin', 'officer', 'committee'];

const year = Number(todayIso().slice(0, 4));
const far = `${year + 1}-06-30`;

/** The fields of a plan, without its owner, unit and year (an edit sends these). */
export const inspectionFields = (n: number) => ({
  kind: 'inspection',
  title: `Kiểm tra việc thực hiện chuẩn mực ${n}`,
  contents: ['standards', 'study'],
  startsOn: `${year}-04-01`,
  endsOn: `${year}-04-03`,
  team: [{ name: 'Trần Văn Kiểm', role: 'Trưởng đoàn', userId: null }],
  note: 'Làm việc tại chi bộ.',
});

export const shortcomingBody = (n: number) => ({
  content: 'study',
  kind: 'shortcoming',
  text: `Chưa học chuyên đề đủ số buổi ${n}`,
  remedy: 'Tổ chức học bù trong quý.',
  dueOn: far,
  fileIds: [] as number[],
});

type Place = { rootPath: string; owner: { id: number }; unit: { id: number } };
export type InspectionStop = 'planned' | 'in_progress' | 'with_finding' | 'concluded';

/** An inspection of `unit` in the plan of `owner`, taken through the services as far as `stop`. */
export async function inspectionIn(db: Database, place: Place, stop: InspectionStop, n: number) {
  const system = rootActor(place.rootPath);
  let view = await createInspection(db, system, {
    ownerUnitId: place.owner.id,
    unitId: place.unit.id,
    year,
    ...inspectionFields(n),
  } as Parameters<typeof createInspection>[2]);
  if (stop === 'planned') return { id: view.id, version: view.version, findingId: 0, remedyId: 0, remedyVersion: 0 };
  view = await startInspection(db, system, view.id, { version: view.version });
  if (stop === 'in_progress') return { id: view.id, version: view.version, findingId: 0, remedyId: 0, remedyVersion: 0 };
  view = await addFinding(db, system, view.id, {
    version: view.version,
    finding: shortcomingBody(n) as Parameters<typeof addFinding>[3]['finding'],
  });
  const findingId = view.findingItems[0]!.id;
  if (stop === 'with_finding') return { id: view.id, version: view.version, findingId, remedyId: 0, remedyVersion: 0 };
  view = await concludeInspection(db, system, view.id, {
    version: view.version,
    conclusion: 'Chi bộ thực hiện cơ bản tốt; cần khắc phục việc học chuyên đề.',
    seriousness: 'minor',
    number: null,
  });
  const remedy = view.remedyItems[0]!;
  return { id: view.id, version: view.version, findingId, remedyId: remedy.id, remedyVersion: remedy.version };
}

/** A remedy C1 owes A, open or already reported. */
export async function remedyIn(db: Database, place: Place, status: 'open' | 'reported', n: number) {
  const { remedyId, remedyVersion } = await inspectionIn(db, place, 'concluded', n);
  if (status === 'open') return { id: remedyId, version: remedyVersion };
  const reported = await reportRemedy(db, rootActor(place.rootPath), remedyId, {
    version: remedyVersion,
    report: 'Đã tổ chức học bù hai buổi.',
    fileIds: [],
  });
  return { id: reported.id, version: reported.version };
}

export function inspectionEndpoints(env: { db: () => Database; tree: () => Tree; next: () => number }): InspectionEndpoint[] {
  const a = () => env.tree().A.id;
  const place = (): Place => ({ rootPath: env.tree().R.path, owner: env.tree().A, unit: env.tree().C1 });
  const inC1 = (stop: InspectionStop) => inspectionIn(env.db(), place(), stop, 700 + env.next());
  const remedy = (status: 'open' | 'reported') => remedyIn(env.db(), place(), status, 700 + env.next());
  /** One concluded inspection read by every reading row (reads change nothing). */
  let concluded: Promise<{ id: number }> | undefined;
  const reading = async () => (await (concluded ??= inC1('concluded'))).id;

  return [
    {
      route: 'GET /api/inspections',
      name: 'GET /api/inspections?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/inspections?unitId=${a()}&year=${year}` }),
    },
    {
      route: 'POST /api/inspections',
      allowed: CONDUCTORS,
      scoped: true,
      request: () => ({
        method: 'POST',
        url: '/api/inspections',
        body: { ownerUnitId: a(), unitId: env.tree().C1.id, year, ...inspectionFields(env.next()) },
      }),
    },
    {
      route: 'GET /api/inspections/:id',
      allowed: READERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/inspections/${await reading()}` }),
    },
    {
      route: 'PUT /api/inspections/:id',
      allowed: CONDUCTORS,
      scoped: true,
      request: async () => {
        const { id, version } = await inC1('planned');
        return { method: 'PUT', url: `/api/inspections/${id}`, body: { ...inspectionFields(env.next()), version } };
      },
    },
    {
      route: 'POST /api/inspections/:id/start',
      allowed: CONDUCTORS,
      scoped: true,
      request: async () => {
        const { id, version } = await inC1('planned');
        return { method: 'POST', url: `/api/inspections/${id}/start`, body: { version, selfReportDeadline: `${year}-12-31` } };
      },
    },
    {
      route: 'POST /api/inspections/:id/findings',
      allowed: CONDUCTORS,
      scoped: true,
      request: async () => {
        const { id, version } = await inC1('in_progress');
        return { method: 'POST', url: `/api/inspections/${id}/findings`, body: { version, finding: shortcomingBody(env.next()) } };
      },
    },
    {
      route: 'PUT /api/inspections/:id/findings/:findingId',
      allowed: CONDUCTORS,
      scoped: true,
      request: async () => {
        const { id, version, findingId } = await inC1('with_finding');
        return {
          method: 'PUT',
          url: `/api/inspections/${id}/findings/${findingId}`,
          body: { version, finding: { ...shortcomingBody(env.next()), text: 'Đã xác minh lại: chưa học đủ chuyên đề.' } },
        };
      },
    },
    {
      route: 'DELETE /api/inspections/:id/findings/:findingId',
      allowed: CONDUCTORS,
      scoped: true,
      request: async () => {
        const { id, version, findingId } = await inC1('with_finding');
        return { method: 'DELETE', url: `/api/inspections/${id}/findings/${findingId}?version=${version}` };
      },
    },
    {
      route: 'POST /api/inspections/:id/conclude',
      allowed: CONDUCTORS,
      scoped: true,
      request: async () => {
        const { id, version } = await inC1('with_finding');
        return {
          method: 'POST',
          url: `/api/inspections/${id}/conclude`,
          body: { version, conclusion: 'Chi bộ cần khắc phục việc học chuyên đề.', seriousness: 'minor', number: '05-TB/UBKT' },
        };
      },
    },
    {
      route: 'POST /api/inspections/:id/cancel',
      allowed: CONDUCTORS,
      scoped: true,
      request: async () => {
        const { id, version } = await inC1('planned');
        return { method: 'POST', url: `/api/inspections/${id}/cancel`, body: { version, reason: 'Trùng lịch sinh hoạt chi bộ.' } };
      },
    },
    {
      route: 'GET /api/inspections/:id/document',
      allowed: READERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/inspections/${await reading()}/document` }),
    },
    {
      route: 'GET /api/remedies',
      name: 'GET /api/remedies?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/remedies?unitId=${a()}&year=${year}` }),
    },
    {
      route: 'POST /api/remedies/:id/report',
      allowed: REMEDIERS,
      scoped: true,
      request: async () => {
        const { id, version } = await remedy('open');
        return { method: 'POST', url: `/api/remedies/${id}/report`, body: { version, report: 'Đã tổ chức học bù hai buổi.', fileIds: [] } };
      },
    },
    {
      route: 'POST /api/remedies/:id/accept',
      allowed: CONDUCTORS,
      scoped: true,
      request: async () => {
        const { id, version } = await remedy('reported');
        return { method: 'POST', url: `/api/remedies/${id}/accept`, body: { version, note: 'Đạt yêu cầu.' } };
      },
    },
    {
      route: 'POST /api/remedies/:id/return',
      allowed: CONDUCTORS,
      scoped: true,
      request: async () => {
        const { id, version } = await remedy('reported');
        return { method: 'POST', url: `/api/remedies/${id}/return`, body: { version, reason: 'Cần kèm danh sách học bù.' } };
      },
    },
    {
      route: 'GET /api/inspection-figures',
      name: 'GET /api/inspection-figures?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/inspection-figures?unitId=${a()}&year=${year}` }),
    },
    // Evidence is filed on the inspected unit: the team's on findings, the unit's own on remedies.
    {
      route: 'POST /api/files',
      name: 'POST /api/files?unitId=C1&purpose=inspection_finding',
      allowed: CONDUCTORS,
      scoped: true,
      request: () => ({
        method: 'POST',
        url: `/api/files?unitId=${env.tree().C1.id}&purpose=inspection_finding`,
        file: { fileName: 'bien-ban.pdf', content: tinyPdf(), contentType: 'application/pdf' },
      }),
    },
    {
      route: 'POST /api/files',
      name: 'POST /api/files?unitId=C1&purpose=remedy',
      allowed: REMEDIERS,
      scoped: true,
      request: () => ({
        method: 'POST',
        url: `/api/files?unitId=${env.tree().C1.id}&purpose=remedy`,
        file: { fileName: 'minh-chung.pdf', content: tinyPdf(), contentType: 'application/pdf' },
      }),
    },
  ];
}
