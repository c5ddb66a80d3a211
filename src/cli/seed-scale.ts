/**
 * Seeding at national scale (hundreds of thousands of units, a million people) for load tests and
 * benchmarks. The services create rows one by one and update the counters of every ancestor in
 * each transaction: right for daily work, hours for a national tree. Here rows are written in
 * multi-row statements and the live counters are computed afterwards with set-based SQL, so that
 * they hold exactly what the services would have written (see docs/decisions/0003-scale-seeding.md).
 */
import type pg from 'pg';
import type { DbHandle } from '../server/platform/db/client';
import { generateNationalPeople, generateNationalTree, type NationalTreeOptions } from '../server/demo/national';
import type { GeneratedPerson, GeneratedUnit } from '../server/demo/types';
import { UNIT_METRIC, unitKindMetric } from '../server/modules/units/index';
import { membershipDeltas, personColumns } from '../server/modules/people/index';
import { PERSON_CATEGORIES, UNIT_KINDS } from '../shared/contracts/domain';
import { foldVietnamese, normalizeTonePlacement, vietnameseSortKey } from '../shared/text';

export type SeedScaleOptions = {
  units: number;
  people: number;
  seed?: number;
  /** Communes also get their People's Committee and mass organisations (see NationalTreeOptions). */
  withAgencies?: boolean;
  /** Share of the people who staff those bodies rather than Party units (see NationalPeopleOptions). */
  nonPartyShare?: number;
  /** Where progress lines go; the console by default. */
  log?: (line: string) => void;
};

export type SeedScaleResult = { units: number; people: number; seconds: number };

/** Rows per statement: large enough to amortise a round trip, small enough to keep parameters light. */
const UNIT_CHUNK = 5_000;
const PEOPLE_CHUNK = 5_000;
const UNIT_PROGRESS_EVERY = 50_000;
const PEOPLE_PROGRESS_EVERY = 100_000;

type PlacedUnit = { id: number; path: string; depth: number };

/*
 * One statement per chunk writes the units and their first version: a single round trip, which
 * matters most on the embedded database, where every statement crosses a socket to a worker.
 */
const INSERT_UNITS = `
  WITH data AS (
    SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::int[], $10::date[])
      AS t(id, code, name, search_text, sort_key, kind, parent_id, path, depth, valid_from)
  ), inserted AS (
    INSERT INTO units (id, code, name, search_text, sort_key, kind, parent_id, path, depth, valid_from)
    SELECT id, code, name, search_text, sort_key, kind, parent_id, path::ltree, depth, valid_from FROM data
  )
  INSERT INTO unit_versions (id, unit_id, code, name, kind, parent_id, valid_from)
  SELECT id, id, code, name, kind, parent_id, valid_from FROM data`;

const INSERT_PEOPLE = `
  WITH data AS (
    SELECT * FROM unnest(
      $1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::text[],
      $10::date[], $11::text[], $12::text[], $13::text[], $14::bigint[], $15::text[], $16::boolean[], $17::date[])
      AS t(id, full_name, search_text, sort_key, sex, birth_date, category, card_number, id_number,
           admission_date, phone, email, address, unit_id, position, is_head, from_date)
  ), inserted AS (
    INSERT INTO persons (id, full_name, search_text, sort_key, sex, birth_date, category, card_number, id_number, admission_date, phone, email, address)
    SELECT id, full_name, search_text, sort_key, sex, birth_date, category, card_number, id_number, admission_date, phone, email, address FROM data
  )
  INSERT INTO memberships (id, person_id, unit_id, position, is_head, is_primary, from_date)
  SELECT id, id, unit_id, position, is_head, true, from_date FROM data`;

/*
 * Each unit counts +1 on "units" and on its kind's metric on its founding day, on itself and on
 * every ancestor (createUnitInTx). The path is made of ids, so its labels are the ancestors.
 * Units are totalled per ancestor, kind and day before the metrics are attached: the ancestor
 * expansion, the widest step, then carries one row per unit instead of one per unit and metric.
 */
