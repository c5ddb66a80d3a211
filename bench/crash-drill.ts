/**
 * `npm run bench -- crash-drill`: the server is killed with SIGKILL (kill -9: no shutdown, no
 * flush) in the middle of work and started again on the same data, which must open, keep every
 * write it acknowledged and hold nothing half-applied:
 *  1. acknowledged writes — 4 clients create units one after another; killed after a few seconds;
 *     every unit whose creation was answered 201 must exist after the restart;
 *  2. an Excel import apply — 20,000 people previewed, then killed while the apply runs; after the
 *     restart either all 20,000 are there or none (one transaction); if none, the same batch applies whole;
 *  3. a bulk approval of up to 200 registrations — killed while it runs; after the restart either
 *     all of them are approved or none (one transaction), and the approved counter equals a recount;
 *  4. after the restarts the live member counter of the province equals a recount.
 * On the embedded database (the data folder as `npm start` keeps it), or with DATABASE_URL on a
 * fresh PostgreSQL database of that server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { kill9, startServer, type Server } from './app-process';
import { writePeopleWorkbook, type PersonExportRow } from '../src/server/modules/imports/excel/write';
import { multipartBody } from '../test/helpers/session';
import { openBenchDatabase, round, signInOverHttp } from './support';

const PASSWORD = 'NoiGuong@2026';
type Session = { cookie: string; csrfToken: string };
const json = (session: Session) => ({ cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' });

async function get<T>(server: Server, session: Session, url: string): Promise<T> {
  const response = await fetch(`${server.baseUrl}${url}`, { headers: { cookie: session.cookie } });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return (await response.json()) as T;
}

/** The province's live member figure and a recount of its people through the people search. */
async function membersCheck(server: Server, session: Session, provinceId: number): Promise<{ counter: number; recount: number }> {
  const figures = await get<{ figures: { members: number } }>(server, session, `/api/figures?unitId=${provinceId}`);
  const people = await get<{ total: number }>(server, session, `/api/people?unitId=${provinceId}&includeSubtree=true&page=1&pageSize=1`);
  return { counter: figures.figures.members, recount: people.total };
}

const APPROVED_STATUSES = ['approved', 'published', 'in_progress', 'self_assessed', 'reviewed', 'closed'];

/** Registrations of the year in the approved bucket, counted from the lists (not from the counters). */
async function approvedRecount(server: Server, session: Session, unitId: number, year: number): Promise<number> {
  let total = 0;
  for (const status of APPROVED_STATUSES) {
    total += (
      await get<{ total: number }>(server, session, `/api/registrations?year=${year}&unitId=${unitId}&status=${status}&page=1&pageSize=1`)
    ).total;
  }
  return total;
}

async function drillAcknowledgedWrites(server: Server, session: Session, provinceId: number, runMs: number) {
  const acknowledged: string[] = [];
  let attempted = 0;
  let stop = false;
  const writer = async (lane: number) => {
    for (let serial = 0; !stop; serial++) {
      const code = `DRILL-${lane}-${serial}`;
      attempted += 1;
      const response = await fetch(`${server.baseUrl}/api/units`, {
        method: 'POST',
        headers: json(session),
        body: JSON.stringify({ code, name: `Chi bộ diễn tập ${lane}-${serial}`, kind: 'cell', parentId: provinceId }),
      }).catch(() => null);
      if (response?.status === 201) acknowledged.push(code);
      else if (response) await response.text();
      else return;
    }
  };
  const writers = [0, 1, 2, 3].map(writer);
  await new Promise((resolve) => setTimeout(resolve, runMs));
  await kill9(server);
  stop = true;
  await Promise.allSettled(writers);
  return { acknowledged, attempted };
}

function importRows(count: number, cellCode: string, cellName: string): PersonExportRow[] {
  return Array.from({ length: count }, (_, index) => ({
    fullName: `Người Diễn Tập ${index + 1}`,
    sex: index % 2 ? 'female' : 'male',
    birthDate: '1990-05-06',
    category: 'party_member',
    cardNumber: `77${String(index).padStart(8, '0')}`,
    idNumber: `098${String(index).padStart(9, '0')}`,
    admissionDate: '2015-03-02',
    phone: null,
    email: null,
    address: null,
    unitCode: cellCode,
    unitName: cellName,
    position: 'party_member',
    isHead: false,
    fromDate: '2025-07-01',
  }));
}

