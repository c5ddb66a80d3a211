import type { Database, Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, can, scopePaths, type Actor, type RecordPlace } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { addFigureDeltas } from '../../platform/figures';
import { todayIso, formatVietnameseDate } from '../../platform/dates';
import { foldVietnamese } from '../../../shared/text';
import type {
  ConcludeInspection,
  CreateInspection,
  FindingInput,
  InspectionDetail,
  InspectionListAnswer,
  InspectionListQuery,
  UpdateInspection,
} from '../../../shared/contracts/inspections';
import { getUnitOrThrow } from '../units/index';
import { asOfForYear, INSPECTION_METRICS } from '../figures/index';
import { listAttachments, replaceAttachments } from '../files/index';
import { requestSelfReport, selfReportState } from '../reports/index';
import { lockInspection, mayConduct, stepInspection } from './inspection-machine';
import { presentDetail, presentFinding, presentListItem, presentRemedy } from './inspection.presenter';
import { recordLaggingActionInTx } from './lagging.service';
import * as repo from './inspections.repo';

const NOT_FOUND = 'Không tìm thấy cuộc kiểm tra, giám sát này.';

export async function findInspectionPlace(executor: Executor, id: number): Promise<RecordPlace | undefined> {
  const context = await repo.findInspection(executor, id);
  return context ? { unitPaths: [context.unit.path] } : undefined;
}

export async function findRemedyPlace(executor: Executor, id: number): Promise<RecordPlace | undefined> {
  const found = await repo.findRemedy(executor, id);
  return found ? { unitPaths: [found.unit.path] } : undefined;
}

function checkDates(input: { startsOn: string; endsOn: string }, year: number): void {
  if (input.startsOn > input.endsOn) throw new AppError('VALIDATION_FAILED', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
  if (Number(input.startsOn.slice(0, 4)) !== year) {
    throw new AppError('VALIDATION_FAILED', `Cuộc kiểm tra thuộc kế hoạch năm ${year} phải bắt đầu trong năm ${year}.`);
  }
}

const searchTextOf = (title: string, unitName: string) => foldVietnamese(`${title} ${unitName}`);

/** Puts an inspection of a unit below into a level's plan for the year. */
export async function createInspection(db: Database, actor: Actor, input: CreateInspection) {
  const owner = await getUnitOrThrow(db, input.ownerUnitId);
  assertCan(actor, 'inspections.conduct', owner.path);
  const unit = await getUnitOrThrow(db, input.unitId);
  if (!unit.path.startsWith(`${owner.path}.`)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `"${unit.name}" không phải là đơn vị cấp dưới của "${owner.name}" nên không đưa vào kế hoạch kiểm tra được.`,
    );
  }
  for (const place of [owner, unit]) {
    if (place.validTo) throw new AppError('INVALID_STATE', `Đơn vị "${place.name}" đã kết thúc hoạt động.`);
  }
  checkDates(input, input.year);
  const id = await db.transaction(async (tx) => {
    const inspection = await repo.insertInspection(tx, {
      ownerUnitId: owner.id,
      unitId: unit.id,
      year: input.year,
      kind: input.kind,
      title: input.title,
      contents: input.contents,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      team: input.team,
      note: input.note,
      searchText: searchTextOf(input.title, unit.name),
    });
    await repo.insertEvent(tx, {
      inspectionId: inspection.id,
      action: 'plan',
      fromStatus: 'planned',
      toStatus: 'planned',
      reason: null,
      actorName: actor.name,
    });
    await addFigureDeltas(tx, [
      { unitPath: unit.path, metric: INSPECTION_METRICS.planned(input.year), day: asOfForYear(input.year), delta: 1 },
    ]);
    if (input.fromLaggingYear) {
      await recordLaggingActionInTx(tx, actor, {
        unitId: unit.id,
        byUnitId: owner.id,
        year: input.fromLaggingYear,
        action: 'inspection',
        note: `Đưa vào kế hoạch kiểm tra năm ${input.year}: ${input.title}`,
        reasons: [],
        inspectionId: inspection.id,
      });
    }
    await recordAudit(tx, actor, {
      action: 'inspection.plan',
      entityType: 'inspection',
      entityId: inspection.id,
      unitPath: unit.path,
      after: inspection,
    });
    return inspection.id;
  });
  return getInspection(db, actor, id);
}

export async function updateInspection(db: Database, actor: Actor, id: number, input: UpdateInspection) {
  await db.transaction(async (tx) => {
    const context = await lockInspection(tx, actor, id, input.version);
    checkDates(input, context.inspection.year);
    await stepInspection(tx, actor, {
      inspectionId: id,
      step: 'update',
      expectedVersion: input.version,
      patch: {
        kind: input.kind,
        title: input.title,
        contents: input.contents,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        team: input.team,
        note: input.note,
        searchText: searchTextOf(input.title, context.unit.name),
      },
    });
  });
  return getInspection(db, actor, id);
}