const FILL_UNIT_COUNTERS = `
  INSERT INTO figure_counters (unit_id, metric, day, delta)
  SELECT totals.unit_id, metrics.metric, totals.day, sum(totals.units)
  FROM (
    SELECT ancestor.id AS unit_id, u.kind, u.valid_from AS day, count(*) AS units
    FROM units u
    CROSS JOIN LATERAL unnest(string_to_array(u.path::text, '.')::bigint[]) AS ancestor(id)
    WHERE u.valid_to IS NULL
    GROUP BY 1, 2, 3
  ) totals
  JOIN unnest($1::text[], $2::text[]) AS metrics(kind, metric) ON metrics.kind = totals.kind
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3`;

/*
 * Each open primary membership counts +1 from its first day on the metrics of its person's
 * category (membershipDeltas), on its unit and every ancestor. Memberships are totalled per unit,
 * category and day first, so the ancestor expansion works on a third of a million totals rather
 * than a million rows, and the metrics are attached last for the same reason as above.
 */
const FILL_MEMBER_COUNTERS = `
  INSERT INTO figure_counters (unit_id, metric, day, delta)
  SELECT totals.unit_id, metrics.metric, totals.day, sum(totals.people)
  FROM (
    SELECT ancestor.id AS unit_id, own.category, own.day, sum(own.people) AS people
    FROM (
      SELECT m.unit_id, p.category, m.from_date AS day, count(*) AS people
      FROM memberships m
      JOIN persons p ON p.id = m.person_id
      WHERE m.is_primary AND m.to_date IS NULL
      GROUP BY 1, 2, 3
    ) own
    JOIN units u ON u.id = own.unit_id
    CROSS JOIN LATERAL unnest(string_to_array(u.path::text, '.')::bigint[]) AS ancestor(id)
    GROUP BY 1, 2, 3
  ) totals
  JOIN unnest($1::text[], $2::text[]) AS metrics(category, metric) ON metrics.category = totals.category
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3`;

/** (kind, metric) pairs as the units service counts them. */
function unitMetricPairs(): [string[], string[]] {
  const kinds: string[] = [];
  const metrics: string[] = [];
  for (const kind of UNIT_KINDS) {
    for (const metric of [UNIT_METRIC, unitKindMetric(kind)]) {
      kinds.push(kind);
      metrics.push(metric);
    }
  }
  return [kinds, metrics];
}

/** (category, metric) pairs taken from membershipDeltas itself, so the rule lives in one place. */
function memberMetricPairs(): [string[], string[]] {
  const categories: string[] = [];
  const metrics: string[] = [];
  for (const category of PERSON_CATEGORIES) {
    for (const change of membershipDeltas('0', category, '2000-01-01', null)) {
      categories.push(category);
      metrics.push(change.metric);
    }
  }
  return [categories, metrics];
}

/** Groups a stream into arrays of `size`. */
function* chunksOf<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * Runs one statement per chunk while the next chunk is being generated: the database works on
 * chunk n while JavaScript builds chunk n + 1, which keeps both of the machine's cores busy.
 */
async function pipelineChunks<T>(
  client: pg.PoolClient,
  chunks: Iterable<T[]>,
  statement: string,
  toParams: (chunk: T[]) => unknown[],
  onWritten: (rows: number) => void,
): Promise<void> {
  let pending: Promise<unknown> | null = null;
  let pendingRows = 0;
  for (const chunk of chunks) {
    const params = toParams(chunk);
    if (pending) {
      await pending;
      onWritten(pendingRows);
    }
    const query = client.query(statement, params);
    // Marked as handled now; the await above rethrows the failure in order.
    query.catch(() => undefined);
    pending = query;
    pendingRows = chunk.length;
  }
  if (pending) {
    await pending;
    onWritten(pendingRows);
  }
}

export function formatCount(value: number): string {
  return value.toLocaleString('vi-VN');
}

function progress(log: (line: string) => void, every: number, label: string, started: number) {
  let done = 0;
  let nextReport = every;
  return {
    add(rows: number) {
      done += rows;
      if (done >= nextReport) {
        const seconds = (performance.now() - started) / 1000;
        log(`  ${label}: ${formatCount(done)} (${seconds.toFixed(1)} s, ${formatCount(Math.round(done / seconds))}/s)`);
        nextReport = (Math.floor(done / every) + 1) * every;
      }
    },
    get done() {
      return done;
    },
  };
}

