import type { Executor } from '../../platform/db/client';
import { addFigureDeltas, type FigureDelta } from '../../platform/figures';
import { PROGRAMME_METRICS } from '../figures/index';
import type { SessionKind } from '../../../shared/contracts/study';
import * as repo from './study.repo';

/** What one session adds to its unit's yearly counters, dated on the day it was held. */
export function sessionDeltas(
  unitPath: string,
  session: { kind: SessionKind; heldOn: string; hasCampaignItem: boolean },
  sign: 1 | -1 = 1,
): FigureDelta[] {
  const year = Number(session.heldOn.slice(0, 4));
  const day = session.heldOn;
  if (session.kind === 'cell_meeting') {
    const deltas: FigureDelta[] = [{ unitPath, metric: PROGRAMME_METRICS.cellMeetings(year), day, delta: sign }];
    if (session.hasCampaignItem) deltas.push({ unitPath, metric: PROGRAMME_METRICS.cellMeetingsWithCampaign(year), day, delta: sign });
    return deltas;
  }
  return [{ unitPath, metric: PROGRAMME_METRICS.studySessions(year), day, delta: sign }];
}

/**
 * Brings study_records (one row per person and year: the first time they studied the topic) in line
 * with the attendance as it now stands, for the given people and years, and moves the "studied"
 * counter with it: a record that disappears, moves to another day, or whose person now belongs to
 * another unit takes its count back from the unit and day where it was added. Called by every write that can change who studied when.
 */
export async function reevaluateStudies(tx: Executor, personIds: number[], years: number[]): Promise<void> {
  await addFigureDeltas(tx, await reevaluateStudyRecords(tx, personIds, years));
}

/** `reevaluateStudies` without applying the deltas: the caller adds them with its own, in one call. */
export async function reevaluateStudyRecords(tx: Executor, personIds: number[], years: number[]): Promise<FigureDelta[]> {
  const people = [...new Set(personIds)];
  if (people.length === 0) return [];
  const primaryUnits = await repo.findPrimaryUnits(tx, people);
  const deltas: FigureDelta[] = [];
  for (const year of [...new Set(years)]) {
    const metric = PROGRAMME_METRICS.studied(year);
    const existing = new Map((await repo.listStudyRecords(tx, people, year)).map((row) => [row.person_id, row]));
    const wanted = new Map((await repo.findFirstStudies(tx, people, year)).map((row) => [row.person_id, row]));
    const inserts: Array<Parameters<typeof repo.insertStudyRecords>[1][number]> = [];
    for (const personId of people) {
      const before = existing.get(personId);
      const after = wanted.get(personId);
      const currentUnitId = primaryUnits.get(personId)?.unitId ?? before?.unit_id;
      if (
        before &&
        after &&
        before.session_id === after.session_id &&
        before.studied_on === after.studied_on &&
        before.unit_id === currentUnitId
      )
        continue;
      if (before) {
        await repo.deleteStudyRecord(tx, personId, year);
        deltas.push({ unitPath: before.unit_path, metric, day: before.studied_on, delta: -1 });
      }
      if (after) {
        // Counted where the person is counted as a member; someone who has left keeps their old unit.
        const unit = primaryUnits.get(personId) ?? (before ? { unitId: before.unit_id, unitPath: before.unit_path } : undefined);
        const place = unit ?? (await sessionUnit(tx, after.session_id));
        inserts.push({ personId, year, unitId: place.unitId, studiedOn: after.studied_on, sessionId: after.session_id });
        deltas.push({ unitPath: place.unitPath, metric, day: after.studied_on, delta: 1 });
      }
    }
    await repo.insertStudyRecords(tx, inserts);
  }
  return deltas;
}

async function sessionUnit(tx: Executor, sessionId: number): Promise<{ unitId: number; unitPath: string }> {
  const found = await repo.findSessionUnit(tx, sessionId);
  return { unitId: found.unitId, unitPath: found.unitPath };
}

/**
 * A person who moves takes their study of the move's year (and any later year already recorded)
 * to the unit where they are now counted as a member, so neither unit's rate is skewed.
 */
export async function followPersonMove(tx: Executor, event: { personId: number; day: string }): Promise<void> {
  const year = Number(event.day.slice(0, 4));
  await reevaluateStudies(tx, [event.personId], [year, year + 1]);
}
