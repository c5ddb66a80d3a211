import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DISTRIBUTION_COLUMN,
  DROPPED_FOREIGN_KEYS,
  GLOBAL_KEYS_KEPT_BY_PLACEMENT,
  SAME_PROVINCE_FOREIGN_KEYS,
  SHARDING_PLAN,
  WIDENED_GLOBAL_KEYS,
  type ForeignKeyNote,
  type GlobalKey,
  type ProvinceSource,
  type TablePlacement,
} from './sharding-plan';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database';

/**
 * The sharding plan (docs/decisions/0016) checked against the real migrated schema: every table is
 * placed, and the keys Citus would need (province_id in every unique and foreign key of a
 * distributed table) are built in a scratch schema, where PostgreSQL itself checks they hold together.
 */

const SCRATCH = 'citus_sim';

type Plan = {
  tables: Record<string, TablePlacement>;
  sameProvince: ForeignKeyNote[];
  dropped: ForeignKeyNote[];
  widened: GlobalKey[];
  keptByPlacement: GlobalKey[];
};

const PLAN: Plan = {
  tables: SHARDING_PLAN,
  sameProvince: SAME_PROVINCE_FOREIGN_KEYS,
  dropped: DROPPED_FOREIGN_KEYS,
  widened: WIDENED_GLOBAL_KEYS,
  keptByPlacement: GLOBAL_KEYS_KEPT_BY_PLACEMENT,
};

type Column = { name: string; default: string | null; notNull: boolean };
/** A primary key, unique constraint or unique index; `columns` are its key columns (or expressions). */
type UniqueKey = { table: string; name: string; method: string; columns: string[]; constraintType: 'p' | 'u' | null; definition: string };
type ForeignKey = {
  table: string;
  name: string;
  referencedSchema: string;
  referenced: string;
  columns: string[];
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
};
type Catalog = { tables: string[]; columns: Map<string, Column[]>; uniqueKeys: UniqueKey[]; foreignKeys: ForeignKey[] };

