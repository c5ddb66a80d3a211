import { readFile, rm, writeFile } from 'node:fs/promises';

/**
 * The embedded database lives inside one process: a second process opening the same data folder
 * would write the same files blind to the first. A lock file beside the folder (not inside it, so
 * backups of the folder never carry it) names the process that holds it; a process that died
 * without closing (kill -9, power loss) leaves a file naming a process that no longer runs, and the
 * next start takes it over.
 */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function dataDirLockPath(dataDir: string): string {
  return `${dataDir.replace(/[\\/]+$/, '')}.lock`;
}

/** Takes the folder for this process, or refuses with the holder's process id; returns the release. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = dataDirLockPath(dataDir);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    if (Number.isSafeInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
      throw new Error(
        `Thư mục dữ liệu ${dataDir} đang được tiến trình ${holder} dùng: cơ sở dữ liệu nhúng chỉ phục vụ một tiến trình. Hãy dừng tiến trình đó, hoặc chọn DATA_DIR khác; nhiều tiến trình cần PostgreSQL (DATABASE_URL).`,
      );
    }
    // Left by a process that no longer runs (or by this one, which never closed it): taken over.
    await rm(file, { force: true });
  }
  throw new Error(`Không giữ được khóa của thư mục dữ liệu ${dataDir} (${file}).`);
}
