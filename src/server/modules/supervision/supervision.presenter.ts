import type { FeedbackItem, FeedbackStatusItem, PublicRegistration, UnpublishResult } from '../../../shared/contracts/supervision';
import type { RegistrationRow } from '../registrations/index';
import type { FeedbackListRow } from './feedback.repo';
import type { ActionRow, RegistrantRow } from './publication.repo';

/** For the units that answer: everything, with the sender's name and contact so they can reply. */
export function presentFeedbackItem(row: FeedbackListRow): FeedbackItem {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    unitCode: row.unit_code,
    registrationId: row.registration_id,
    registrantName: row.registrant_name,
    senderName: row.sender_name,
    senderContact: row.sender_contact,
    body: row.body,
    status: row.status,
    hiddenReason: row.hidden_reason,
    answer: row.answer,
    answeredAt: row.answered_at,
    answeredByName: row.answered_by_name,
    dueOn: row.due_on,
    overdue: row.overdue,
    version: row.version,
    createdAt: row.created_at,
  };
}

/**
 * For supervisors (MTTQ): the state of each item and what was said and answered, never who sent
 * it or how to reach them. A hidden item keeps its reason but not its (abusive) text.
 */
export function presentFeedbackStatusItem(row: FeedbackListRow): FeedbackStatusItem {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    registrantName: row.registrant_name,
    body: row.status === 'hidden' ? null : row.body,
    status: row.status,
    hiddenReason: row.hidden_reason,
    answer: row.status === 'hidden' ? null : row.answer,
    answeredAt: row.answered_at,
    dueOn: row.due_on,
    overdue: row.overdue,
    createdAt: row.created_at,
  };
}

/**
 * The public fields of a registration: who (name, position, unit) and what they commit to. The
 * text columns hold what the status machine and the validated forms wrote: the contracts' values.
 */
export function presentPublicRegistration(row: RegistrantRow, actions: ActionRow[]): PublicRegistration {
  return {
    id: row.id,
    kind: row.kind,
    year: row.year,
    status: row.status,
    isLeader: row.is_leader,
    name: row.name,
    position: row.position,
    unitId: row.unit_id,
    unitName: row.unit_name,
    publishedAt: row.published_at,
    actions: actions.map((action) => ({
      area: action.area,
      content: action.content,
      measurableResult: action.measurable_result,
      deadline: action.deadline,
    })),
  };
}

/** A registration just taken off the public page: its new status and version. */
export function presentUnpublished(registration: RegistrationRow): UnpublishResult {
  return { id: registration.id, status: registration.status, version: registration.version };
}
