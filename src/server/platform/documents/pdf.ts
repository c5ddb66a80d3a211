import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
let found: Promise<string | null> | null = null;

/** The LibreOffice binary on PATH, looked up once: PDF export exists only where it is installed. */
export function findSoffice(): Promise<string | null> {
  found ??= (async () => {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      for (const name of ['soffice', 'libreoffice']) {
        const candidate = join(dir, name);
        try {
          await access(candidate, constants.X_OK);
          return candidate;
        } catch {
          // not in this directory
        }
      }
    }
    return null;
  })();
  return found;
}

/** Converts a DOCX to PDF with `soffice --headless --convert-to pdf` in a private temporary directory. */
export async function convertDocxToPdf(soffice: string, docx: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'noiguong-pdf-'));
  try {
    await writeFile(join(dir, 'document.docx'), docx);
    // A private profile directory lets conversions run while another LibreOffice is open.
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'document.docx'),
      ],
      { timeout: 60_000 },
    );
    return await readFile(join(dir, 'document.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
