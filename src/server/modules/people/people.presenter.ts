import type { Membership, Person, PersonDetail } from '../../../shared/contracts/people';
import type { PersonRow, MembershipRow } from './people.repo';

type MembershipPlace = Pick<MembershipRow, 'position' | 'isHead' | 'unitId'> & { unitName: string; unitCode: string };

/** Personal fields are left out (null) for users whose role does not need them. */
export function presentPerson(person: PersonRow, membership: MembershipPlace | null, personalVisible: boolean): Person {
  return {
    id: person.id,
    fullName: person.fullName,
    sex: person.sex,
    birthDate: personalVisible ? person.birthDate : null,
    category: person.category,
    cardNumber: personalVisible ? person.cardNumber : null,
    idNumber: personalVisible ? person.idNumber : null,
    admissionDate: person.admissionDate,
    phone: personalVisible ? person.phone : null,
    email: personalVisible ? person.email : null,
    address: personalVisible ? person.address : null,
    unit: membership ? { id: membership.unitId, code: membership.unitCode, name: membership.unitName } : null,
    position: membership ? membership.position : null,
    isHead: membership?.isHead ?? false,
    personalVisible,
    version: person.version,
  };
}

export function presentMembership(membership: MembershipRow, unit: { unitCode: string; unitName: string }): Membership {
  return {
    id: membership.id,
    unitId: membership.unitId,
    unitCode: unit.unitCode,
    unitName: unit.unitName,
    position: membership.position,
    isHead: membership.isHead,
    isPrimary: membership.isPrimary,
    fromDate: membership.fromDate,
    toDate: membership.toDate,
  };
}

/** A person with every membership (newest first). */
export function presentPersonDetail(
  person: Person,
  memberships: Array<{ membership: MembershipRow; unitCode: string; unitName: string }>,
): PersonDetail {
  return { ...person, memberships: memberships.map(({ membership, ...unit }) => presentMembership(membership, unit)) };
}
