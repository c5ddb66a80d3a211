import type { ApplicableTopic, RosterEntry, StudySession, StudyStatusRow } from '../../../shared/contracts/study';
import type { FileSummary } from '../files/index';
import type { RosterRow, SessionListRow, StatusRow, TopicRow } from './study.repo';

export function presentSession(row: SessionListRow, files?: FileSummary[]): StudySession {
  return {
    id: row.id,
    unit: { id: row.unit_id, name: row.unit_name },
    kind: row.kind,
    topic: row.topic_id === null ? null : { id: row.topic_id, title: row.topic_title ?? '' },
    title: row.title,
    heldOn: row.held_on,
    place: row.place,
    isOnline: row.is_online,
    hasCampaignItem: row.has_campaign_item,
    notes: row.notes,
    version: row.version,
    attendance: { present: row.present, absentExcused: row.absent_excused, absent: row.absent, madeUp: row.made_up },
    ...(files ? { files } : {}),
  };
}

export function presentRosterRow(row: RosterRow, personalVisible: boolean): RosterEntry {
  return {
    personId: row.person_id,
    fullName: row.full_name,
    cardNumber: personalVisible ? row.card_number : null,
    unitName: row.unit_name,
    position: row.position,
    isMember: row.is_member,
    status: row.status,
    reason: row.reason,
    madeUpOn: row.made_up_on,
  };
}

export function presentStatusRow(row: StatusRow): StudyStatusRow {
  return {
    personId: row.person_id,
    fullName: row.full_name,
    unit: { id: row.unit_id, name: row.unit_name },
    position: row.position,
    studiedOn: row.studied_on,
    sessionTitle: row.session_title,
    makeUpSession: row.make_up_session_id === null ? null : { id: row.make_up_session_id, title: row.make_up_session_title ?? '' },
  };
}

export function presentApplicableTopic(topic: TopicRow): ApplicableTopic {
  return { id: topic.id, title: topic.title, unitName: topic.unit_name, fromYear: topic.from_year, toYear: topic.to_year };
}