/** Starts carrying the inspection out; asks the unit for its self-report first when a deadline is given. */
export async function startInspection(
  db: Database,
  actor: Actor,
  id: number,
  input: { version: number; selfReportDeadline?: string | null },
) {
  // Everything the step checks is checked before the request is issued, so a refused start issues nothing.
  const context = await repo.findInspection(db, id);
  if (!context) throw new AppError('NOT_FOUND', NOT_FOUND);
  if (!mayConduct(actor, context)) throw new AppError('FORBIDDEN', 'Chỉ đoàn kiểm tra của cấp lập kế hoạch mới thực hiện được bước này.');
  if (context.inspection.version !== input.version) {
    throw new AppError('VERSION_CONFLICT', 'Cuộc kiểm tra vừa được người khác thay đổi. Hãy tải lại rồi thực hiện lại.');
  }
  if (context.inspection.status !== 'planned')
    throw new AppError('INVALID_TRANSITION', 'Chỉ bắt đầu được cuộc kiểm tra đang trong kế hoạch.');
  const { inspection } = context;
  let selfReportRequestId: number | null = null;
  if (input.selfReportDeadline) {
    const today = todayIso();
    selfReportRequestId = await requestSelfReport(db, actor, {
      ownerUnitId: context.owner.id,
      unitId: context.unit.id,
      title: `Báo cáo tự kiểm tra phục vụ ${inspection.kind === 'inspection' ? 'kiểm tra' : 'giám sát'}: ${inspection.title}`,
      periodFrom: `${inspection.year}-01-01`,
      // The year so far; all of it for a year not begun or already over.
      periodTo: today >= `${inspection.year}-01-01` && today < `${inspection.year}-12-31` ? today : `${inspection.year}-12-31`,
      deadline: input.selfReportDeadline,
      guidance: `Đơn vị tự kiểm tra các nội dung của cuộc ${inspection.kind === 'inspection' ? 'kiểm tra' : 'giám sát'} và gửi báo cáo trước ngày ${formatVietnameseDate(input.selfReportDeadline)}.`,
    });
  }
  await db.transaction((tx) =>
    stepInspection(tx, actor, {
      inspectionId: id,
      step: 'start',
      expectedVersion: input.version,
      patch: selfReportRequestId ? { selfReportRequestId } : {},
    }),
  );
  return getInspection(db, actor, id);
}

/** Concludes: the conclusion and its seriousness; every shortcoming becomes a remedy the unit owes. */
export async function concludeInspection(db: Database, actor: Actor, id: number, input: ConcludeInspection) {
  await db.transaction(async (tx) => {
    const context = await lockInspection(tx, actor, id, input.version);
    const findings = await repo.listFindings(tx, id);
    if (context.inspection.status === 'in_progress' && findings.length === 0) {
      throw new AppError('VALIDATION_FAILED', 'Hãy ghi ít nhất một kết quả kiểm tra (ưu điểm hoặc hạn chế) trước khi kết luận.');
    }
    await stepInspection(tx, actor, {
      inspectionId: id,
      step: 'conclude',
      expectedVersion: input.version,
      patch: {
        conclusion: input.conclusion,
        seriousness: input.seriousness,
        number: input.number,
        concludedAt: new Date(),
        concludedBy: actor.userId,
      },
    });
    await repo.insertRemedies(
      tx,
      findings
        .filter((finding) => finding.kind === 'shortcoming')
        .map((finding) => ({
          inspectionId: id,
          findingId: finding.id,
          unitId: context.unit.id,
          year: context.inspection.year,
          what: finding.remedy!,
          dueOn: finding.dueOn!,
        })),
    );
  });
  return getInspection(db, actor, id);
}

export async function cancelInspection(db: Database, actor: Actor, id: number, input: { version: number; reason: string }) {
  await db.transaction((tx) =>
    stepInspection(tx, actor, {
      inspectionId: id,
      step: 'cancel',
      expectedVersion: input.version,
      reason: input.reason,
      patch: { cancelReason: input.reason },
    }),
  );
  return getInspection(db, actor, id);
}

// ---- Findings (recorded while the inspection is carried out) ----------------------------------

async function lockForRecording(tx: Executor, actor: Actor, id: number, version: number) {
  const context = await lockInspection(tx, actor, id, version);
  if (context.inspection.status !== 'in_progress') {
    throw new AppError('INVALID_TRANSITION', 'Chỉ ghi kết quả được khi cuộc kiểm tra đang tiến hành (đã bắt đầu, chưa kết luận).');
  }
  return context;
}

