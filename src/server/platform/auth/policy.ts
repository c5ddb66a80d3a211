import type { Role } from '../../../shared/contracts/domain';
import { AppError } from '../errors';

export const PERMISSIONS = [
  'units.read',
  'units.write',
  'people.read',
  'people.personal',
  'people.write',
  'imports.units',
  'imports.people',
  'accounts.manage',
  'audit.read',
  'figures.read',
  'programme.read',
  'programme.write',
  'standards.write',
  'study.write',
  'registrations.read',
  'registrations.appraise',
  'registrations.windows',
  'feedback.manage',
  'supervision.read',
  'reports.request',
  'reports.answer',
  'commendations.read',
  'commendations.nominate',
  'commendations.vet',
  'commendations.decide',
  'grading.read',
  'grading.grade',
  'grading.decide',
  'grading.rules',
  'inspections.read',
  'inspections.conduct',
  'inspections.remedy',
  'inspections.handle',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The one table of who may do what; a grant gives its role's permissions on its whole subtree. */
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  officer: [
    'units.read',
    'people.read',
    'people.personal',
    'people.write',
    'imports.people',
    'figures.read',
    'programme.read',
    'programme.write',
    'standards.write',
    'study.write',
    'registrations.read',
    'registrations.appraise',
    'registrations.windows',
    'feedback.manage',
    'supervision.read',
    'reports.request',
    'reports.answer',
    // The officer prepares commendations and vets nominations; the committee decides them.
    'commendations.read',
    'commendations.nominate',
    'commendations.vet',
    // The officer prepares the grading of members and collectives; the committee decides it.
    'grading.read',
    'grading.grade',
    // The officer answers the unit's remedies and chases lagging units below it; inspecting is the inspectors'.
    'inspections.read',
    'inspections.remedy',
    'inspections.handle',
  ],
  // The committee of a cell (its secretary) keeps the cell's standards and study records.
  committee: [
    'units.read',
    'people.read',
    'people.personal',
    'figures.read',
    'programme.read',
    'standards.write',
    'study.write',
    'registrations.read',
    'registrations.appraise',
    'feedback.manage',
    'supervision.read',
    'reports.answer',
    'commendations.read',
    'commendations.nominate',
    'commendations.vet',
    'commendations.decide',
    'grading.read',
    'grading.grade',
    'grading.decide',
    'inspections.read',
    'inspections.remedy',
    'inspections.handle',
  ],
  // The inspection committee and its teams: plan, inspect, conclude, follow remedies up, handle lagging units.
  inspector: [
    'units.read',
    'people.read',
    'figures.read',
    'programme.read',
    'registrations.read',
    'supervision.read',
    'commendations.read',
    'grading.read',
    'inspections.read',
    'inspections.conduct',
    'inspections.handle',
  ],
  // A member registers for themselves (through the person linked to their account), not by a permission.
  member: ['units.read', 'figures.read', 'programme.read'],
  // MTTQ and mass organisations: what is published in their subtree, and the state of feedback.
  supervisor: ['units.read', 'figures.read', 'programme.read', 'supervision.read'],
  viewer: [
    'units.read',
    'people.read',
    'figures.read',
    'programme.read',
    'registrations.read',
    'supervision.read',
    'commendations.read',
    'grading.read',
    'inspections.read',
  ],
};

export type Grant = { id: number; unitId: number; unitCode: string; unitName: string; unitPath: string; role: Role };

/** Who is acting, as services see it: no HTTP objects. */
export type Actor = {
  userId: number | null;
  /** The person linked to the account, if any: whose own registration the actor may write. */
  personId?: number | null;
  name: string;
  grants: Grant[];
  ip: string | null;
  requestId: string | null;
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(grants: Grant[]): Permission[] {
  return PERMISSIONS.filter((permission) => grants.some((grant) => roleHasPermission(grant.role, permission)));
}

export function isPathWithin(path: string, ancestorPath: string): boolean {
  return path === ancestorPath || path.startsWith(`${ancestorPath}.`);
}

/**
 * The subtree roots where the actor holds the permission, without nested duplicates. Repositories
 * filter with `path <@ ANY(paths)`; an empty list means nothing is visible.
 */
export function scopePaths(actor: Actor, permission: Permission): string[] {
  const paths = actor.grants.filter((grant) => roleHasPermission(grant.role, permission)).map((grant) => grant.unitPath);
  return paths.filter((path) => !paths.some((other) => other !== path && isPathWithin(path, other)));
}

export function can(actor: Actor, permission: Permission, unitPath: string): boolean {
  return scopePaths(actor, permission).some((root) => isPathWithin(unitPath, root));
}

export function assertCan(actor: Actor, permission: Permission, unitPath: string): void {
  if (!can(actor, permission, unitPath)) {
    throw new AppError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này trên đơn vị này.');
  }
}

/**
 * What a route asks of its caller before anything else is read: one of these permissions on some
 * subtree, or (`linked-person`) an account linked to a person, who may act on their own records.
 */
export type RouteNeed = Permission | 'linked-person';

/** Whether the actor could pass the route's own checks anywhere; the subtree is checked later. */
export function mayAttempt(actor: Actor, needs: readonly RouteNeed[]): boolean {
  return needs.some((need) => (need === 'linked-person' ? actor.personId != null : scopePaths(actor, need).length > 0));
}

/**
 * Where a record named in a request's path sits: the units whose subtree decides who may act on it
 * (one is enough, or with `every` all of them, as for an account granted on several units), and the
 * people who may act on it as their own (for `linked-person`: the registrant, a unit's head).
 */
export type RecordPlace = { unitPaths: readonly string[]; every?: boolean; personIds?: readonly number[] };

/** Whether one of the route's needs reaches the record: a permission over one of its units, or its owner. */
export function mayActOn(actor: Actor, needs: readonly RouteNeed[], place: RecordPlace): boolean {
  return needs.some((need) =>
    need === 'linked-person'
      ? actor.personId != null && (place.personIds ?? []).includes(actor.personId)
      : place.every
        ? place.unitPaths.length > 0 && place.unitPaths.every((unitPath) => can(actor, need, unitPath))
        : place.unitPaths.some((unitPath) => can(actor, need, unitPath)),
  );
}

export function assertHasPermissionSomewhere(actor: Actor, permission: Permission): void {
  if (scopePaths(actor, permission).length === 0) {
    throw new AppError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.');
  }
}

/** The actor for work done by the system itself (seeding, CLI). */
export function systemActor(name = 'Hệ thống'): Actor {
  return { userId: null, name, grants: [], ip: null, requestId: null };
}

/**
 * Records that reach downward (plans, study topics, breakthrough contents of a level) are readable
 * inside the actor's subtrees and also from below: a unit sees what every level above it issued.
 */
export function canReadDownward(actor: Actor, permission: Permission, unitPath: string): boolean {
  return scopePaths(actor, permission).some((root) => isPathWithin(unitPath, root) || isPathWithin(root, unitPath));
}

export function assertCanReadDownward(actor: Actor, permission: Permission, unitPath: string): void {
  if (!canReadDownward(actor, permission, unitPath)) {
    throw new AppError('FORBIDDEN', 'Bạn không có quyền xem nội dung của đơn vị này.');
  }
}
