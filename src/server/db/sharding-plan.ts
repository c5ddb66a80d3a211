import type { PgTable } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index';

/**
 * Where every table would live if the database were sharded by province on Citus
 * (docs/decisions/0016-sharding-by-province.md). Data only: nothing here runs against a database;
 * test/sharding-plan.test.ts builds the sharded keys from it over the migrated schema.
 */

/** The name of every table the Drizzle schema defines: the plan must place each one, and no other. */
export type SchemaTableName = {
  [K in keyof typeof schema]: (typeof schema)[K] extends PgTable<infer Config> ? Config['name'] : never;
}[keyof typeof schema];

/** The distribution column added to every distributed table. */
export const DISTRIBUTION_COLUMN = 'province_id';

/**
 * The value for rows of the root (the Centre) and of every unit outside a province (the Party
 * committees directly under the Centre and their subtrees): they share one shard value.
 */
export const CENTRE_PROVINCE_ID = 0;

/** The unit kind whose subtree is one province: a row's province_id is the id of that ancestor. */
export const PROVINCE_UNIT_KIND = 'province_committee';

/** How a distributed row finds its province_id when it is written. */
export type ProvinceSource =
  /** The province of the unit this column holds (units.province_id, read on any node: units is a reference table). */
  | { unitColumn: string }
  /** The province of the unit whose path (ltree text) this column holds; the centre value when it is null. */
  | { unitPathColumn: string }
  /** The province_id of the parent row this column references: the two rows always sit on one shard. */
  | { parentColumn: string; parentTable: SchemaTableName };

export type TablePlacement =
  | { placement: 'distributed'; provinceFrom: ProvinceSource }
  /** Replicated to every node, the coordinator included; every write goes to all of them (two-phase commit). */
  | { placement: 'reference' }
  /** A plain table on the coordinator only. */
  | { placement: 'coordinator' };

const byUnit = (column = 'unit_id'): TablePlacement => ({ placement: 'distributed', provinceFrom: { unitColumn: column } });
const withParent = (parentColumn: string, parentTable: SchemaTableName): TablePlacement => ({
  placement: 'distributed',
  provinceFrom: { parentColumn, parentTable },
});
const reference: TablePlacement = { placement: 'reference' };
const coordinator: TablePlacement = { placement: 'coordinator' };

