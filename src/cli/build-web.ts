/**
 * `npm start` runs this first: it builds the web app only when its sources changed since the last
 * build (a hash of src/web, src/shared, the lock file), so a restart takes seconds, not a build.
 * `--force` builds regardless.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCES = ['src/web', 'src/shared', 'package-lock.json'];
const HASH_FILE = path.join(root, 'dist', 'web-build-hash.txt');

function filesUnder(relative: string): string[] {
  const absolute = path.join(root, relative);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return [relative];
  return readdirSync(absolute, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

export function webSourcesHash(): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap(filesUnder).sort()) {
    hash.update(file.split(path.sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function main(): void {
  const wanted = webSourcesHash();
  const built = existsSync(HASH_FILE) ? readFileSync(HASH_FILE, 'utf8').trim() : null;
  const hasBuild = existsSync(path.join(root, 'dist', 'web', 'index.html'));
  if (!process.argv.includes('--force') && hasBuild && built === wanted) {
    console.log('Ứng dụng web đã được dựng từ mã nguồn hiện tại: bỏ qua bước dựng.');
    return;
  }
  console.log('Đang dựng ứng dụng web…');
  const result = spawnSync('npx', ['vite', 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('Không dựng được ứng dụng web: xem lỗi ở trên.');
    process.exit(result.status ?? 1);
  }
  writeFileSync(HASH_FILE, `${wanted}\n`);
}

main();
