import type { FollowupRegistration, FollowupRow } from '../../../shared/contracts/followup';
import type { FileSummary } from '../files/index';
import type { RegistrationActionRow, RegistrationRow } from '../registrations/index';
import type { CheckInRow, FollowupListRow } from './followup.repo';

/** Timestamps from raw SQL arrive as strings on one driver and Dates on the other. */
export function isoOf(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function presentListRow(row: FollowupListRow): FollowupRow {
  return {
    id: Number(row.id),
    kind: row.kind,
    year: Number(row.year),
    status: row.status,
    version: Number(row.version),
    isLeader: row.is_leader,
    unit: { id: Number(row.unit_id), name: row.unit_name },
    person: row.person_id === null ? null : { id: Number(row.person_id), name: row.person_name ?? '' },
    publishedAt: isoOf(row.published_at),
    lastCheckInAt: isoOf(row.last_check_in_at),
    selfLevel: row.self_level,
    reviewLevel: row.review_level,
    actions: Number(row.actions),
    averageProgress: row.average_progress === null ? null : Number(row.average_progress),
  };
}

export type Permissions = { canCheckIn: boolean; canSelfAssess: boolean; canReview: boolean; canClose: boolean };

export function presentDetail(
  registration: RegistrationRow,
  names: { personName: string | null; unitName: string; reviewerName: string | null },
  actions: RegistrationActionRow[],
  checkIns: CheckInRow[],
  files: Map<number, FileSummary[]>,
  permissions: Permissions,
): FollowupRegistration {
  return {
    id: registration.id,
    kind: registration.kind,
    year: registration.year,
    status: registration.status,
    version: registration.version,
    isLeader: registration.isLeader,
    unit: { id: registration.unitId, name: names.unitName },
    person: registration.personId === null ? null : { id: registration.personId, name: names.personName ?? '' },
    shortcomings: registration.shortcomings,
    publishedAt: isoOf(registration.publishedAt),
    lastCheckInAt: isoOf(registration.lastCheckInAt),
    selfLevel: registration.selfLevel,
    selfExplanation: registration.selfExplanation,
    reviewLevel: registration.reviewLevel,
    reviewComment: registration.reviewComment,
    reviewedAt: isoOf(registration.reviewedAt),
    reviewerName: names.reviewerName,
    ...permissions,
    actions: actions.map((action) => ({
      id: action.id,
      position: action.position,
      area: action.area,
      content: action.content,
      measurableResult: action.measurableResult,
      deadline: action.deadline,
      progressPercent: action.progressPercent,
      selfLevel: action.selfLevel,
      selfNote: action.selfNote,
      checkIns: checkIns
        .filter((checkIn) => checkIn.actionId === action.id)
        .map((checkIn) => ({
          id: checkIn.id,
          checkedOn: checkIn.checkedOn,
          progressPercent: checkIn.progressPercent,
          note: checkIn.note,
          createdAt: checkIn.createdAt.toISOString(),
          files: files.get(checkIn.id) ?? [],
        })),
    })),
  };
}
