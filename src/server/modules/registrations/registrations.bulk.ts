import type { Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, type Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { todayIso } from '../../platform/dates';
import { addFigureDeltas, type FigureDelta } from '../../platform/figures';
import {
  REGISTRATION_KINDS,
  REGISTRATION_STATUSES,
  REGISTRATION_TRANSITIONS,
  type RegistrationKind,
  type RegistrationStatus,
  type RegistrationTransition,
} from '../../../shared/contracts/registration-status';
import {
  ActionInputSchema,
  CreateWindowSchema,
  MAX_ACTIONS,
  type ActionInput,
  type CreateWindow,
  type LinkOptions,
} from '../../../shared/contracts/registrations';
import { getUnitOrThrow } from '../units/index';
import { listApplicableTopics } from '../programme/index';
import { statusDeltas, stepFigureDay, transitionBetween, transitionStamps } from './registration-machine';
import * as repo from './registrations.repo';
import * as windows from './windows.repo';
import { assertLinksValid } from './windows.service';
import { actionColumns, assertLinksOffered, searchTextOf } from './registrations.service';
import {
  decodeFingerprint,
  fingerprintOf,
  pairsAmong,
  parentPathOf,
  settleTwins,
  storedFingerprintOf,
  type SimilarityItem,
} from './similarity';
import { insertPairs } from './similarity.repo';

/**
 * Bulk writes of registrations, for loads (the demo, a migration): many rows in few statements,
 * through the same rules as one write by the services — the status machine's steps and stamps,
 * statusDeltas for the figures, the near-identical pairs and twin flags — and one audit row per
 * batch. Everything is checked before anything is written: a bad row writes nothing.
 */

const MAX_SHORTCOMINGS = 3000;
/** The steps of the registration season (writing, appraising, publishing); the year-end ones go through the follow-up. */
const SEASON_TRANSITIONS: ReadonlySet<RegistrationTransition> = new Set([
  'submit',
  'withdraw',
  'return',
  'approve',
  'publish',
  'unpublish',
]);

function refuse(where: string, message: string, details?: unknown): never {
  throw new AppError('VALIDATION_FAILED', `${where}: ${message}`, details);
}

const isWithin = (path: string, root: string) => path === root || path.startsWith(`${root}.`);
const isMoment = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

/**
 * Opens registration windows, checked as createWindow checks one: the unit exists and is current,
 * the actor manages its windows, one window per unit and year, links to topics and breakthrough
 * contents that reach the level. Returns the new windows' ids, in the order given.
 */
export async function openWindowsInBulk(tx: Executor, actor: Actor, input: CreateWindow[]): Promise<number[]> {
  const parsed = input.map((window, index) => {
    const result = CreateWindowSchema.safeParse(window);
    if (!result.success)
      refuse(`Đợt đăng ký thứ ${index + 1}`, result.error.issues[0]?.message ?? 'dữ liệu không hợp lệ', { entry: index });
    return result.data;
  });
  const seen = new Set<string>();
  for (const window of parsed) {
    const unit = await getUnitOrThrow(tx, window.unitId);
    assertCan(actor, 'registrations.windows', unit.path);
    if (unit.validTo) throw new AppError('INVALID_STATE', `Đơn vị "${unit.name}" đã kết thúc hoạt động.`);
    const key = `${unit.id}:${window.year}`;
    if (seen.has(key) || (await windows.findWindowOfUnitYear(tx, unit.id, window.year))) {
      throw new AppError('DUPLICATE', `${unit.name} đã mở đợt đăng ký cho năm ${window.year}.`);
    }
    seen.add(key);
    await assertLinksValid(tx, unit, window);
  }
  const ids = await windows.insertWindows(
    tx,
    parsed.map((window) => ({ ...window, createdBy: actor.userId })),
  );
  await recordAudit(tx, actor, {
    action: 'registration_window.create_bulk',
    entityType: 'registration_window',
    entityId: ids.join(','),
    after: { windows: parsed },
  });
  return ids;
}

/** One step a registration has taken: to which status, when, by whom (the name kept in its history), why. */
export type BulkRegistrationStep = { status: RegistrationStatus; at: Date; actorName: string; reason?: string | null };

/** A registration as it stands after its steps, from a draft written at `createdAt`. */
export type BulkRegistration = {
  kind: RegistrationKind;
  unitId: number;
  /** The member's for an individual registration; null for a unit's collective one. */
  personId: number | null;
  /** Whether the member headed the unit when registering. */
  isLeader: boolean;
  shortcomings: string;
  actions: ActionInput[];
  /** In order, starting from the draft; none leaves it a draft. */
  steps: BulkRegistrationStep[];
  /** When the draft was written (now when left out); no later than its first step. */
  createdAt?: Date;
};

type Checked = BulkRegistration & { unitPath: string; actions: ActionInput[]; createdAt: Date };

/** The registrations' shape, kinds, steps and days, each on its own: what a caller could get wrong in a row. */
function checkRow(item: BulkRegistration, index: number, now: Date): BulkRegistration & { createdAt: Date } {
  const where = `Bản đăng ký thứ ${index + 1}`;
  if (!(REGISTRATION_KINDS as readonly string[]).includes(item.kind)) refuse(where, `loại "${String(item.kind)}" không có.`);
  if (item.kind === 'individual' && !(Number.isSafeInteger(item.personId) && item.personId! > 0))
    refuse(where, 'bản đăng ký cá nhân phải có người đăng ký.');
  if (item.kind === 'collective' && (item.personId !== null || item.isLeader))
    refuse(where, 'bản đăng ký tập thể không gắn với một người.');
  if (typeof item.shortcomings !== 'string' || item.shortcomings.length > MAX_SHORTCOMINGS)
    refuse(where, `hạn chế, khuyết điểm tối đa ${MAX_SHORTCOMINGS} ký tự.`);
  if (item.kind === 'individual' && !item.shortcomings.trim()) refuse(where, 'hãy ghi những hạn chế, khuyết điểm cần khắc phục.');
  if (item.actions.length === 0 || item.actions.length > MAX_ACTIONS) refuse(where, `cần từ 1 đến ${MAX_ACTIONS} việc làm.`);
  const actions = item.actions.map((action, position) => {
    const parsed = ActionInputSchema.safeParse(action);
    if (!parsed.success) refuse(where, `việc làm thứ ${position + 1}: ${parsed.error.issues[0]?.message ?? 'không hợp lệ'}.`);
    return parsed.data;
  });
  const createdAt = item.createdAt ?? item.steps[0]?.at ?? now;
  if (!isMoment(createdAt) || createdAt > now) refuse(where, 'thời điểm viết bản nháp không hợp lệ hoặc ở tương lai.');
  let from: RegistrationStatus = 'draft';
  let previous = createdAt;
  for (const [position, step] of item.steps.entries()) {
    const here = `${where}, bước ${position + 1}`;
    if (!(REGISTRATION_STATUSES as readonly string[]).includes(step.status)) refuse(here, `trạng thái "${String(step.status)}" không có.`);
    const transition = transitionBetween(from, step.status);
    if (!transition || !SEASON_TRANSITIONS.has(transition)) refuse(here, `không chuyển được từ "${from}" sang "${step.status}".`);
    if (!isMoment(step.at) || step.at > now) refuse(here, 'ngày thực hiện không hợp lệ hoặc ở tương lai.');
    if (step.at < previous) refuse(here, 'ngày thực hiện trước bước liền trước.');
    if (!step.actorName?.trim()) refuse(here, 'thiếu người thực hiện.');
    if (REGISTRATION_TRANSITIONS[transition].needsReason && !step.reason?.trim()) refuse(here, 'bước này cần ghi rõ lý do.');
    from = step.status;
    previous = step.at;
  }
  return { ...item, actions, createdAt };
}

/**
 * What the actions may link to in each unit: the window's topic (or the topics reaching the unit
 * when it names none), the window's breakthrough contents (or its level's), the unit's adopted
 * standards — linkOptionsFor, read once per batch (and per unit only where it depends on the unit).
 */
async function linkOptionsOfUnits(
  tx: Executor,
  window: windows.WindowListRow,
  year: number,
  units: Map<number, string>,
): Promise<(unitId: number) => Promise<LinkOptions>> {
  const breakthroughs =
    window.breakthroughIds.length > 0
      ? await windows.listBreakthroughsByIds(tx, window.breakthroughIds)
      : await windows.listLevelBreakthroughs(tx, window.unitId, year);
  const standards = await windows.listAdoptedStandardsOfUnits(tx, [...units.keys()]);
  const topics = new Map<number, LinkOptions['topics']>();
  return async (unitId) => {
    if (!topics.has(unitId))
      topics.set(
        unitId,
        window.topicId !== null
          ? [{ id: window.topicId, title: window.topicTitle ?? '' }]
          : (await listApplicableTopics(tx, units.get(unitId)!, year)).map((topic) => ({ id: topic.id, title: topic.title })),
      );
    return { topics: topics.get(unitId)!, breakthroughs, standards: standards.get(unitId) ?? null };
  };
}

/** Every row checked against the window, the units, the people and the year's registrations already written. */
async function checkAll(tx: Executor, actor: Actor, input: BulkRegistrations): Promise<{ rows: Checked[]; window: windows.WindowListRow }> {
  const now = new Date();
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw new AppError('VALIDATION_FAILED', 'Năm không hợp lệ.');
  const window = await windows.findWindow(tx, input.windowId);
  if (!window) throw new AppError('NOT_FOUND', 'Không tìm thấy đợt đăng ký này.');
  if (input.year < window.year || input.year > window.toYear)
    throw new AppError('VALIDATION_FAILED', `Đợt đăng ký này không dành cho năm ${input.year}.`);
  const items = input.registrations.map((item, index) => checkRow(item, index, now));
  const places = await repo.listUnitPlaces(tx, [...new Set(items.map((item) => item.unitId))]);
  const personIds = items.flatMap((item) => (item.personId === null ? [] : [item.personId]));
  const persons = await repo.listExistingPersonIds(tx, [...new Set(personIds)]);
  const registered = await repo.listRegisteredOfYear(
    tx,
    input.year,
    personIds,
    items.filter((item) => item.kind === 'collective').map((item) => item.unitId),
  );
  const units = new Map<number, string>();
  const seenPeople = new Set<number>();
  const seenUnits = new Set<number>();
  const rows = items.map((item, index): Checked => {
    const where = `Bản đăng ký thứ ${index + 1}`;
    const place = places.get(item.unitId);
    if (!place) refuse(where, 'không tìm thấy đơn vị.');
    if (place.ended) refuse(where, 'đơn vị đã kết thúc hoạt động.');
    if (!isWithin(place.path, window.unitPath)) refuse(where, 'đơn vị không thuộc cấp đã mở đợt đăng ký này.');
    assertCan(actor, 'registrations.appraise', place.path);
    if (item.personId !== null) {
      if (!persons.has(item.personId)) refuse(where, 'không tìm thấy người đăng ký.');
      if (seenPeople.has(item.personId) || registered.personIds.has(item.personId))
        refuse(where, `người này đã có bản đăng ký năm ${input.year}.`);
      seenPeople.add(item.personId);
    } else {
      if (seenUnits.has(item.unitId) || registered.unitIds.has(item.unitId))
        refuse(where, `đơn vị đã có bản đăng ký tập thể năm ${input.year}.`);
      seenUnits.add(item.unitId);
    }
    units.set(item.unitId, place.path);
    return { ...item, unitPath: place.path };
  });
  const optionsOf = await linkOptionsOfUnits(tx, window, input.year, units);
  for (const [index, row] of rows.entries()) {
    if (!row.actions.some((action) => action.linkKind)) continue;
    try {
      assertLinksOffered(row.actions, await optionsOf(row.unitId));
    } catch (error) {
      if (error instanceof AppError) refuse(`Bản đăng ký thứ ${index + 1}`, error.message);
      throw error;
    }
  }
  return { rows, window };
}

export type BulkRegistrations = { windowId: number; year: number; registrations: BulkRegistration[] };

/**
 * Writes many registrations of one window and year as they stand after their steps, with their
 * actions and history (a snapshot of the content on each submission), exactly the rows the status
 * machine would have left, and the figures each step moves (statusDeltas, dated on the step's day:
 * stepFigureDay). Near-identical pairs are found among them and the year's registrations already
 * written nearby, and the twin flags settled. Returns the new ids, in the order given.
 */
export async function insertRegistrationsInBulk(tx: Executor, actor: Actor, input: BulkRegistrations): Promise<number[]> {
  const { rows, window } = await checkAll(tx, actor, input);
  const year = input.year;
  // Read before the new rows are written: what they are compared with besides each other.
  const nearby = await repo.listFingerprintsUnder(tx, year, [...new Set(rows.map((row) => parentPathOf(row.unitPath)))]);
  const content = rows.map((row) => {
    const searchText = searchTextOf(row.shortcomings, row.actions);
    return { searchText, columns: actionColumns(row.actions) };
  });
  const ids = await repo.insertRegistrations(
    tx,
    rows.map((row, index) => {
      let stamps: Partial<repo.RegistrationRow> = { revision: 0 };
      let from: RegistrationStatus = 'draft';
      for (const step of row.steps) {
        stamps = { ...stamps, ...transitionStamps(transitionBetween(from, step.status)!, { revision: stamps.revision ?? 0 }, step.at) };
        from = step.status;
      }
      return {
        kind: row.kind,
        year,
        unitId: row.unitId,
        personId: row.personId,
        windowId: window.id,
        status: from,
        shortcomings: row.shortcomings,
        isLeader: row.isLeader,
        searchText: content[index]!.searchText,
        fingerprint: storedFingerprintOf(content[index]!.searchText),
        ...stamps,
        // Where the machine would have left it: each step moved the version on by one.
        version: 1 + row.steps.length,
        createdBy: actor.userId,
        createdAt: row.createdAt,
      };
    }),
  );
  const actions: Parameters<typeof repo.insertActionsOfMany>[1] = [];
  const events: Parameters<typeof repo.insertEvents>[1] = [];
  const deltas: FigureDelta[] = [];
  rows.forEach((row, index) => {
    const registrationId = ids[index]!;
    const { columns } = content[index]!;
    columns.forEach((action, position) => actions.push({ ...action, registrationId, position }));
    // No twin yet: the pairs are written, and the flags settled, after every registration.
    const counted = { kind: row.kind, year, isLeader: row.isLeader, hasTwin: false, actionCount: columns.length, actionsDone: 0 };
    deltas.push(...statusDeltas(counted, row.unitPath, null, 'draft', stepFigureDay(year, todayIso(row.createdAt))));
    let from: RegistrationStatus = 'draft';
    for (const step of row.steps) {
      events.push({
        registrationId,
        at: step.at,
        actorUserId: actor.userId,
        actorName: step.actorName,
        fromStatus: from,
        toStatus: step.status,
        reason: step.reason?.trim() || null,
        snapshot: step.status === 'submitted' ? { shortcomings: row.shortcomings, actions: columns } : null,
      });
      deltas.push(...statusDeltas(counted, row.unitPath, from, step.status, stepFigureDay(year, todayIso(step.at))));
      from = step.status;
    }
  });
  await repo.insertActionsOfMany(tx, actions);
  await repo.insertEvents(tx, events);
  await addFigureDeltas(tx, deltas);
  await pairNearIdentical(
    tx,
    nearby,
    rows.map((row, index) => ({
      id: ids[index]!,
      kind: row.kind,
      unitPath: row.unitPath,
      parentPath: parentPathOf(row.unitPath),
      fingerprint: fingerprintOf(content[index]!.searchText),
    })),
  );
  const byStatus: Record<string, number> = {};
  for (const row of rows) {
    const status = row.steps.at(-1)?.status ?? 'draft';
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  }
  await recordAudit(tx, actor, {
    action: 'registration.create_bulk',
    entityType: 'registration_window',
    entityId: window.id,
    unitPath: window.unitPath,
    after: { year, registrations: ids.length, byStatus },
  });
  return ids;
}

/**
 * The near-identical pairs of new registrations, among themselves and with the year's registrations
 * already written in their parent units' subtrees (refreshSimilarities, for many at once), then
 * the twin flags and their figure (settleTwins).
 */
async function pairNearIdentical(
  tx: Executor,
  nearby: Awaited<ReturnType<typeof repo.listFingerprintsUnder>>,
  fresh: SimilarityItem[],
): Promise<void> {
  const isNew = new Set(fresh.map((item) => item.id));
  const existing = nearby.map((row) => ({
    id: row.id,
    kind: row.kind,
    unitPath: row.unitPath,
    parentPath: parentPathOf(row.unitPath),
    fingerprint: row.fingerprint ? decodeFingerprint(row.fingerprint) : fingerprintOf(row.searchText),
  }));
  const pairs = pairsAmong([...fresh, ...existing]).filter((pair) => isNew.has(pair.registrationId) || isNew.has(pair.otherId));
  await insertPairs(tx, pairs);
  await settleTwins(
    tx,
    pairs.map((pair) => pair.registrationId),
  );
}

/**
 * Publishes many approved registrations at once, as publishing each through the status machine
 * would: the actor appraises each one's unit, each moves from approved to published (its version
 * on by one, its publication stamped), gets its history event and its figure changes; one audit
 * row for the batch. Returns how many were published.
 */
export async function publishRegistrationsInBulk(tx: Executor, actor: Actor, registrationIds: number[]): Promise<number> {
  const ids = [...new Set(registrationIds)];
  if (ids.length === 0) return 0;
  const locked = await repo.lockRegistrations(tx, ids);
  if (locked.length !== ids.length) throw new AppError('NOT_FOUND', 'Không tìm thấy một số bản đăng ký được chọn.');
  for (const registration of locked) {
    assertCan(actor, 'registrations.appraise', registration.unitPath);
    if (transitionBetween(registration.status, 'published') !== 'publish') {
      throw new AppError('INVALID_TRANSITION', `Bản đăng ký số ${registration.id} chưa được thẩm định nên chưa công khai được.`, {
        registrationId: registration.id,
        status: registration.status,
      });
    }
  }
  const now = new Date();
  const counts = await repo.countActionsOfMany(tx, ids);
  await repo.updateRegistrations(tx, ids, { status: 'published', ...transitionStamps('publish', { revision: 0 }, now) });
  await repo.insertEvents(
    tx,
    locked.map((registration) => ({
      registrationId: registration.id,
      at: now,
      actorUserId: actor.userId,
      actorName: actor.name,
      fromStatus: registration.status,
      toStatus: 'published' as const,
    })),
  );
  await addFigureDeltas(
    tx,
    locked.flatMap((registration) =>
      statusDeltas(
        { ...registration, ...counts.get(registration.id)! },
        registration.unitPath,
        registration.status,
        'published',
        stepFigureDay(registration.year, todayIso(now)),
      ),
    ),
  );
  await recordAudit(tx, actor, {
    action: 'registration.publish_bulk',
    entityType: 'registration',
    entityId: 'bulk',
    after: { registrations: ids.length, ids },
  });
  return ids.length;
}
