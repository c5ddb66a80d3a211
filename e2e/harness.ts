import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export type RunningApp = { baseUrl: string; dataDir: string; pid: number; stop(): Promise<void>; output(): string };

/** Runs `npm run cli -- <args>` to its end; its output, or an error carrying it. */
async function runCli(args: string[], env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`npm run cli -- ${args.join(' ')} failed (${code}):\n${output}`);
  return output;
}

/**
 * Starts the real server with the demo data, as `npm start` does: on a fresh embedded database, or
 * on the empty PostgreSQL database `databaseUrl` names (the server migrates it and loads the demo).
 * With `seedFirst`, `npm run cli -- seed <seedFirst>` fills the database first, and the server
 * starts on that data instead of the demo.
 */
export async function startApp(options: { databaseUrl?: string; seedFirst?: string[] } = {}): Promise<RunningApp> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'noiguong-e2e-'));
  let output = '';
  if (options.seedFirst)
    output += await runCli(['seed', ...options.seedFirst], { DATA_DIR: dataDir, DATABASE_URL: options.databaseUrl ?? '' });
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: options.databaseUrl ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    baseUrl,
    dataDir,
    pid: child.pid ?? 0,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export type Journey = { name: string; run(): Promise<void> };

/**
 * Runs journeys in order and prints one line each; after a failure, `explain` adds what the screen
 * and the API showed. Returns how many passed and failed.
 */
export async function runJourneys(
  journeys: Journey[],
  explain: (failedIndex: number) => Promise<string[]> = async () => [],
): Promise<{ passed: number; failed: number }> {
  let passed = 0;
  let failed = 0;
  for (const [index, journey] of journeys.entries()) {
    const started = Date.now();
    try {
      await journey.run();
      passed += 1;
      console.log(`  ✓ ${journey.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      console.log(`  ✗ ${journey.name}\n    ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      for (const line of await explain(index + 1)) console.log(`    · ${line}`);
    }
  }
  return { passed, failed };
}
