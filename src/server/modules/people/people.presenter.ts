import type { PersonRow, MembershipRow } from './people.repo';

/** Personal fields are left out (null) for users whose role does not need them. */
export function presentPerson(
  person: PersonRow,
  membership: (Pick<MembershipRow, 'position' | 'isHead' | 'unitId'> & { unitName: string; unitCode: string }) | null,
  personalVisible: boolean,
) {
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
    position: membership?.position ?? null,
    isHead: membership?.isHead ?? false,
    personalVisible,
    version: person.version,
  };
}
export type PersonView = ReturnType<typeof presentPerson>;
