/**
 * Benchmarks: `npm run bench -- <name> [options]`. DATABASE_URL picks PostgreSQL (each benchmark
 * works in a database of its own, created and dropped on that server), otherwise the embedded
 * database. Each prints readable lines and, last, one JSON line with every figure.
 */
type Bench = { describe: string; load(): Promise<(args: string[]) => Promise<void>> };

// Loaded on demand, so naming one benchmark does not load the others' code.
const BENCHES: Record<string, Bench> = {
  tree: {
    describe:
      'national tree: seeding at scale, subtree figures API latency, people import throughput [--units N] [--people M] [--requests R] [--import-rows K] [--profile] [--in-memory]',
    load: async () => (await import('./tree')).runTreeBench,
  },
  registrations: {
    describe:
      'near-duplicate check on a commune of 3,000 registrations; the registration season (C clients over HTTP for S seconds on the national data set, counters recounted); the root registration rate [--clients C] [--seconds S] [--units N] [--people M] [--registrations R] [--server-workers W] [--skip-duplicates] [--skip-season] [--profile-server] [--in-memory]',
    load: async () => (await import('./registrations')).runRegistrationsBench,
  },
  reports: {
    describe:
      'periodic reports: issue a request to every commune and ward committee, fill them all, consolidate, write a DOCX [--units N] [--people M] [--in-memory]',
    load: async () => (await import('./reports')).runReportsBench,
  },
  commendations: {
    describe:
      'commendation on the national data set: C commendations (100,000) with their counters, then over HTTP the root and province figures (p95 < 50 ms) and the public gallery (p95 < 100 ms) [--units N] [--people M] [--commendations C] [--requests R] [--in-memory]',
    load: async () => (await import('./commendations')).runCommendationsBench,
  },
  grading: {
    describe:
      'year-end grading on the national data set: every member and cell of 2025 decided with their counters, then over HTTP the root and province distribution (p95 < 50 ms) and the proposals for a commune of K (3,000) self-reviewed members (< 2 s) [--units N] [--people M] [--commune-members K] [--requests R] [--in-memory]',
    load: async () => (await import('./grading')).runGradingBench,
  },
  inspections: {
    describe:
      'lagging units on the national data set: registrations of 2026 with their counters, near-identical pairs, overdue feedback and remedies, then over HTTP the lagging-units list of the root over every commune, computed afresh each time (p95 < 200 ms) [--units N] [--people M] [--requests R] [--in-memory]',
    load: async () => (await import('./inspections')).runInspectionsBench,
  },
  national: {
    describe:
      'the campaign overview on the national data set with a year of activity: over HTTP the root overview of every metric, a province by child unit, a five-year trend and the first page of the records behind a number [--units N] [--people M] [--requests R] [--in-memory]',
    load: async () => (await import('./national')).runNationalBench,
  },
  durability: {
    describe:
      'the embedded database flushing its writes to disk: N single-row commits in a data folder with and without the flush [--commits N]',
    load: async () => (await import('./durability')).runDurabilityBench,
  },
  'crash-drill': {
    describe:
      'kill -9 during acknowledged writes and during an Excel import apply, restart on the same data: nothing acknowledged lost, nothing half applied, counters equal a recount; embedded database, or PostgreSQL with DATABASE_URL',
    load: async () => (await import('./crash-drill')).runCrashDrillBench,
  },
  'replica-drill': {
    describe:
      'a PostgreSQL primary and a streaming replica built here (initdb, pg_basebackup -R), the app on both: reads go to the replica, writes show on it within the reported lag, reads survive the replica stopping, failover by promotion loses no acknowledged write (run by hand; output in docs/benchmarks/replica-drill.md)',
    load: async () => (await import('./replica-drill')).runReplicaDrill,
  },
  load: {
    describe:
      'the error budget under load: 40 readers of the province figures and 10 writers of report drafts over HTTP for 60 s, /api/health probed meanwhile; embedded database, or PostgreSQL with DATABASE_URL [--readers R] [--writers W] [--seconds S]',
    load: async () => (await import('./load')).runLoadBench,
  },
  reads: {
    describe:
      'many readers on the embedded database: C clients (40) read the province registration figures over HTTP for S seconds (20) while /api/health is probed [--clients C] [--seconds S]',
    load: async () => (await import('./reads')).runReadsBench,
  },
  'import-limits': {
    describe:
      'large import files previewed over HTTP on the embedded database: one under the row limit (99,000 rows) and one over it (300,000): time, answer, liveness meanwhile, server peak memory [--rows R] [--over-rows O]',
    load: async () => (await import('./import-limits')).runImportLimitsBench,
  },
  web: {
    describe:
      'the admin app on a phone (390×844) over 400 kbit/s with 400 ms latency: JavaScript per page, time to a usable sign-in page and dashboard (cold and warm), refusal, public page [--no-build]',
    load: async () => (await import('./web')).runWebBench,
  },
};

async function main(args: string[]): Promise<void> {
  const [name, ...rest] = args;
  const bench = name === undefined ? undefined : BENCHES[name];
  if (!bench) {
    if (name !== undefined) console.error(`Unknown benchmark "${name}".`);
    console.error('Usage: npm run bench -- <name> [options]\n\nAvailable benchmarks:');
    for (const [known, { describe }] of Object.entries(BENCHES)) console.error(`  ${known.padEnd(14)} ${describe}`);
    process.exit(1);
  }
  const run = await bench.load();
  await run(rest);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
