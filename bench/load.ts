/**
 * `npm run bench -- load [--readers R] [--writers W] [--seconds S]`: the error budget under load.
 * R clients (40) read the province's subtree figures and W clients (10) save report drafts (each
 * its own unit's answer, so no edit conflicts) as fast as they can for S seconds (60), over HTTP
 * against the server as `npm start` runs it with the demo data, while another client asks
 * /api/health every 20 ms. On the embedded database, or with DATABASE_URL on a fresh PostgreSQL
 * database of that server. Target: 0 errors, /api/health p95 < 50 ms meanwhile; the last readable
 * line is the verdict, and a miss ends the run with exit code 1 (after the JSON line).
 */
import { loadavg } from 'node:os';
import { startApp } from '../e2e/harness';
import { BenchHttpClient } from './http-client';
import { numberOption, openBenchDatabase, percentile, round, signInOverHttp } from './support';

const PASSWORD = 'NoiGuong@2026';
/** The error budget: no failed request, and the health probe answers quickly meanwhile. */
const HEALTH_P95_LIMIT_MS = 50;

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 0.5), 1), p95: round(percentile(sorted, 0.95), 1), p99: round(percentile(sorted, 0.99), 1) };
}

type Answer = { id: number; version: number; unit: { name: string } };

/** The open request of this quarter in the demo, and its answers (one per unit below the province). */
async function openAnswers(baseUrl: string, cookie: string, unitId: number): Promise<Answer[]> {
  const response = await fetch(`${baseUrl}/api/report-requests?unitId=${unitId}&page=1&pageSize=50`, { headers: { cookie } });
  if (!response.ok) throw new Error(`Listing the report requests answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  const list = (await response.json()) as { items: Array<{ id: number; periodTo: string }> };
  const open = [...list.items].sort((a, b) => b.periodTo.localeCompare(a.periodTo))[0];
  if (!open) throw new Error('The demo has no report request');
  const request = (await (await fetch(`${baseUrl}/api/report-requests/${open.id}`, { headers: { cookie } })).json()) as {
    answers: Answer[];
  };
  return request.answers;
}

function draftBody(version: number, round: number) {
  return {
    narrative: { results: `Tổ chức học tập chuyên đề cho cán bộ, đảng viên (bản nháp lần ${round}).` },
    manualValues: { good_examples: String(round % 20) },
    figureNotes: {},
    recommendations: [],
    fileIds: [],
    version,
  };
}

export async function runLoadBench(args: string[]): Promise<void> {
  const readers = numberOption(args, '--readers', 40);
  const writers = numberOption(args, '--writers', 10);
  const seconds = numberOption(args, '--seconds', 60);
  const loadAtStart = loadavg()[0] ?? 0;
  const database = process.env.DATABASE_URL ? await openBenchDatabase({ inMemory: false }) : undefined;
  // The server prepares its database itself, as on a first start.
  await database?.handle.close();
  // A server that does not start must not leave the bench's PostgreSQL database behind.
  const app = await startApp({ databaseUrl: database?.url }).catch(async (error: unknown) => {
    await database?.dispose();
    throw error;
  });
  try {
    const { cookie, csrfToken } = await signInOverHttp(app.baseUrl, 'tuyengiao.tinh', PASSWORD);
    const me = (await (await fetch(`${app.baseUrl}/api/auth/me`, { headers: { cookie } })).json()) as {
      grants: Array<{ unitId: number; unitName: string }>;
    };
    const province = me.grants[0]!;
    const answers = (await openAnswers(app.baseUrl, cookie, province.unitId)).slice(0, writers);
    const readPath = `/api/figures?unitId=${province.unitId}`;
    console.log(
      `load on ${database ? database.label : 'the embedded database'} (load average ${loadAtStart.toFixed(1)}): ${readers} clients read ${readPath} (${province.unitName}), ` +
        `${answers.length} save report drafts, for ${seconds} s; /api/health every 20 ms meanwhile`,
    );
    const http = new BenchHttpClient(app.baseUrl, readers + answers.length);
    const prober = new BenchHttpClient(app.baseUrl, 1);
    const readTimes: number[] = [];
    const writeTimes: number[] = [];
    const healthTimes: number[] = [];
    const failures = new Map<string, number>();
    const fail = (what: string) => failures.set(what, (failures.get(what) ?? 0) + 1);
    const started = performance.now();
    const deadline = started + seconds * 1000;
    const reader = async () => {
      while (performance.now() < deadline) {
        const answer = await http.request('GET', readPath, { cookie });
        if (answer.status !== 200) fail(`read ${answer.status}`);
        readTimes.push(answer.milliseconds);
      }
    };
    const writer = async (answer: Answer) => {
      let version = answer.version;
      for (let round = 1; performance.now() < deadline; round++) {
        const saved = await http.request(
          'PATCH',
          `/api/report-answers/${answer.id}`,
          { cookie, 'x-csrf-token': csrfToken },
          draftBody(version, round),
        );
        writeTimes.push(saved.milliseconds);
        if (saved.status !== 200) {
          fail(`write ${saved.status} ${saved.body.slice(0, 120)}`);
          break;
        }
        version = (JSON.parse(saved.body) as { version: number }).version;
      }
    };
    const probe = async () => {
      while (performance.now() < deadline) {
        const answer = await prober.request('GET', '/api/health', {});
        if (answer.status !== 200) fail(`health ${answer.status}`);
        healthTimes.push(answer.milliseconds);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await Promise.all([...Array.from({ length: readers }, reader), ...answers.map(writer), probe()]);
    const elapsed = (performance.now() - started) / 1000;
    http.close();
    prober.close();
    const reads = summary(readTimes);
    const writes = summary(writeTimes);
    const health = summary(healthTimes);
    const errors = [...failures.values()].reduce((sum, count) => sum + count, 0);
    console.log(
      `reads: ${round(readTimes.length / elapsed, 0)} requests/s, p50 ${reads.p50} ms, p95 ${reads.p95} ms, p99 ${reads.p99} ms (${readTimes.length})`,
    );
    console.log(
      `writes: ${round(writeTimes.length / elapsed, 0)} saves/s, p50 ${writes.p50} ms, p95 ${writes.p95} ms, p99 ${writes.p99} ms (${writeTimes.length})`,
    );
    console.log(`/api/health meanwhile: p50 ${health.p50} ms, p95 ${health.p95} ms, p99 ${health.p99} ms (${healthTimes.length} probes)`);
    console.log(
      errors === 0 ? 'errors: none' : `errors: ${errors} — ${[...failures].map(([what, count]) => `${count} × ${what}`).join('; ')}`,
    );
    const misses = [
      ...(errors > 0 ? [`${errors} errors (budget 0)`] : []),
      ...(health.p95 >= HEALTH_P95_LIMIT_MS ? [`/api/health p95 ${health.p95} ms (budget < ${HEALTH_P95_LIMIT_MS} ms)`] : []),
    ];
    console.log(
      misses.length === 0
        ? `verdict: PASS (0 errors, /api/health p95 ${health.p95} ms < ${HEALTH_P95_LIMIT_MS} ms)`
        : `verdict: FAIL — ${misses.join('; ')}`,
    );
    console.log(
      JSON.stringify({
        bench: 'load',
        db: database ? 'postgres' : 'pglite',
        readers,
        writers: answers.length,
        seconds,
        reads_per_s: round(readTimes.length / elapsed, 0),
        read_p95_ms: reads.p95,
        read_p99_ms: reads.p99,
        writes_per_s: round(writeTimes.length / elapsed, 0),
        write_p95_ms: writes.p95,
        write_p99_ms: writes.p99,
        health_p95_ms: health.p95,
        health_p99_ms: health.p99,
        errors,
        load_avg_start: round(loadAtStart, 2),
        load_avg_end: round(loadavg()[0] ?? 0, 2),
        verdict: misses.length === 0 ? 'pass' : 'fail',
      }),
    );
    if (misses.length > 0) process.exitCode = 1;
  } finally {
    await app.stop();
    await database?.dispose();
  }
}
