import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Grant, Session } from '../../shared/contracts/accounts';
import type { UnitRef } from '../../shared/contracts/units';
import { useCurrentSession } from './session';

/** The unit whose data every page shows; chosen in the header. `path` lets us check it is still granted. */
export interface ActingUnit extends UnitRef {
  path: string;
}

interface ActingUnitValue {
  actingUnit: ActingUnit | null;
  setActingUnit: (unit: ActingUnit) => void;
}

const ActingUnitContext = createContext<ActingUnitValue | null>(null);

function storageKey(userId: number): string {
  return `noiguong.actingUnit.${userId}`;
}

function isActingUnit(value: unknown): value is ActingUnit {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.id === 'number' &&
    typeof candidate.code === 'string' &&
    typeof candidate.name === 'string' &&
    typeof candidate.path === 'string'
  );
}

function isUnderGrant(unit: ActingUnit, grants: Grant[]): boolean {
  return grants.some((grant) => unit.id === grant.unitId || unit.path === grant.unitPath || unit.path.startsWith(`${grant.unitPath}.`));
}

/** The top-most granted unit: the broadest view the user is allowed. */
function defaultUnit(grants: Grant[]): ActingUnit | null {
  const top = [...grants].sort((a, b) => a.unitPath.split('.').length - b.unitPath.split('.').length)[0];
  return top ? { id: top.unitId, code: top.unitCode, name: top.unitName, path: top.unitPath } : null;
}

function readStored(userId: number, grants: Grant[]): ActingUnit | null {
  try {
    const raw = window.localStorage.getItem(storageKey(userId));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    // Grants may have been withdrawn since the unit was chosen.
    return isActingUnit(parsed) && isUnderGrant(parsed, grants) ? parsed : null;
  } catch {
    return null;
  }
}

/** The unit a session starts on: the one chosen last on this device, else the broadest granted. */
export function initialActingUnit(session: Session): ActingUnit | null {
  return readStored(session.user.id, session.grants) ?? defaultUnit(session.grants);
}

export function ActingUnitProvider({ children }: { children: ReactNode }) {
  const session = useCurrentSession();
  const userId = session.user.id;
  const [chosen, setChosen] = useState<ActingUnit | null>(() => readStored(userId, session.grants));

  const setActingUnit = useCallback(
    (unit: ActingUnit) => {
      setChosen(unit);
      try {
        window.localStorage.setItem(storageKey(userId), JSON.stringify(unit));
      } catch {
        // Kept for this visit only.
      }
    },
    [userId],
  );

  const value = useMemo<ActingUnitValue>(
    () => ({ actingUnit: chosen ?? defaultUnit(session.grants), setActingUnit }),
    [chosen, session.grants, setActingUnit],
  );
  return <ActingUnitContext.Provider value={value}>{children}</ActingUnitContext.Provider>;
}

export function useActingUnit(): ActingUnitValue {
  const value = useContext(ActingUnitContext);
  if (!value) throw new Error('useActingUnit is used outside ActingUnitProvider');
  return value;
}

/** For pages that only render once a unit is chosen (the layout makes sure of it). */
export function useRequiredActingUnit(): ActingUnit {
  const { actingUnit } = useActingUnit();
  if (!actingUnit) throw new Error('No acting unit');
  return actingUnit;
}
