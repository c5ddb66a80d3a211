import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The module boundaries of docs/ARCHITECTURE.md are enforced by `npm run lint`: these lint real
 * files of the project with one import added, as a change would, and read what the linter says.
 */
const eslint = new ESLint({ cwd: path.resolve('.') });

async function lintWith(file: string, addedLine: string) {
  const text = `${await readFile(file, 'utf8')}\n${addedLine}\n`;
  const [result] = await eslint.lintText(text, { filePath: path.resolve(file) });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports');
}

describe('the lint rules that keep the module boundaries', () => {
  it('refuse a module importing a file inside another module, and accept its index', async () => {
    const file = 'src/server/modules/followup/followup.service.ts';
    const inside = await lintWith(file, "export { findRegistrationPlace as _probe } from '../registrations/registrations.repo';");
    expect(inside).toHaveLength(1);
    expect(inside[0]!.message).toContain('index.ts');
    expect(await lintWith(file, "export { getUnitOrThrow as _probe } from '../units/index';")).toEqual([]);
    // The first lint builds the type-aware program of the whole project: 25 s on a quiet machine,
    // over 2 minutes while the browser journeys and the PostgreSQL suite share its two cores.
  }, 360_000);

  it('refuse the tree importing the people module, which stands on it', async () => {
    const refused = await lintWith(
      'src/server/modules/units/units.service.ts',
      "export { countActiveMembers as _probe } from '../people/index';",
    );
    expect(refused).toHaveLength(1);
    expect(refused[0]!.message).toContain('must not import people');
  }, 120_000);

  it('refuse the platform importing a module', async () => {
    const refused = await lintWith('src/server/platform/audit.ts', "export { resolveSession as _probe } from '../modules/accounts/index';");
    expect(refused).toHaveLength(1);
    expect(refused[0]!.message).toContain('platform must not import a module');
  }, 120_000);

  it('refuse the demo reaching inside a module, and accept its index', async () => {
    const file = 'src/server/demo/demo-study.ts';
    const inside = await lintWith(file, "export { sessionDeltas as _probe } from '../modules/study/study.figures';");
    expect(inside).toHaveLength(1);
    expect(inside[0]!.message).toContain('demo reaches a module only through its index.ts');
    expect(await lintWith(file, "export { sessionDeltas as _probe } from '../modules/study/index';")).toEqual([]);
  }, 120_000);

  it('refuse the demo writing tables or counters of its own', async () => {
    const file = 'src/server/demo/demo-study.ts';
    for (const line of [
      "export { studySessions as _probe } from '../db/schema/index';",
      "export { addFigureDeltas as _probe } from '../platform/figures';",
    ]) {
      const refused = await lintWith(file, line);
      expect(refused).toHaveLength(1);
      expect(refused[0]!.message).toContain('bulk functions');
    }
  }, 120_000);
});
