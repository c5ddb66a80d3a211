import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { dataDirLockPath } from './data-dir-lock';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function newDataDir(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'noiguong-lock-'));
  folders.push(folder);
  return path.join(folder, 'data');
}

describe('one process per embedded data folder', () => {
  it('holds a lock beside the folder while open and lets it go on close', async () => {
    const dataDir = await newDataDir();
    const handle = await openDatabase({ dataDir });
    expect(await readFile(dataDirLockPath(dataDir), 'utf8')).toBe(String(process.pid));
    await handle.close();
    expect(existsSync(dataDirLockPath(dataDir))).toBe(false);
  }, 60_000);

  it('refuses a folder another running process holds, naming it, and opens nothing', async () => {
    const dataDir = await newDataDir();
    // The parent of this test process runs for as long as the test does.
    await writeFile(dataDirLockPath(dataDir), String(process.ppid));
    await expect(openDatabase({ dataDir })).rejects.toThrow(`đang được tiến trình ${process.ppid} dùng`);
    expect(await readFile(dataDirLockPath(dataDir), 'utf8')).toBe(String(process.ppid));
  });

  it('takes over the lock a process that died left behind', async () => {
    const dataDir = await newDataDir();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    await writeFile(dataDirLockPath(dataDir), String(gone));
    const handle = await openDatabase({ dataDir });
    expect(await readFile(dataDirLockPath(dataDir), 'utf8')).toBe(String(process.pid));
    await handle.close();
  }, 60_000);
});
