/** Shapes of the server's answers, as the admin app reads them. Enumerations come from the shared contracts. */
import type { PersonCategory, Position, Role, Sex, UnitKind } from '../../shared/contracts/domain';

export type { PersonCategory, Position, Role, Sex, UnitKind };

/** Dates travel as 'YYYY-MM-DD' strings. */
export type IsoDate = string;

export type ClosedReason = 'closed' | 'merged' | 'split';

export interface Unit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  path: string;
  depth: number;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  closedReason: ClosedReason | null;
  successorIds: number[];
  hasChildren: boolean;
  version: number;
}

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

export interface UnitDetail extends Unit {
  breadcrumbs: UnitRef[];
  parentName: string | null;
}

export interface UnitSearchHit extends Unit {
  breadcrumbs: string;
}

export interface UnitVersion {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  parentName: string | null;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  personId: number | null;
  mustChangePassword: boolean;
  locale: 'vi' | 'en';
}

export interface Grant {
  id: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  unitPath: string;
  role: Role;
}

export interface Session {
  user: CurrentUser;
  grants: Grant[];
  permissions: string[];
  csrfToken: string;
}

export interface Person {
  id: number;
  fullName: string;
  sex: Sex;
  birthDate: IsoDate | null;
  category: PersonCategory;
  cardNumber: string | null;
  idNumber: string | null;
  admissionDate: IsoDate | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  unit: UnitRef | null;
  position: Position | null;
  isHead: boolean;
  version: number;
  personalVisible: boolean;
}

export interface Membership {
  id: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  position: Position | null;
  isHead: boolean;
  isPrimary: boolean;
  fromDate: IsoDate;
  toDate: IsoDate | null;
}

export interface PersonDetail extends Person {
  memberships: Membership[];
}

export interface FigureSet {
  members: number;
  partyMembers: number;
  units: number;
}

export type FigureName = 'members' | 'partyMembers' | 'units' | 'unitsByKind';

export interface FiguresAnswer {
  unit: UnitRef;
  asOf: IsoDate;
  figures: FigureSet & { unitsByKind: Partial<Record<UnitKind, number>> };
  definitions: Partial<Record<FigureName, string>>;
  children: { unit: UnitRef & { kind: UnitKind }; figures: FigureSet }[];
}

export type ImportKind = 'units' | 'people';

export interface ImportRowError {
  row: number;
  column: string | null;
  message: string;
}

export interface ImportPreview {
  batchId: string;
  fileName: string;
  totalRows: number;
  validRows: number;
  errors: ImportRowError[];
  creates: number;
  updates: number;
  unchanged: number;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

export interface AccountGrant {
  id: number;
  unitId: number;
  unitName: string;
  unitCode: string;
  role: Role;
}

export interface Account {
  id: number;
  username: string;
  displayName: string;
  personId: number | null;
  isDisabled: boolean;
  lastLoginAt: string | null;
  grants: AccountGrant[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | number | null;
  unitId: number | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
}