async function assertEmpty(client: pg.PoolClient): Promise<void> {
  const result = await client.query<{ units: boolean; persons: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM units) AS units, EXISTS (SELECT 1 FROM persons) AS persons',
  );
  const row = result.rows[0];
  if (row?.units || row?.persons) {
    throw new Error(
      'Cơ sở dữ liệu đã có đơn vị hoặc hồ sơ người; chỉ tạo dữ liệu lớn trong cơ sở dữ liệu trống. Hãy dùng một cơ sở dữ liệu mới (hoặc một thư mục DATA_DIR mới).',
    );
  }
}

/** The tables written row by row here; their secondary indexes and foreign keys are set aside. */
const LOADED_TABLES = ['units', 'unit_versions', 'persons', 'memberships'];

/*
 * Maintaining a btree, GiST or trigram index row by row, in random key order, and checking two
 * foreign keys per membership, cost more than writing the rows themselves. Building an index once
 * over the loaded table (a sort) and validating a foreign key once (one anti-join) is several
 * times faster, which is how pg_restore loads too. The definitions are read from the catalog, so
 * they come back exactly as the migrations made them; all of it happens in the seeding
 * transaction, so a failure leaves the schema untouched. Primary keys stay: ids arrive in order.
 */
const SET_ASIDE_STATEMENTS = `
  SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname) AS drop_statement,
         format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) AS restore_statement,
         'foreign key' AS what
  FROM pg_constraint c
  WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[])
  UNION ALL
  SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid), 'index'
  FROM pg_index i
  WHERE i.indrelid = ANY($1::regclass[])
    AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))`;

type SetAside = { drop_statement: string; restore_statement: string; what: 'foreign key' | 'index' };

async function setAsideIndexesAndForeignKeys(client: pg.PoolClient): Promise<SetAside[]> {
  const rows = (await client.query<SetAside>(SET_ASIDE_STATEMENTS, [LOADED_TABLES])).rows;
  // Foreign keys go first: dropping an index a constraint leans on would fail.
  const ordered = [...rows.filter((row) => row.what === 'foreign key'), ...rows.filter((row) => row.what === 'index')];
  for (const row of ordered) await client.query(row.drop_statement);
  return ordered;
}

async function restoreIndexesAndForeignKeys(client: pg.PoolClient, setAside: SetAside[]): Promise<void> {
  // Indexes first, then foreign keys, each validated once over the whole table.
  for (const row of [...setAside].reverse()) await client.query(row.restore_statement);
}

