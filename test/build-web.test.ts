import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const run = () => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/build-web.ts'], { encoding: 'utf8' });

describe('npm start builds the web app only when its sources changed', () => {
  it('builds when there is no build of the current sources, then skips until they change', () => {
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    const index = path.resolve('dist/web/index.html');
    const builtAt = statSync(index).mtimeMs;
    const second = run();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('bỏ qua bước dựng');
    expect(statSync(index).mtimeMs).toBe(builtAt);
  }, 120_000);
});
