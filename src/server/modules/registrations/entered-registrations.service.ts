import type { Database, Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, type Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import type { EnteredOutcome, EnteredRegistrationsResult, EnterRegistrations } from '../../../shared/contracts/registrations';
import { getUnitOrThrow } from '../units/index';
import { transitionRegistration } from './registration-machine';
import * as repo from './registrations.repo';
import {
  assertLinksOffered,
  getWindowForOrThrow,
  insertWithActions,
  isUniqueViolation,
  linkKindsOf,
  searchTextOf,
} from './registrations.service';
import { linkOptionsFor } from './windows.service';

/** The steps after the draft that bring an entered registration to its outcome, all through the one status machine. */
const STEPS_TO: Record<EnteredOutcome, Array<'submit' | 'approve'>> = { draft: [], submitted: ['submit'], approved: ['submit', 'approve'] };

/** The unit whose book it is, checked for the appraiser's right before anything else is read. */
export async function bookUnitFor(executor: Executor, actor: Actor, unitId: number) {
  const unit = await getUnitOrThrow(executor, unitId);
  assertCan(actor, 'registrations.appraise', unit.path);
  return unit;
}

function refuse(index: number, message: string): never {
  throw new AppError('VALIDATION_FAILED', `Bản đăng ký thứ ${index + 1}: ${message}`, { entry: index });
}

/**
 * The secretary or officer of a unit types in registrations for its members (and the unit's own)
 * for one year, from the paper register book or for members without an account. Everything is
 * checked as for a registration the member writes, then written in one transaction: one bad entry
 * writes nothing. Each is marked as entered on the member's behalf, its history says who typed it
 * in, and the steps to `outcome` (submitted, approved) go through the status machine, so the
 * year's figures count them as they count any other.
 */
export async function enterRegistrations(db: Database, actor: Actor, input: EnterRegistrations): Promise<EnteredRegistrationsResult> {
  return db
    .transaction(async (tx) => {
      const unit = await bookUnitFor(tx, actor, input.unitId);
      const window = await getWindowForOrThrow(tx, unit, input.year);
      const members = new Map((await repo.listBookMembers(tx, unit.path, input.year)).map((member) => [member.personId, member]));
      const seen = new Set<number | null>();
      const created: EnteredRegistrationsResult['created'] = [];
      for (const [index, entry] of input.entries.entries()) {
        if (seen.has(entry.personId))
          refuse(index, entry.personId === null ? 'bản đăng ký tập thể có hai lần.' : 'người này có hai bản đăng ký.');
        seen.add(entry.personId);
        let values: Parameters<typeof insertWithActions>[2];
        let unitPath = unit.path;
        if (entry.personId === null) {
          if (await repo.findCollectiveId(tx, unit.id, input.year))
            refuse(index, `${unit.name} đã có bản đăng ký tập thể năm ${input.year}.`);
          values = {
            kind: 'collective',
            year: input.year,
            unitId: unit.id,
            personId: null,
            windowId: window.id,
            shortcomings: entry.shortcomings,
            isLeader: false,
          };
        } else {
          const member = members.get(entry.personId);
          if (!member) refuse(index, `người này không sinh hoạt ở ${unit.name} trong năm ${input.year}.`);
          if (member.registrationId) refuse(index, `${member.fullName} đã có bản đăng ký năm ${input.year}.`);
          if (!entry.shortcomings) refuse(index, `hãy ghi những hạn chế, khuyết điểm ${member.fullName} cần khắc phục.`);
          unitPath = member.unitPath;
          values = {
            kind: 'individual',
            year: input.year,
            unitId: member.unitId,
            personId: member.personId,
            windowId: window.id,
            shortcomings: entry.shortcomings,
            isLeader: member.isHead,
          };
        }
        if (linkKindsOf(entry.actions).size > 0) {
          assertLinksOffered(
            entry.actions,
            await linkOptionsFor(tx, { id: values.unitId, path: unitPath }, input.year, window, linkKindsOf(entry.actions)),
          );
        }
        let registration = await insertWithActions(
          tx,
          actor,
          { ...values, enteredOnBehalf: true, searchText: searchTextOf(entry.shortcomings, entry.actions) },
          entry.actions,
          unitPath,
        );
        for (const transition of STEPS_TO[input.outcome]) {
          registration = (
            await transitionRegistration(tx, actor, { registrationId: registration.id, transition, expectedVersion: registration.version })
          ).registration;
        }
        created.push({ id: registration.id, personId: registration.personId });
      }
      await recordAudit(tx, actor, {
        action: 'registration.enter_book',
        entityType: 'unit',
        entityId: unit.id,
        unitPath: unit.path,
        after: { year: input.year, outcome: input.outcome, registrations: created.length, ids: created.map((item) => item.id) },
      });
      return { created, outcome: input.outcome };
    })
    .catch((error: unknown) => {
      // Someone registered meanwhile (the member, or a second upload of the same book).
      if (isUniqueViolation(error))
        throw new AppError('DUPLICATE', 'Một người trong danh sách vừa có bản đăng ký năm này. Hãy xem trước lại rồi thực hiện lại.');
      throw error;
    });
}