export const SHARDING_PLAN: Record<SchemaTableName, TablePlacement> = {
  // The tree is read by nearly every statement (scope by path, ancestors, the tree as of a day) and
  // written seldom (create, rename, move, close). On every node, each key to a unit holds wherever
  // the row lives, and units gains province_id: the directory of where a unit's rows are.
  units: reference,
  unit_versions: reference,
  // 6–7 million people, written seldom (imports, edits), read by every list that names someone.
  // A person's records stay with the units where they were made, in whatever province: the person
  // must be readable beside each of them. The price: a few GB on every node, every person write on all.
  persons: reference,
  person_category_changes: reference,
  memberships: byUnit(),

  // Sign-in by name and the session's user and grants are read before any province is known, on
  // every request; one node holds them (users and grants are a few million rows each).
  users: coordinator,
  grants: coordinator,
  sessions: coordinator,
  login_throttle: coordinator,

  // Append-only and written by every write: it must commit on the writer's shard. Its province is
  // the one of the unit whose path it records at the time; rows without a unit (accounts) go to the centre value.
  audit_log: { placement: 'distributed', provinceFrom: { unitPathColumn: 'unit_path' } },
  // The root's row holds the Centre's own and the central bodies' deltas; a province's writers stop
  // at their province row. The root's figure is its row plus the rows of every province-level unit.
  figure_counters: byUnit(),
  // The same deltas by month, kept beside them by a trigger: placed as they are.
  figure_counter_months: byUnit(),
  // A user's preview, applied into the shards by the import.
  import_batches: coordinator,
  demo_load_state: coordinator,
  data_repairs: coordinator,

  stored_files: byUnit(),

  legal_bases: reference,
  plans: byUnit(),
  // A level's topic reaches every unit below it: sessions and windows of every province refer to it by key.
  study_topics: reference,
  breakthrough_contents: byUnit(),
  breakthrough_updates: withParent('breakthrough_id', 'breakthrough_contents'),
  breakthrough_done_spans: withParent('content_id', 'breakthrough_contents'),

  ethics_standards: byUnit(),
  standard_signs: byUnit(),

  study_sessions: byUnit(),
  // Attendance sits with its session, whoever attends.
  session_attendance: withParent('session_id', 'study_sessions'),
  // Counted where the person is counted as a member: the record follows the person's moves.
  study_records: byUnit(),

  // Registrations of every province refer to the window above them by key; one window per level and year.
  registration_windows: reference,
  registrations: byUnit(),
  registration_actions: withParent('registration_id', 'registrations'),
  registration_events: withParent('registration_id', 'registrations'),
  registration_check_ins: withParent('registration_id', 'registrations'),
  registration_similarities: withParent('registration_id', 'registrations'),

  feedback: byUnit(),
  // Keyed by user and read with the session (the header bell); written by reminders and report
  // requests, never by the writes of the registration season.
  notifications: coordinator,

  // Answers of every province refer to their request by key: a request of the Centre expects every
  // commune (or grassroots unit) of the country. Tens of thousands a year, written once and seldom edited.
  report_requests: reference,
  report_templates: byUnit(),
  // The answering unit's row, not the requesting level's.
  report_answers: byUnit(),
  report_answer_events: withParent('answer_id', 'report_answers'),
  report_recommendations: withParent('answer_id', 'report_answers'),
  document_number_counters: byUnit(),

  commendation_forms: reference,
  // The nominating unit's row; the level holding it (at_unit_id) may be in another shard value (the Centre).
  nominations: byUnit(),
  nomination_events: withParent('nomination_id', 'nominations'),
  // A decision names nominations of several provinces and the public gallery reads it with each of
  // them; about 10,000 a year.
  commendation_decisions: reference,
  // The adopting unit's row; the model it takes up may have been nominated in another province.
  model_adoptions: byUnit(),

  // A handful of rule versions, read by every grading of every province.
  grading_rules: reference,
  // A member's grading sits at their cell, a collective's at the collective: both in its province.
  gradings: byUnit(),
  grading_events: withParent('grading_id', 'gradings'),

  // An inspection sits with the inspected unit (the Centre's inspection of a province is on that
  // province's shard); its findings, remedies and history follow it.
  inspections: byUnit(),
  inspection_findings: withParent('inspection_id', 'inspections'),
  inspection_remedies: withParent('inspection_id', 'inspections'),
  inspection_events: withParent('inspection_id', 'inspections'),
  // What a level did about a lagging unit sits with that unit.
  lagging_actions: byUnit(),
  // A level's thresholds: a few hundred rows at most, read when any subtree's lagging list is built.
  lagging_thresholds: reference,
};

export type ForeignKeyNote = { table: SchemaTableName; constraint: string; reason: string };

/**
 * Foreign keys between two distributed tables that are not the referencing table's province
 * derivation, yet always join rows of one province: kept, with province_id on both sides.
 */
export const SAME_PROVINCE_FOREIGN_KEYS: ForeignKeyNote[] = [
  {
    table: 'registration_check_ins',
    constraint: 'registration_check_ins_action_id_registration_actions_id_fk',
    reason: 'A check-in is on an action of its own registration, and both take the registration’s province.',
  },
  {
    table: 'feedback',
    constraint: 'feedback_registration_id_registrations_id_fk',
    reason: 'Feedback names only a published registration of the unit it is sent to, so both rows are of that unit.',
  },
  {
    table: 'inspection_remedies',
    constraint: 'inspection_remedies_finding_id_inspection_findings_id_fk',
    reason: 'A remedy is owed for a shortcoming of its own inspection, and both take the inspection’s province.',
  },
  {
    table: 'lagging_actions',
    constraint: 'lagging_actions_inspection_id_inspections_id_fk',
    reason: 'An action names only the inspection that put the lagging unit itself into a plan, so both rows are of that unit.',
  },
];