async function readCatalog(database: TestDatabase, schemaName: string): Promise<Catalog> {
  const tables = await database.pool.query<{ name: string }>(
    `SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
    [schemaName],
  );
  const columns = await database.pool.query<{ table: string; name: string; default: string | null; not_null: boolean }>(
    `SELECT c.relname::text AS table, a.attname::text AS name, pg_get_expr(d.adbin, d.adrelid) AS default, a.attnotnull AS not_null
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY 1, a.attnum`,
    [schemaName],
  );
  const uniqueKeys = await database.pool.query<{
    table: string;
    name: string;
    method: string;
    columns: string[];
    constraint_type: 'p' | 'u' | null;
    definition: string;
  }>(
    `SELECT t.relname::text AS table, i.relname::text AS name, am.amname::text AS method,
       ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, false) FROM generate_series(1, x.indnkeyatts::int) AS k ORDER BY k) AS columns,
       con.contype::text AS constraint_type,
       COALESCE(pg_get_constraintdef(con.oid), pg_get_indexdef(x.indexrelid)) AS definition
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     JOIN pg_am am ON am.oid = i.relam
     LEFT JOIN pg_constraint con ON con.conindid = x.indexrelid AND con.conrelid = x.indrelid AND con.contype IN ('p', 'u')
     WHERE n.nspname = $1 AND x.indisunique
     ORDER BY 1, 2`,
    [schemaName],
  );
  const foreignKeys = await database.pool.query<{
    table: string;
    name: string;
    referenced_schema: string;
    referenced: string;
    columns: string[];
    referenced_columns: string[];
    on_delete: string;
    on_update: string;
  }>(
    `SELECT t.relname::text AS table, con.conname::text AS name, rn.nspname::text AS referenced_schema, r.relname::text AS referenced,
       ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, position)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.position) AS columns,
       ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, position)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.position) AS referenced_columns,
       con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
     FROM pg_constraint con
     JOIN pg_class t ON t.oid = con.conrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     JOIN pg_class r ON r.oid = con.confrelid
     JOIN pg_namespace rn ON rn.oid = r.relnamespace
     WHERE n.nspname = $1 AND con.contype = 'f'
     ORDER BY 1, 2`,
    [schemaName],
  );
  const byTable = new Map<string, Column[]>();
  for (const row of columns.rows) {
    byTable.set(row.table, [...(byTable.get(row.table) ?? []), { name: row.name, default: row.default, notNull: row.not_null }]);
  }
  return {
    tables: tables.rows.map((row) => row.name),
    columns: byTable,
    uniqueKeys: uniqueKeys.rows.map((row) => ({
      table: row.table,
      name: row.name,
      method: row.method,
      columns: row.columns,
      constraintType: row.constraint_type,
      definition: row.definition,
    })),
    foreignKeys: foreignKeys.rows.map((row) => ({
      table: row.table,
      name: row.name,
      referencedSchema: row.referenced_schema,
      referenced: row.referenced,
      columns: row.columns,
      referencedColumns: row.referenced_columns,
      onDelete: row.on_delete,
      onUpdate: row.on_update,
    })),
  };
}

const isDistributed = (plan: Plan, table: string) => plan.tables[table]?.placement === 'distributed';

/** The column a distributed table's province_id is derived from. */
function derivationColumn(source: ProvinceSource): string {
  if ('unitColumn' in source) return source.unitColumn;
  if ('unitPathColumn' in source) return source.unitPathColumn;
  return source.parentColumn;
}

function provinceSourceOf(plan: Plan, table: string): ProvinceSource | undefined {
  const placement = plan.tables[table];
  return placement?.placement === 'distributed' ? placement.provinceFrom : undefined;
}

const listed = (notes: ForeignKeyNote[], fk: { table: string; name: string }) =>
  notes.some((note) => note.table === fk.table && note.constraint === fk.name);
const sameColumns = (a: string[], b: string[]) => a.length === b.length && a.every((column, index) => column === b[index]);

/** Every table of the schema is placed, and the plan names no other. */
function placementProblems(plan: Plan, catalog: Catalog): string[] {
  const problems: string[] = [];
  for (const table of catalog.tables) {
    if (!plan.tables[table]) problems.push(`table ${table} is not placed in the sharding plan (src/server/db/sharding-plan.ts)`);
  }
  for (const table of Object.keys(plan.tables)) {
    if (!catalog.tables.includes(table)) problems.push(`the sharding plan places ${table}, which is not a table of the schema`);
  }
  return problems;
}

/** Each distributed table's province comes from a real column that every row has (or, for a path, that says "centre" when empty). */
function derivationProblems(plan: Plan, catalog: Catalog): string[] {
  const problems: string[] = [];
  for (const [table, placement] of Object.entries(plan.tables)) {
    if (placement.placement !== 'distributed') continue;
    const source = placement.provinceFrom;
    const column = (catalog.columns.get(table) ?? []).find((candidate) => candidate.name === derivationColumn(source));
    if (!column) {
      problems.push(`${table}: its province comes from column ${derivationColumn(source)}, which it does not have`);
      continue;
    }
    if (!('unitPathColumn' in source) && !column.notNull)
      problems.push(`${table}: ${column.name} may be null, so a row could have no province`);
    if ('parentTable' in source) {
      if (!isDistributed(plan, source.parentTable))
        problems.push(`${table}: takes its province from ${source.parentTable}, which is not distributed`);
      const key = catalog.foreignKeys.find(
        (fk) => fk.table === table && fk.referenced === source.parentTable && sameColumns(fk.columns, [source.parentColumn]),
      );
      if (!key)
        problems.push(
          `${table}: takes its province from ${source.parentTable} through ${source.parentColumn}, but no foreign key joins them`,
        );
    }
  }
  return problems;
}

const REFERENTIAL_ACTIONS: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

/**
 * What becomes of each foreign key on Citus: kept as it is, kept with province_id on both sides
 * (widened), or a plan error. Dropped keys (listed in the plan) are left out.
 */
function foreignKeyPlan(plan: Plan, catalog: Catalog): { problems: string[]; kept: Array<ForeignKey & { widened: boolean }> } {
  const problems: string[] = [];
  const kept: Array<ForeignKey & { widened: boolean }> = [];
  for (const fk of catalog.foreignKeys) {
    const from = plan.tables[fk.table]?.placement;
    const to = plan.tables[fk.referenced]?.placement;
    const described = `${fk.name} (${fk.table} → ${fk.referenced})`;
    if (fk.referencedSchema !== 'public') {
      problems.push(`foreign key ${described} refers to schema ${fk.referencedSchema}, outside the plan`);
      continue;
    }
    if (!from || !to) continue;
    if (from === 'reference' && to === 'distributed') {
      problems.push(
        `foreign key ${described} goes from reference table ${fk.table} to distributed table ${fk.referenced}: Citus refuses it`,
      );
      continue;
    }
    if (listed(plan.dropped, fk)) continue;
    if (from === 'distributed' && to === 'distributed') {
      const source = provinceSourceOf(plan, fk.table);
      const isDerivation =
        source !== undefined &&
        'parentTable' in source &&
        source.parentTable === fk.referenced &&
        sameColumns(fk.columns, [source.parentColumn]);
      if (!isDerivation && !listed(plan.sameProvince, fk)) {
        problems.push(
          `foreign key ${described} joins two distributed tables but is not ${fk.table}'s province derivation; the plan must list it as same-province or dropped`,
        );
      }
      if (fk.onDelete === 'n' || fk.onDelete === 'd' || !['a', 'r'].includes(fk.onUpdate)) {
        problems.push(
          `foreign key ${described} has ON DELETE ${REFERENTIAL_ACTIONS[fk.onDelete]} ON UPDATE ${REFERENTIAL_ACTIONS[fk.onUpdate]}: Citus refuses those actions on a key that includes the distribution column`,
        );
      }
      kept.push({ ...fk, widened: true });
      continue;
    }
    if ((from === 'distributed' && to === 'coordinator') || (from === 'coordinator' && to === 'distributed')) {
      problems.push(
        `foreign key ${described} joins ${from} table ${fk.table} and ${to} table ${fk.referenced}: Citus refuses it; drop it in the plan or place the tables otherwise`,
      );
      continue;
    }
    if (from === 'reference' && to === 'coordinator' && !(['a', 'r'].includes(fk.onDelete) && ['a', 'r'].includes(fk.onUpdate))) {
      problems.push(
        `foreign key ${described} acts from coordinator table ${fk.referenced} on reference table ${fk.table}: Citus refuses it`,
      );
      continue;
    }
    kept.push({ ...fk, widened: false });
  }
  return { problems, kept };
}

