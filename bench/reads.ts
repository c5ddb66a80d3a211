/**
 * Many readers on the embedded database: C clients (40) ask for the registration figures of the
 * province over HTTP for S seconds while another asks /api/health every 20 ms, against the server
 * as `npm start` runs it (demo data, PGlite). Twice: as fast as they can (the ceiling), then paced
 * to R requests/s in all (500, the target load), where latency is what a user meets.
 */
import { loadavg } from 'node:os';
import { startApp } from '../e2e/harness';
import { BenchHttpClient } from './http-client';
import { numberOption, percentile, round, signInOverHttp } from './support';

const PASSWORD = 'NoiGuong@2026';

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 0.5), 1), p95: round(percentile(sorted, 0.95), 1), p99: round(percentile(sorted, 0.99), 1) };
}

type Phase = {
  rate: number;
  figures: ReturnType<typeof summary>;
  health: ReturnType<typeof summary>;
  requests: number;
  probes: number;
  errors: number;
};

/** C clients read `path` for `seconds`; with `rate`, each waits its turn so that all together send `rate` per second. */
async function readPhase(
  baseUrl: string,
  path: string,
  cookie: string,
  clients: number,
  seconds: number,
  rate: number | null,
): Promise<Phase> {
  const readers = new BenchHttpClient(baseUrl, clients);
  const prober = new BenchHttpClient(baseUrl, 1);
  const figureTimes: number[] = [];
  const healthTimes: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const interval = rate ? (clients * 1000) / rate : 0;
  const reader = async (index: number) => {
    let next = started + (interval * index) / clients;
    while (performance.now() < deadline) {
      if (interval > 0) {
        const wait = next - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        next += interval;
      }
      const answer = await readers.request('GET', path, { cookie });
      if (answer.status !== 200) errors += 1;
      figureTimes.push(answer.milliseconds);
    }
  };
  const probe = async () => {
    while (performance.now() < deadline) {
      const answer = await prober.request('GET', '/api/health', {});
      if (answer.status !== 200) errors += 1;
      healthTimes.push(answer.milliseconds);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await Promise.all([...Array.from({ length: clients }, (_, index) => reader(index)), probe()]);
  const elapsed = (performance.now() - started) / 1000;
  readers.close();
  prober.close();
  return {
    rate: round(figureTimes.length / elapsed, 0),
    figures: summary(figureTimes),
    health: summary(healthTimes),
    requests: figureTimes.length,
    probes: healthTimes.length,
    errors,
  };
}

function report(title: string, phase: Phase): void {
  console.log(
    `${title}: registration figures ${phase.rate} requests/s, p50 ${phase.figures.p50} ms, p95 ${phase.figures.p95} ms, p99 ${phase.figures.p99} ms ` +
      `(${phase.requests} requests, ${phase.errors} errors); /api/health p50 ${phase.health.p50} ms, p95 ${phase.health.p95} ms (${phase.probes} probes)`,
  );
}

export async function runReadsBench(args: string[]): Promise<void> {
  const clients = numberOption(args, '--clients', 40);
  const seconds = numberOption(args, '--seconds', 20);
  const rate = numberOption(args, '--rate', 500);
  const loadAtStart = loadavg()[0] ?? 0;
  const app = await startApp();
  try {
    const { cookie } = await signInOverHttp(app.baseUrl, 'tuyengiao.tinh', PASSWORD);
    const me = (await (await fetch(`${app.baseUrl}/api/auth/me`, { headers: { cookie } })).json()) as {
      grants: Array<{ unitId: number; unitName: string }>;
    };
    const unit = me.grants[0]!;
    const path = `/api/registration-figures?unitId=${unit.unitId}&year=${new Date().getFullYear()}`;
    console.log(`${clients} clients read ${path} (${unit.unitName}) for ${seconds} s; /api/health every 20 ms meanwhile`);
    const saturated = await readPhase(app.baseUrl, path, cookie, clients, seconds, null);
    report('as fast as they can', saturated);
    const paced = await readPhase(app.baseUrl, path, cookie, clients, seconds, rate);
    report(`paced to ${rate} requests/s`, paced);
    console.log(
      JSON.stringify({
        clients,
        seconds,
        max_figures_requests_per_s: saturated.rate,
        max_figures_p95_ms: saturated.figures.p95,
        max_health_p95_ms: saturated.health.p95,
        paced_requests_per_s: paced.rate,
        figures_p50_ms: paced.figures.p50,
        figures_p95_ms: paced.figures.p95,
        figures_p99_ms: paced.figures.p99,
        health_p50_ms: paced.health.p50,
        health_p95_ms: paced.health.p95,
        errors: saturated.errors + paced.errors,
        load_avg_start: round(loadAtStart, 2),
        load_avg_end: round(loadavg()[0] ?? 0, 2),
      }),
    );
  } finally {
    await app.stop();
  }
}