/** Sets each bigserial past the ids written here, so later inserts by the services do not collide. */
async function advanceSequences(client: pg.PoolClient): Promise<void> {
  for (const table of ['units', 'unit_versions', 'persons', 'memberships']) {
    await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), COALESCE((SELECT max(id) FROM ${table}), 0) + 1, false)`, [table]);
  }
}

type Log = (line: string) => void;

const secondsSince = (started: number): string => ((performance.now() - started) / 1000).toFixed(1);

/** Unit rows as createUnitInTx writes them, with ids and paths assigned here, parent first. */
function unitParams(chunk: GeneratedUnit[], placed: Map<string, PlacedUnit>, firstId: number): unknown[] {
  const id: number[] = [],
    code: string[] = [],
    name: string[] = [],
    searchText: string[] = [],
    sortKey: string[] = [];
  const kind: string[] = [],
    parentId: Array<number | null> = [],
    path: string[] = [],
    depth: number[] = [],
    validFrom: string[] = [];
  chunk.forEach((unit, index) => {
    const unitCode = unit.code.trim();
    const unitName = normalizeTonePlacement(unit.name.trim());
    const parent = unit.parentCode === null ? undefined : placed.get(unit.parentCode);
    if (unit.parentCode !== null && !parent) throw new Error(`Unit ${unitCode} comes before its parent ${unit.parentCode}`);
    const unitId = firstId + index;
    const place: PlacedUnit = parent
      ? { id: unitId, path: `${parent.path}.${unitId}`, depth: parent.depth + 1 }
      : { id: unitId, path: String(unitId), depth: 0 };
    placed.set(unitCode, place);
    id.push(unitId);
    code.push(unitCode);
    name.push(unitName);
    searchText.push(foldVietnamese(`${unitName} ${unitCode}`));
    sortKey.push(vietnameseSortKey(unitName));
    kind.push(unit.kind);
    parentId.push(parent?.id ?? null);
    path.push(place.path);
    depth.push(place.depth);
    validFrom.push(unit.validFrom);
  });
  return [id, code, name, searchText, sortKey, kind, parentId, path, depth, validFrom];
}

/** Person and membership rows; personColumns is what the people service writes, so names, search text and sort keys match. */
function personParams(chunk: GeneratedPerson[], placed: Map<string, PlacedUnit>, firstId: number): unknown[] {
  const id: number[] = [],
    fullName: string[] = [],
    searchText: string[] = [],
    sortKey: string[] = [],
    sex: string[] = [];
  const birthDate: Array<string | null> = [],
    category: string[] = [],
    cardNumber: Array<string | null> = [],
    idNumber: Array<string | null> = [];
  const admissionDate: Array<string | null> = [],
    phone: Array<string | null> = [],
    email: Array<string | null> = [],
    address: Array<string | null> = [];
  const unitId: number[] = [],
    position: string[] = [],
    isHead: boolean[] = [],
    fromDate: string[] = [];
  chunk.forEach((person, index) => {
    const unit = placed.get(person.unitCode);
    if (!unit) throw new Error(`Person placed in unknown unit ${person.unitCode}`);
    const row = personColumns(person);
    id.push(firstId + index);
    fullName.push(row.fullName);
    searchText.push(row.searchText);
    sortKey.push(row.sortKey);
    sex.push(row.sex);
    birthDate.push(row.birthDate);
    category.push(row.category);
    cardNumber.push(row.cardNumber);
    idNumber.push(row.idNumber);
    admissionDate.push(row.admissionDate);
    phone.push(row.phone);
    email.push(row.email);
    address.push(row.address);
    unitId.push(unit.id);
    position.push(person.position);
    isHead.push(person.isHead);
    fromDate.push(person.fromDate);
  });
  return [
    id,
    fullName,
    searchText,
    sortKey,
    sex,
    birthDate,
    category,
    cardNumber,
    idNumber,
    admissionDate,
    phone,
    email,
    address,
    unitId,
    position,
    isHead,
    fromDate,
  ];
}

async function writeUnits(client: pg.PoolClient, tree: NationalTreeOptions, placed: Map<string, PlacedUnit>, log: Log): Promise<number> {
  log(`Tạo cây đơn vị (khoảng ${formatCount(tree.scaleUnits)} đơn vị)…`);
  const started = performance.now();
  const counter = progress(log, UNIT_PROGRESS_EVERY, 'đơn vị', started);
  let nextId = 1;
  await pipelineChunks(
    client,
    chunksOf(generateNationalTree(tree), UNIT_CHUNK),
    INSERT_UNITS,
    (chunk) => {
      const params = unitParams(chunk, placed, nextId);
      nextId += chunk.length;
      return params;
    },
    (rows) => counter.add(rows),
  );
  log(`Đã ghi ${formatCount(counter.done)} đơn vị (${secondsSince(started)} s).`);
  return counter.done;
}

async function writePeople(
  client: pg.PoolClient,
  tree: NationalTreeOptions,
  spread: { count: number; nonPartyShare?: number },
  placed: Map<string, PlacedUnit>,
  log: Log,
): Promise<number> {
  const { count, nonPartyShare } = spread;
  if (count <= 0) return 0;
  log(`Tạo ${formatCount(count)} hồ sơ người…`);
  const started = performance.now();
  const counter = progress(log, PEOPLE_PROGRESS_EVERY, 'người', started);
  // People are spread over every unit below the Centre, replaying the same tree instead of keeping it.
  const targets = function* () {
    for (const unit of generateNationalTree(tree)) if (unit.kind !== 'central') yield unit;
  };
  let nextId = 1;
  const people = generateNationalPeople({ count, seed: tree.seed, units: targets, nonPartyShare });
  await pipelineChunks(
    client,
    chunksOf(people, PEOPLE_CHUNK),
    INSERT_PEOPLE,
    (chunk) => {
      const params = personParams(chunk, placed, nextId);
      nextId += chunk.length;
      return params;
    },
    (rows) => counter.add(rows),
  );
  log(`Đã ghi ${formatCount(counter.done)} người (${secondsSince(started)} s).`);
  return counter.done;
}

async function fillCounters(client: pg.PoolClient, log: Log): Promise<void> {
  const started = performance.now();
  await client.query(FILL_UNIT_COUNTERS, unitMetricPairs());
  await client.query(FILL_MEMBER_COUNTERS, memberMetricPairs());
  const rows = await client.query<{ count: number }>('SELECT count(*) AS count FROM figure_counters');
  log(`Đã tính ${formatCount(Number(rows.rows[0]?.count ?? 0))} dòng số liệu tổng hợp (${secondsSince(started)} s).`);
}

/** Fills an empty database with a national tree and its people; prints progress as it goes. */
export async function seedAtScale(handle: DbHandle, options: SeedScaleOptions): Promise<SeedScaleResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (!Number.isFinite(options.units) || options.units <= 0) throw new Error('Số đơn vị (--scale) phải là một số dương.');
  if (!Number.isFinite(options.people) || options.people < 0) throw new Error('Số người (--people) phải là một số không âm.');
  const started = performance.now();
  const tree = { scaleUnits: options.units, seed: options.seed ?? 1, withAgencies: options.withAgencies ?? false };
  // code → id, path and depth of every unit written: children and people find their unit here.
  const placed = new Map<string, PlacedUnit>();
  let units = 0;
  let people = 0;

  const client = await handle.pool.connect();
  try {
    await client.query('BEGIN');
    // Keeps a second seeding run from interleaving with this one between the check and the inserts.
    await client.query('LOCK TABLE units, persons IN SHARE ROW EXCLUSIVE MODE');
    await assertEmpty(client);
    // Room for the sorts and hashes of index builds and counter totals, which otherwise spill to
    // disk (4 MB by default). PGlite, in its worker, handles this much at 1,000,000 people.
    await client.query(`SET LOCAL work_mem = '256MB'`);
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    // Compiling these one-off queries costs more than it saves (PGlite has no JIT; the setting is harmless there).
    await client.query('SET LOCAL jit = off');
    const setAside = await setAsideIndexesAndForeignKeys(client);

    units = await writeUnits(client, tree, placed, log);
    people = await writePeople(client, tree, { count: Math.floor(options.people), nonPartyShare: options.nonPartyShare }, placed, log);

    const indexesStarted = performance.now();
    await restoreIndexesAndForeignKeys(client, setAside);
    const indexes = setAside.filter((row) => row.what === 'index').length;
    log(`Đã dựng lại ${indexes} chỉ mục và kiểm tra ${setAside.length - indexes} khóa ngoại (${secondsSince(indexesStarted)} s).`);

    await fillCounters(client, log);
    await advanceSequences(client);
    await client.query(
      `INSERT INTO audit_log (actor_name, action, entity_type, entity_id, after) VALUES ($1, 'seed.scale', 'system', 'seed', $2::jsonb)`,
      ['Dòng lệnh (CLI)', JSON.stringify({ units, people, seed: tree.seed })],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }

  // Fresh statistics let the planner use the indexes at once, and a vacuum sets hint bits and the
  // visibility map, so the first readers do not write pages: what autovacuum would do later.
  const maintenanceStarted = performance.now();
  await handle.pool.query('VACUUM (ANALYZE) units, unit_versions, persons, memberships, figure_counters, figure_counter_months');
  log(`Đã cập nhật thống kê cho bộ lập kế hoạch truy vấn (${secondsSince(maintenanceStarted)} s).`);

  const seconds = (performance.now() - started) / 1000;
  log(`Xong: ${formatCount(units)} đơn vị, ${formatCount(people)} người trong ${seconds.toFixed(1)} s.`);
  return { units, people, seconds };
}