/** The plan's lists of same-province and dropped keys name real keys between distributed tables. */
function foreignKeyListProblems(plan: Plan, catalog: Catalog): string[] {
  const problems: string[] = [];
  const find = (note: ForeignKeyNote) => catalog.foreignKeys.find((fk) => fk.table === note.table && fk.name === note.constraint);
  for (const note of plan.sameProvince) {
    const fk = find(note);
    if (!fk) problems.push(`the plan lists ${note.constraint} on ${note.table} as same-province, but there is no such foreign key`);
    else if (!isDistributed(plan, fk.table) || !isDistributed(plan, fk.referenced))
      problems.push(`${note.constraint} is listed as same-province but does not join two distributed tables`);
    if (listed(plan.dropped, { table: note.table, name: note.constraint }))
      problems.push(`${note.constraint} is listed both as same-province and as dropped`);
  }
  for (const note of plan.dropped) {
    const fk = find(note);
    if (!fk) problems.push(`the plan drops ${note.constraint} on ${note.table}, but there is no such foreign key`);
    else if (!isDistributed(plan, fk.table) && !isDistributed(plan, fk.referenced))
      problems.push(`${note.constraint} is dropped, yet Citus could keep it as it is (no distributed table on either side)`);
  }
  return problems;
}

/** Why a unique key of a distributed table loses nothing when province_id is added to it, or undefined. */
function widenedWithoutLoss(plan: Plan, catalog: Catalog, key: UniqueKey): string | undefined {
  const source = provinceSourceOf(plan, key.table);
  if (source && key.columns.includes(derivationColumn(source)))
    return `contains ${derivationColumn(source)}, which the province is derived from`;
  const column =
    key.columns.length === 1 ? (catalog.columns.get(key.table) ?? []).find((candidate) => candidate.name === key.columns[0]) : undefined;
  if (column?.default?.startsWith('nextval(')) return 'is drawn from a sequence';
  return undefined;
}

