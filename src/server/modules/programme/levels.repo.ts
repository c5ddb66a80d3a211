import { sql, type SQL } from 'drizzle-orm';
import type { ProgrammeLevel } from '../../../shared/contracts/programme';

/**
 * The records a list shows, by the path of the unit that issued them. Records of the levels above
 * reach every unit below, so "above" is always readable; "below" stays inside the actor's scope
 * because the roots themselves are.
 */
export function levelCondition(path: SQL, roots: string[], level: ProgrammeLevel): SQL {
  const list = sql`${sql.param(roots)}::ltree[]`;
  switch (level) {
    case 'own':
      return sql`${path} = ANY(${list})`;
    case 'above':
      return sql`(${path} @> ANY(${list}) AND NOT ${path} = ANY(${list}))`;
    case 'below':
      return sql`(${path} <@ ANY(${list}) AND NOT ${path} = ANY(${list}))`;
    case 'all':
      return sql`(${path} <@ ANY(${list}) OR ${path} @> ANY(${list}))`;
  }
}
