/**
 * The server as `npm start` runs it (`src/server/main.ts`, demo data on first start), in a process
 * of its own, for the drills that stop it, kill it or point it at another database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../test/helpers/server-process';

export type Server = { baseUrl: string; child: ChildProcess; output: string[] };

/** Starts the server with `env` on a free port and waits (up to 4 minutes: a first start loads the demo) for /api/health. */
export async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', BACKUP_EVERY_HOURS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output.slice(-30).join('\n')}`);
    if (
      await fetch(`${baseUrl}/api/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return { baseUrl, child, output };
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  child.kill('SIGKILL');
  throw new Error(`The server did not answer /api/health in time:\n${output.slice(-30).join('\n')}`);
}

/** kill -9: no shutdown, no flush. */
export async function kill9(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGKILL');
  await exited;
}
