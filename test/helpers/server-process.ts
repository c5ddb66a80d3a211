/**
 * The server as `npm start` runs it (`src/server/main.ts`), in a process of its own on a given
 * PostgreSQL database: for the tests of the process model and for the benchmarks that load it
 * over HTTP.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

export type ServerProcess = {
  baseUrl: string;
  /** Every line the server (and its workers) printed so far. */
  output: string[];
  /** SIGTERM, then the exit code once every process has stopped. */
  stop(): Promise<number | null>;
};

/**
 * Starts the server with `workers` HTTP processes and no demo data, and waits for `/api/health`.
 * With `profileDir`, each process writes a V8 CPU profile there when it stops.
 */
export async function startServerProcess(
  databaseUrl: string,
  options: { workers: number; profileDir?: string | undefined },
): Promise<ServerProcess> {
  const port = await freePort();
  const output: string[] = [];
  const profiling = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const child = spawn(process.execPath, [...profiling, '--import', 'tsx', 'src/server/main.ts'], {
    cwd: REPOSITORY_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      NOIGUONG_NO_DEMO: '1',
      LOG_REQUESTS: '',
      WORKERS: String(options.workers),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    return exited;
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 120; attempt++) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output.slice(-20).join('\n')}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return { baseUrl, output, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`The server did not answer /api/health within 60 s:\n${output.slice(-20).join('\n')}`);
}
