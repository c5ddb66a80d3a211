/**
 * Large import files against the server as `npm start` runs it (demo data, embedded database):
 * a people file of R rows under the row limit (99,000) and one of O rows over it (300,000) are
 * previewed over HTTP while `/api/health/live` is probed every 20 ms. Prints, for each, how long
 * the answer took, what it was, how long a liveness probe waited at most, and how far the server's
 * resident memory rose above what it held before (sampled every 20 ms): what a file costs the machine.
 */
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { startApp } from '../e2e/harness';
import { writePeopleWorkbook, type PersonExportRow } from '../src/server/modules/imports/excel/write';
import { multipartBody } from '../test/helpers/session';
import { numberOption, round, signInOverHttp, thousands, whileProbingLiveness } from './support';

const PASSWORD = 'NoiGuong@2026';

/** Resident memory of a process, in MB. */
async function residentMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** Runs `work` while sampling the resident memory of `pid`: the most it held meanwhile. */
async function whileSamplingMemory<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peakMb = await residentMb(pid);
  const timer = setInterval(() => void residentMb(pid).then((mb) => (peakMb = Math.max(peakMb, mb))), 20);
  try {
    const result = await work();
    peakMb = Math.max(peakMb, await residentMb(pid));
    return { result, peakMb };
  } finally {
    clearInterval(timer);
  }
}

function peopleRows(count: number, unitCode: string): PersonExportRow[] {
  return Array.from({ length: count }, (_, index) => ({
    fullName: `Nguyễn Thị Ánh Tuyết ${index + 1}`,
    sex: index % 2 ? 'male' : 'female',
    birthDate: '1985-09-05',
    category: 'party_member',
    cardNumber: String(40_000_000 + index),
    idNumber: null,
    admissionDate: '2010-05-19',
    phone: null,
    email: null,
    address: 'Số 1 đường Lê Lợi',
    unitCode,
    position: 'party_member',
    isHead: false,
    fromDate: null,
    unitName: '',
  }));
}

export async function runImportLimitsBench(args: string[]): Promise<void> {
  const underRows = numberOption(args, '--rows', 99_000);
  const overRows = numberOption(args, '--over-rows', 300_000);
  const loadAtStart = loadavg()[0] ?? 0;
  const app = await startApp();
  try {
    const { cookie, csrfToken } = await signInOverHttp(app.baseUrl, 'quantri.xa', PASSWORD);
    const me = (await (await fetch(`${app.baseUrl}/api/auth/me`, { headers: { cookie } })).json()) as {
      grants: Array<{ unitCode: string }>;
    };
    const unitCode = me.grants[0]!.unitCode;
    console.log(`server pid ${app.pid}, load average ${loadAtStart.toFixed(1)}`);
    const figures: Record<string, number | string> = {};
    for (const [label, count] of [
      ['over', overRows],
      ['under', underRows],
    ] as const) {
      const file = await writePeopleWorkbook(peopleRows(count, unitCode), { includePersonal: true });
      const { payload, headers } = multipartBody({ fileName: `${count}-dòng.xlsx`, content: file });
      const startMb = await residentMb(app.pid);
      const started = performance.now();
      const sampled = await whileSamplingMemory(app.pid, () =>
        whileProbingLiveness(app.baseUrl, async () => {
          const response = await fetch(`${app.baseUrl}/api/imports/people/preview`, {
            method: 'POST',
            headers: { ...headers, cookie, 'x-csrf-token': csrfToken },
            body: new Uint8Array(payload),
          });
          return {
            status: response.status,
            body: (await response.json()) as { totalRows?: number; creates?: number; error?: { code: string; message: string } },
          };
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const probed = sampled.result;
      const risenMb = sampled.peakMb - startMb;
      const { status, body } = probed.result;
      const outcome = body.error
        ? `${status} ${body.error.code}: ${body.error.message}`
        : `${status}, ${thousands(body.totalRows ?? 0)} rows read, ${thousands(body.creates ?? 0)} to create`;
      console.log(
        `${thousands(count)} rows (${(file.length / 1e6).toFixed(1)} MB): ${seconds.toFixed(1)} s → ${outcome}; ` +
          `/api/health/live p95 ${probed.p95.toFixed(1)} ms, longest ${probed.max.toFixed(1)} ms; server memory ${startMb.toFixed(0)} MB → peak ${sampled.peakMb.toFixed(0)} MB (+${risenMb.toFixed(0)} MB)`,
      );
      Object.assign(figures, {
        [`${label}_rows`]: count,
        [`${label}_status`]: status,
        [`${label}_seconds`]: round(seconds, 2),
        [`${label}_liveness_p95_ms`]: round(probed.p95),
        [`${label}_liveness_max_ms`]: round(probed.max),
        [`${label}_rss_rise_mb`]: round(risenMb, 0),
      });
    }
    console.log(
      JSON.stringify({
        bench: 'import-limits',
        ...figures,
        load_avg_start: round(loadAtStart, 2),
        load_avg_end: round(loadavg()[0] ?? 0, 2),
      }),
    );
  } finally {
    await app.stop();
  }
}