/** Every unique key of a distributed table either loses nothing when widened, or is listed with where its national uniqueness is kept. */
function uniqueKeyProblems(plan: Plan, catalog: Catalog): string[] {
  const problems: string[] = [];
  for (const key of catalog.uniqueKeys) {
    if (!isDistributed(plan, key.table) || widenedWithoutLoss(plan, catalog, key)) continue;
    if (!plan.widened.some((entry) => entry.table === key.table && entry.index === key.name)) {
      problems.push(
        `unique key ${key.name} of distributed table ${key.table} (${key.columns.join(', ')}) would hold only within a province, and the plan does not say where its national uniqueness is kept`,
      );
    }
  }
  return problems;
}

/** The plan's lists of global keys stay true to the schema. */
function globalKeyListProblems(plan: Plan, catalog: Catalog): string[] {
  const problems: string[] = [];
  const check = (entry: GlobalKey, widened: boolean) => {
    const key = catalog.uniqueKeys.find((candidate) => candidate.table === entry.table && candidate.name === entry.index);
    if (!key) {
      problems.push(`the plan names unique key ${entry.index} on ${entry.table}, which does not exist in the schema`);
      return;
    }
    if (!sameColumns(key.columns, entry.columns))
      problems.push(`${entry.index}: the plan says (${entry.columns.join(', ')}), the schema has (${key.columns.join(', ')})`);
    if (widened && !isDistributed(plan, entry.table))
      problems.push(`${entry.index} is listed as widened, but ${entry.table} is not distributed`);
    if (widened && widenedWithoutLoss(plan, catalog, key))
      problems.push(`${entry.index} is listed as widened, but it ${widenedWithoutLoss(plan, catalog, key)}: it loses nothing`);
    if (!widened && isDistributed(plan, entry.table))
      problems.push(`${entry.index} is listed as kept by placement, but ${entry.table} is distributed`);
  };
  for (const entry of plan.widened) check(entry, true);
  for (const entry of plan.keptByPlacement) check(entry, false);
  return problems;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Adds province_id at the end of the first parenthesised list of a definition (the key columns). */
function withProvinceInKeyList(definition: string, where: string): string {
  const open = definition.indexOf('(');
  if (open < 0) throw new Error(`${where}: no column list in "${definition}"`);
  let depth = 0;
  let quoteChar: string | null = null;
  for (let index = open; index < definition.length; index += 1) {
    const char = definition[index]!;
    if (quoteChar) {
      if (char === quoteChar) quoteChar = null;
    } else if (char === "'" || char === '"') {
      quoteChar = char;
    } else if (char === '(') {
      depth += 1;
    } else if (char === ')') {
      depth -= 1;
      if (depth === 0) return `${definition.slice(0, index)}, ${DISTRIBUTION_COLUMN}${definition.slice(index)}`;
    }
  }
  throw new Error(`${where}: unbalanced column list in "${definition}"`);
}

/** The statements that build the sharded schema as the plan says, in the scratch schema. */
function shardedSchemaStatements(plan: Plan, catalog: Catalog, keptForeignKeys: Array<ForeignKey & { widened: boolean }>): string[] {
  const statements = [`CREATE SCHEMA ${SCRATCH}`];
  const target = (table: string) => `${SCRATCH}.${quote(table)}`;
  for (const table of catalog.tables) {
    statements.push(`CREATE TABLE ${target(table)} (LIKE public.${quote(table)} INCLUDING DEFAULTS)`);
    if (isDistributed(plan, table)) statements.push(`ALTER TABLE ${target(table)} ADD COLUMN ${DISTRIBUTION_COLUMN} bigint NOT NULL`);
  }
  for (const key of catalog.uniqueKeys) {
    const widen = isDistributed(plan, key.table);
    if (key.constraintType) {
      const definition = widen ? withProvinceInKeyList(key.definition, key.name) : key.definition;
      statements.push(`ALTER TABLE ${target(key.table)} ADD CONSTRAINT ${quote(key.name)} ${definition}`);
    } else {
      // CREATE UNIQUE INDEX name ON public.t USING method (columns) [INCLUDE (…)] [WHERE …]: the part from USING on is kept.
      const using = key.definition.indexOf(` USING ${key.method} (`);
      if (using < 0) throw new Error(`unique index ${key.name}: cannot read its definition "${key.definition}"`);
      const tail = key.definition.slice(using);
      statements.push(
        `CREATE UNIQUE INDEX ${quote(key.name)} ON ${target(key.table)}${widen ? withProvinceInKeyList(tail, key.name) : tail}`,
      );
    }
  }
  for (const fk of keptForeignKeys) {
    const columns = fk.widened ? [...fk.columns, DISTRIBUTION_COLUMN] : fk.columns;
    const referencedColumns = fk.widened ? [...fk.referencedColumns, DISTRIBUTION_COLUMN] : fk.referencedColumns;
    statements.push(
      `ALTER TABLE ${target(fk.table)} ADD CONSTRAINT ${quote(fk.name)} FOREIGN KEY (${columns.map(quote).join(', ')}) ` +
        `REFERENCES ${target(fk.referenced)} (${referencedColumns.map(quote).join(', ')}) ` +
        `ON DELETE ${REFERENTIAL_ACTIONS[fk.onDelete]} ON UPDATE ${REFERENTIAL_ACTIONS[fk.onUpdate]}`,
    );
  }
  return statements;
}

let database: TestDatabase;
let schema: Catalog;

beforeAll(async () => {
  database = await createTestDatabase();
  schema = await readCatalog(database, 'public');
});

afterAll(async () => {
  await database.pool.query(`DROP SCHEMA IF EXISTS ${SCRATCH} CASCADE`);
  await database.cleanup();
});

describe('the sharding plan against the migrated schema', () => {
  it('places every table of the schema, and only those', () => {
    expect(schema.tables.length).toBeGreaterThan(0);
    expect(placementProblems(PLAN, schema), `${schema.tables.length} tables in the schema`).toEqual([]);
  });

  it('derives each distributed table’s province from a column every row has', () => {
    expect(derivationProblems(PLAN, schema)).toEqual([]);
  });

  it('gives every foreign key a fate Citus accepts, and lists only real keys', () => {
    const { problems, kept } = foreignKeyPlan(PLAN, schema);
    expect(
      [...problems, ...foreignKeyListProblems(PLAN, schema)],
      `${schema.foreignKeys.length} foreign keys, ${kept.length} kept`,
    ).toEqual([]);
  });

  it('says where the national uniqueness of every key it widens is kept', () => {
    expect(uniqueKeyProblems(PLAN, schema), `${schema.uniqueKeys.length} unique keys in the schema`).toEqual([]);
  });

  it('lists only global keys that exist in the schema as it says', () => {
    expect(PLAN.widened.length).toBeGreaterThan(0);
    expect(globalKeyListProblems(PLAN, schema)).toEqual([]);
  });

  it('refuses, naming them, a table left out and a key from a reference table to a distributed one', () => {
    const withoutFeedback = Object.fromEntries(Object.entries(PLAN.tables).filter(([table]) => table !== 'feedback'));
    expect(placementProblems({ ...PLAN, tables: withoutFeedback }, schema)).toEqual([
      'table feedback is not placed in the sharding plan (src/server/db/sharding-plan.ts)',
    ]);
    const actionsAsReference: Plan = { ...PLAN, tables: { ...PLAN.tables, registration_actions: { placement: 'reference' } } };
    const { problems } = foreignKeyPlan(actionsAsReference, schema);
    expect(problems).toContain(
      'foreign key registration_actions_registration_id_registrations_id_fk (registration_actions → registrations) goes from reference table registration_actions to distributed table registrations: Citus refuses it',
    );
    const usersDistributed: Plan = {
      ...PLAN,
      tables: { ...PLAN.tables, users: { placement: 'distributed', provinceFrom: { unitColumn: 'id' } } },
    };
    expect(foreignKeyPlan(usersDistributed, schema).problems).toContain(
      'foreign key grants_user_id_users_id_fk (grants → users) joins coordinator table grants and distributed table users: Citus refuses it; drop it in the plan or place the tables otherwise',
    );
  });
});

describe('the sharded schema, built in a scratch schema', () => {
  let sharded: Catalog;

  it('builds: every key of a distributed table with province_id, every other key as it is', async () => {
    const { problems, kept } = foreignKeyPlan(PLAN, schema);
    expect(problems).toEqual([]);
    await database.pool.query(`DROP SCHEMA IF EXISTS ${SCRATCH} CASCADE`);
    for (const statement of shardedSchemaStatements(PLAN, schema, kept)) {
      try {
        await database.pool.query(statement);
      } catch (error) {
        throw new Error(`PostgreSQL refused the sharded schema at: ${statement}\n${(error as Error).message}`);
      }
    }
    sharded = await readCatalog(database, SCRATCH);
    expect(sharded.tables).toEqual(schema.tables);
  });

  it('has province_id on every distributed table only, never null', () => {
    const problems: string[] = [];
    for (const table of sharded.tables) {
      const column = (sharded.columns.get(table) ?? []).find((candidate) => candidate.name === DISTRIBUTION_COLUMN);
      if (isDistributed(PLAN, table) && !column?.notNull)
        problems.push(`${table} is distributed but has no NOT NULL ${DISTRIBUTION_COLUMN}`);
      if (!isDistributed(PLAN, table) && column) problems.push(`${table} is not distributed but has ${DISTRIBUTION_COLUMN}`);
    }
    expect(problems).toEqual([]);
  });

  it('includes province_id in every unique key and foreign key of each distributed table', () => {
    const distributed = sharded.tables.filter((table) => isDistributed(PLAN, table));
    const uniqueKeys = sharded.uniqueKeys.filter((key) => isDistributed(PLAN, key.table));
    const foreignKeys = sharded.foreignKeys.filter((fk) => isDistributed(PLAN, fk.table) || isDistributed(PLAN, fk.referenced));
    const missing = [
      ...uniqueKeys.filter((key) => !key.columns.includes(DISTRIBUTION_COLUMN)).map((key) => `unique key ${key.name} of ${key.table}`),
      ...foreignKeys
        .filter((fk) => !fk.columns.includes(DISTRIBUTION_COLUMN) && isDistributed(PLAN, fk.referenced))
        .map((fk) => `foreign key ${fk.name} of ${fk.table}: no ${DISTRIBUTION_COLUMN} on the referring side`),
      ...foreignKeys
        .filter(
          (fk) =>
            isDistributed(PLAN, fk.table) && isDistributed(PLAN, fk.referenced) && !fk.referencedColumns.includes(DISTRIBUTION_COLUMN),
        )
        .map((fk) => `foreign key ${fk.name} of ${fk.table}: no ${DISTRIBUTION_COLUMN} on the referenced side`),
    ];
    const widenedForeignKeys = foreignKeys.filter((fk) => isDistributed(PLAN, fk.referenced)).length;
    const summary =
      `${distributed.length} distributed tables: ${uniqueKeys.length} unique keys (primary keys, unique constraints, unique indexes) ` +
      `and ${widenedForeignKeys} foreign keys between distributed tables, each with ${DISTRIBUTION_COLUMN}; ` +
      `${foreignKeys.length - widenedForeignKeys} foreign keys to reference tables kept as they are`;
    expect(missing, summary).toEqual([]);
    expect(uniqueKeys.length, summary).toBeGreaterThan(0);
    expect(widenedForeignKeys, summary).toBeGreaterThan(0);
  });

  it('loses no unique key, and only the foreign keys the plan drops', () => {
    const dropped = schema.foreignKeys.filter((fk) => listed(PLAN.dropped, fk)).map((fk) => fk.name);
    expect(dropped.length).toBe(PLAN.dropped.length);
    const names = (keys: Array<{ table: string; name: string }>) => keys.map((key) => `${key.table}.${key.name}`).sort();
    expect(names(sharded.uniqueKeys), `${schema.uniqueKeys.length} unique keys in the schema`).toEqual(names(schema.uniqueKeys));
    expect(
      names(sharded.foreignKeys),
      `${schema.foreignKeys.length} foreign keys in the schema, ${dropped.length} dropped (${dropped.join(', ')})`,
    ).toEqual(names(schema.foreignKeys.filter((fk) => !listed(PLAN.dropped, fk))));
  });

  it('keeps each partial unique index partial, with the same condition', () => {
    const partial = schema.uniqueKeys.filter((key) => key.definition.includes(' WHERE '));
    for (const key of partial) {
      const copy = sharded.uniqueKeys.find((candidate) => candidate.table === key.table && candidate.name === key.name);
      expect(copy?.definition.slice(copy.definition.indexOf(' WHERE ')), key.name).toBe(
        key.definition.slice(key.definition.indexOf(' WHERE ')),
      );
    }
  });

  it('drops the scratch schema at the end', async () => {
    await database.pool.query(`DROP SCHEMA ${SCRATCH} CASCADE`);
    const left = await database.pool.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [SCRATCH]);
    expect(left.rowCount).toBe(0);
  });
});