function findingValues(finding: FindingInput) {
  const shortcoming = finding.kind === 'shortcoming';
  return {
    content: finding.content,
    kind: finding.kind,
    text: finding.text,
    remedy: shortcoming ? finding.remedy : null,
    dueOn: shortcoming ? (finding.dueOn ?? null) : null,
  };
}

/** Each change to the findings moves the inspection's version, so two recorders never overwrite each other. */
async function touch(tx: Executor, actor: Actor, context: repo.InspectionContext, action: string, findingId: number) {
  await repo.updateInspection(tx, context.inspection.id, {});
  await recordAudit(tx, actor, {
    action: `inspection.${action}`,
    entityType: 'inspection',
    entityId: context.inspection.id,
    unitPath: context.unit.path,
    after: { findingId },
  });
}

export async function addFinding(db: Database, actor: Actor, id: number, input: { version: number; finding: FindingInput }) {
  await db.transaction(async (tx) => {
    const context = await lockForRecording(tx, actor, id, input.version);
    const finding = await repo.insertFinding(tx, { inspectionId: id, ...findingValues(input.finding) });
    await replaceAttachments(tx, { purpose: 'inspection_finding', ownerId: finding.id, unitId: context.unit.id }, input.finding.fileIds);
    await touch(tx, actor, context, 'finding.add', finding.id);
  });
  return getInspection(db, actor, id);
}

async function findingOf(tx: Executor, inspectionId: number, findingId: number) {
  const finding = (await repo.listFindings(tx, inspectionId)).find((candidate) => candidate.id === findingId);
  if (!finding) throw new AppError('NOT_FOUND', 'Không tìm thấy kết quả kiểm tra này.');
  return finding;
}

export async function updateFinding(
  db: Database,
  actor: Actor,
  id: number,
  findingId: number,
  input: { version: number; finding: FindingInput },
) {
  await db.transaction(async (tx) => {
    const context = await lockForRecording(tx, actor, id, input.version);
    await findingOf(tx, id, findingId);
    await repo.updateFinding(tx, findingId, findingValues(input.finding));
    await replaceAttachments(tx, { purpose: 'inspection_finding', ownerId: findingId, unitId: context.unit.id }, input.finding.fileIds);
    await touch(tx, actor, context, 'finding.update', findingId);
  });
  return getInspection(db, actor, id);
}

export async function deleteFinding(db: Database, actor: Actor, id: number, findingId: number, version: number) {
  await db.transaction(async (tx) => {
    const context = await lockForRecording(tx, actor, id, version);
    await findingOf(tx, id, findingId);
    await replaceAttachments(tx, { purpose: 'inspection_finding', ownerId: findingId, unitId: context.unit.id }, []);
    await repo.deleteFinding(tx, findingId);
    await touch(tx, actor, context, 'finding.delete', findingId);
  });
  return getInspection(db, actor, id);
}

// ---- Reading ---------------------------------------------------------------------------------

/** An inspection is read by whoever may read inspections of the inspected unit (its own level and every level above). */
export async function getInspection(db: Database, actor: Actor, id: number): Promise<InspectionDetail> {
  const context = await repo.findInspection(db, id);
  if (!context) throw new AppError('NOT_FOUND', NOT_FOUND);
  assertCan(actor, 'inspections.read', context.unit.path);
  const findings = await repo.listFindings(db, id);
  const findingFiles = await listAttachments(
    db,
    'inspection_finding',
    findings.map((finding) => finding.id),
  );
  const remedyRows = await repo.listRemedyRowsOfInspection(db, id);
  const remedyFiles = await listAttachments(
    db,
    'remedy',
    remedyRows.map((remedy) => remedy.id),
  );
  const today = todayIso();
  const selfReport = context.inspection.selfReportRequestId ? await selfReportState(db, context.inspection.selfReportRequestId) : null;
  return presentDetail(actor, {
    context,
    findings: findings.map((finding) => presentFinding(finding, findingFiles.get(finding.id) ?? [])),
    remedies: remedyRows.map((remedy) => presentRemedy(actor, remedy, remedyFiles.get(remedy.id) ?? [], today)),
    events: await repo.listEvents(db, id),
    selfReport,
  });
}

export async function listInspections(db: Database, actor: Actor, query: InspectionListQuery): Promise<InspectionListAnswer> {
  const unit = await getUnitOrThrow(db, query.unitId);
  assertCan(actor, 'inspections.read', unit.path);
  const { items, total } = await repo.searchInspections(db, {
    ...query,
    unitPath: unit.path,
    scope: scopePaths(actor, 'inspections.read'),
    today: todayIso(),
    folded: query.q ? foldVietnamese(query.q) : undefined,
  });
  return {
    items: items.map(presentListItem),
    total,
    page: query.page,
    pageSize: query.pageSize,
    canPlan: can(actor, 'inspections.conduct', unit.path),
  };
}