export async function runCrashDrillBench(): Promise<void> {
  const loadAtStart = loadavg()[0] ?? 0;
  const database = process.env.DATABASE_URL ? await openBenchDatabase({ inMemory: false }) : undefined;
  await database?.handle.close();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'noiguong-drill-'));
  const env: Record<string, string> = database
    ? { DATABASE_URL: database.url! }
    : { DATABASE_URL: '', DATA_DIR: path.join(dataDir, 'data') };
  console.log(
    `crash drill on ${database ? database.label : `the embedded database in ${env.DATA_DIR}`} (load average ${loadAtStart.toFixed(1)})`,
  );
  const problems: string[] = [];
  try {
    let server = await startServer(env);
    let session = await signInOverHttp(server.baseUrl, 'admin', PASSWORD);
    const me = await get<{ grants: Array<{ unitId: number }> }>(server, session, '/api/auth/me');
    const provinceId = me.grants[0]!.unitId;
    const before = await membersCheck(server, session, provinceId);

    // 1. Acknowledged writes, killed mid-stream.
    const writes = await drillAcknowledgedWrites(server, session, provinceId, 4000);
    let started = performance.now();
    server = await startServer(env);
    const restartSeconds = (performance.now() - started) / 1000;
    session = await signInOverHttp(server.baseUrl, 'admin', PASSWORD);
    const found = await get<{ items: Array<{ code: string }>; total: number }>(
      server,
      session,
      `/api/units?q=DRILL&includeClosed=true&page=1&pageSize=100&under=${provinceId}`,
    );
    const total = found.total;
    let lost = 0;
    for (const code of writes.acknowledged) {
      const hit = await get<{ items: Array<{ code: string }> }>(
        server,
        session,
        `/api/units?q=${encodeURIComponent(code)}&includeClosed=true&page=1&pageSize=5`,
      );
      if (!hit.items.some((item) => item.code === code)) lost += 1;
    }
    console.log(
      `1. acknowledged writes: ${writes.acknowledged.length} units answered 201 of ${writes.attempted} sent before kill -9; after the restart (${restartSeconds.toFixed(1)} s) ${total} exist, ${lost} acknowledged lost`,
    );
    if (lost > 0) problems.push(`${lost} acknowledged units lost`);
    if (total < writes.acknowledged.length || total > writes.attempted)
      problems.push(`${total} drill units after the restart, ${writes.acknowledged.length}–${writes.attempted} expected`);

    // 2. An import apply, killed while it runs.
    const cells = await get<{ items: Array<{ id: number; code: string; name: string }> }>(
      server,
      session,
      `/api/units?kind=cell&under=${provinceId}&page=1&pageSize=1`,
    );
    const cell = cells.items[0]!;
    const rows = importRows(20_000, cell.code, cell.name);
    const file = await writePeopleWorkbook(rows, { includePersonal: true });
    const upload = multipartBody({ fileName: 'dien-tap.xlsx', content: file });
    const preview = await fetch(`${server.baseUrl}/api/imports/people/preview`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...upload.headers },
      body: new Uint8Array(upload.payload),
    });
    const batch = (await preview.json()) as { batchId: string; creates: number };
    if (batch.creates !== rows.length) throw new Error(`The drill import previewed ${batch.creates} creates, not ${rows.length}`);
    const applying = fetch(`${server.baseUrl}/api/imports/${batch.batchId}/apply`, {
      method: 'POST',
      headers: json(session),
      body: '{}',
    }).then(
      (response) => response.status,
      () => 'killed',
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await kill9(server);
    const applyAnswer = await applying;
    started = performance.now();
    server = await startServer(env);
    const restartAfterImport = (performance.now() - started) / 1000;
    session = await signInOverHttp(server.baseUrl, 'admin', PASSWORD);
    const imported = (
      await get<{ total: number }>(
        server,
        session,
        `/api/people?unitId=${cell.id}&q=${encodeURIComponent('Người Diễn Tập')}&page=1&pageSize=1`,
      )
    ).total;
    console.log(
      `2. import apply of ${rows.length} people killed after 1.5 s (the apply answered: ${applyAnswer}); after the restart (${restartAfterImport.toFixed(1)} s) ${imported} of them exist`,
    );
    if (imported !== 0 && imported !== rows.length) problems.push(`the import is half applied: ${imported} of ${rows.length}`);
    let reapplied = imported;
    if (imported === 0) {
      // Nothing was written: the same previewed batch applies now, whole.
      const again = await fetch(`${server.baseUrl}/api/imports/${batch.batchId}/apply`, {
        method: 'POST',
        headers: json(session),
        body: '{}',
      });
      const answer = await again.text();
      if (again.status !== 200) problems.push(`re-applying the batch answered ${again.status}: ${answer.slice(0, 200)}`);
      reapplied = (
        await get<{ total: number }>(
          server,
          session,
          `/api/people?unitId=${cell.id}&q=${encodeURIComponent('Người Diễn Tập')}&page=1&pageSize=1`,
        )
      ).total;
      console.log(`   the same batch applied after the restart: ${again.status}, ${reapplied} people now`);
      if (reapplied !== rows.length) problems.push(`re-applied batch left ${reapplied} of ${rows.length}`);
    }

    // 3. A bulk approval (one transaction, a savepoint per registration), killed while it runs.
    const year = new Date().getFullYear();
    const pending = await get<{ items: Array<{ id: number; version: number }> }>(
      server,
      session,
      `/api/registrations?year=${year}&unitId=${provinceId}&status=submitted&page=1&pageSize=200`,
    );
    const chosen = pending.items.map((item) => ({ id: item.id, version: item.version }));
    const approvedBefore = await approvedRecount(server, session, provinceId, year);
    const approving = fetch(`${server.baseUrl}/api/registrations/approve`, {
      method: 'POST',
      headers: json(session),
      body: JSON.stringify({ items: chosen }),
    }).then(
      (response) => response.status,
      () => 'killed',
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    await kill9(server);
    const approveAnswer = await approving;
    server = await startServer(env);
    session = await signInOverHttp(server.baseUrl, 'admin', PASSWORD);
    const approvedAfter = await approvedRecount(server, session, provinceId, year);
    const approvedFigure = (
      await get<{ figures: { approved: number } }>(server, session, `/api/registration-figures?unitId=${provinceId}&year=${year}`)
    ).figures.approved;
    const newlyApproved = approvedAfter - approvedBefore;
    console.log(
      `3. bulk approval of ${chosen.length} registrations killed after 0.15 s (it answered: ${approveAnswer}); after the restart ${newlyApproved} more are approved; approved counter ${approvedFigure}, recount ${approvedAfter}`,
    );
    if (approveAnswer === 'killed' && newlyApproved !== 0 && newlyApproved !== chosen.length)
      problems.push(`the bulk approval is half applied: ${newlyApproved} of ${chosen.length}`);
    if (approvedFigure !== approvedAfter) problems.push(`approved counter ${approvedFigure}, recount ${approvedAfter}`);

    // 4. The live counters still equal a recount.
    const after = await membersCheck(server, session, provinceId);
    const expectedMembers = before.recount + reapplied;
    console.log(
      `4. province members: counter ${after.counter}, recount ${after.recount} (before the drills ${before.counter}/${before.recount})`,
    );
    if (after.counter !== after.recount || after.recount !== expectedMembers)
      problems.push(`members counter ${after.counter}, recount ${after.recount}, expected ${expectedMembers}`);
    await kill9(server);

    console.log(
      problems.length === 0
        ? 'drill passed: nothing acknowledged was lost, nothing was half applied, the data opened after every kill'
        : `drill FAILED: ${problems.join('; ')}`,
    );
    console.log(
      JSON.stringify({
        bench: 'crash-drill',
        db: database ? 'postgres' : 'pglite',
        acknowledged_writes: writes.acknowledged.length,
        acknowledged_lost: lost,
        import_rows: rows.length,
        import_rows_after_kill: imported,
        half_applied: imported !== 0 && imported !== rows.length,
        bulk_approval_items: chosen.length,
        bulk_approval_applied_after_kill: newlyApproved,
        counter_mismatches: (after.counter === after.recount ? 0 : 1) + (approvedFigure === approvedAfter ? 0 : 1),
        restart_s: round(restartSeconds, 1),
        problems: problems.length,
        load_avg_start: round(loadAtStart, 2),
        load_avg_end: round(loadavg()[0] ?? 0, 2),
      }),
    );
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await database?.dispose();
  }
}
