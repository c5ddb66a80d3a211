import type { PersonCategory, Position, Sex, UnitKind } from '../../shared/contracts/domain';

/** A unit of the tree as plain data; `parentCode` always names a unit emitted earlier. */
export type GeneratedUnit = {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  /** YYYY-MM-DD */
  validFrom: string;
};

/** A person with their one membership (unit, position, head flag, start date). */
export type GeneratedPerson = {
  fullName: string;
  sex: Sex;
  /** YYYY-MM-DD */
  birthDate: string;
  category: PersonCategory;
  /** Party card number, only for Party members. */
  cardNumber: string | null;
  /** 12-digit citizen identity number (CCCD). */
  idNumber: string;
  /** Date of admission to the Party, only for Party members. */
  admissionDate: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  unitCode: string;
  position: Position;
  isHead: boolean;
  /** YYYY-MM-DD: start of this membership. */
  fromDate: string;
};

/**
 * `former`, when present: merges and dissolutions to replay once units and people are loaded (the
 * merged communes are not in `units`: the merge creates them).
 */
export type GeneratedTree = {
  units: GeneratedUnit[];
  people: GeneratedPerson[];
  former?: { day: string; merges: Array<{ target: GeneratedUnit; sourceCodes: string[] }>; dissolvedCodes: string[] };
};

/** The day the two-tier local government and the reorganised Party tree came into force. */
export const REORGANISATION_DATE = '2025-07-01';

/** The founding day of the Communist Party of Vietnam, used as the Centre's validity start. */
export const PARTY_FOUNDING_DATE = '1930-02-03';