/**
 * Foreign keys the sharded schema does not declare, because the two rows may lie in different
 * provinces (Citus checks a key between distributed tables only inside one shard), with what checks them instead.
 */
export const DROPPED_FOREIGN_KEYS: Array<ForeignKeyNote & { checkedBy: string }> = [
  {
    table: 'study_records',
    constraint: 'study_records_session_id_study_sessions_id_fk',
    reason:
      'The record follows the person’s primary unit; the session was held where they studied: another province after a move, or the Centre’s conference.',
    checkedBy: 'reevaluateStudies, which writes the record from the attendance it has just read.',
  },
  {
    table: 'registration_similarities',
    constraint: 'registration_similarities_other_id_registrations_id_fk',
    reason: 'A registration of a unit right under the root is compared within the root’s subtree: its pairs reach every province.',
    checkedBy: 'refreshSimilarities, which writes pairs only for registrations it has just read, and deletes them with either side.',
  },
  {
    table: 'model_adoptions',
    constraint: 'model_adoptions_nomination_id_nominations_id_fk',
    reason: 'The adopted model was decided above the adopting unit and may have been nominated in another province.',
    checkedBy: 'The adoption service, which reads the commended model (and its deciding level) before it writes.',
  },
];

export type GlobalKey = { table: SchemaTableName; index: string; columns: string[]; keptBy: string };

/**
 * Keys unique across the whole country today that, with province_id added, hold only within one
 * province, and where their national uniqueness is kept. A key that contains the column a table's
 * province comes from, or one column drawn from a sequence, loses nothing and is not listed.
 */
export const WIDENED_GLOBAL_KEYS: GlobalKey[] = [
  {
    table: 'registrations',
    index: 'registrations_individual_key',
    columns: ['person_id', 'year'],
    keptBy:
      'An individual registration is written at the unit of the person’s membership, so a person who never held a primary membership in two provinces in a year has that year’s registrations on one shard, where the widened key is the national one. For a person whose primary membership changed province (persons.province_moved_on, set by the move), the registration service looks the year up on every shard under a row lock on the person.',
  },
  {
    table: 'study_records',
    index: 'study_records_person_id_year_pk',
    columns: ['person_id', 'year'],
    keptBy:
      'Only reevaluateStudies writes study_records: it deletes the person’s record of the year before inserting the new one. For a person whose primary membership changed province it deletes on every shard (a multi-shard delete), under a row lock on the person.',
  },
  {
    table: 'gradings',
    index: 'gradings_member_year_uq',
    columns: ['person_id', 'year'],
    keptBy:
      'A member’s grading is opened at the cell of the person’s primary membership, so it is on the shard of the province the person belonged to when it was opened; the grading service looks the year up on every shard for a person whose primary membership changed province (persons.province_moved_on), under a row lock on the person, as registrations do.',
  },
];

/** Keys unique across the whole country that stay as they are, because their table is not distributed. */
export const GLOBAL_KEYS_KEPT_BY_PLACEMENT: GlobalKey[] = [
  {
    table: 'users',
    index: 'users_username_key',
    columns: ['username'],
    keptBy: 'users lives on the coordinator: sign-in by name never leaves it.',
  },
  { table: 'units', index: 'units_code_key', columns: ['code'], keptBy: 'units is a reference table: the key is checked on every node.' },
  { table: 'persons', index: 'persons_card_number_key', columns: ['card_number'], keptBy: 'persons is a reference table.' },
  { table: 'persons', index: 'persons_id_number_key', columns: ['id_number'], keptBy: 'persons is a reference table.' },
  { table: 'legal_bases', index: 'legal_bases_symbol_unique', columns: ['symbol'], keptBy: 'legal_bases is a reference table.' },
  { table: 'commendation_forms', index: 'commendation_forms_pkey', columns: ['code'], keptBy: 'commendation_forms is a reference table.' },
  {
    table: 'commendation_decisions',
    index: 'commendation_decisions_number_key',
    columns: ['unit_id', 'number_year', 'number_value'],
    keptBy:
      'commendation_decisions is a reference table; the series itself is per unit (document_number_counters, distributed by that unit).',
  },
];
