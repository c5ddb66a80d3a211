import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';
import type { Database } from '../src/server/platform/db/client';
import { addUser, seedSmallTree } from './helpers/fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-database';
import { openSession, type Session } from './helpers/session';
import { fakeExe, tinyPdf, tinyPng } from './helpers/tiny-files';

/** A small upload limit, so the over-limit case needs no 20 MB body. */
const UPLOAD_LIMIT_BYTES = 64 * 1024;

let database: TestDatabase;
let db: Database;
let app: FastifyInstance;
let dataDir: string;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
const as: Record<string, Session> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  dataDir = await mkdtemp(path.join(tmpdir(), 'noiguong-files-'));
  app = await buildApp({ db, config: { ...loadConfig({}), dataDir, uploadLimitBytes: UPLOAD_LIMIT_BYTES }, dbKind: database.kind });
  await app.ready();
  tree = await seedSmallTree(db);
  const users: Array<[string, keyof typeof tree, 'officer' | 'committee' | 'member']> = [
    ['officer.r', 'R', 'officer'],
    ['officer.r2', 'R', 'officer'],
    ['officer.a', 'A', 'officer'],
    ['officer.b', 'B', 'officer'],
    ['committee.c1', 'C1', 'committee'],
    ['committee.c3', 'C3', 'committee'],
    ['member.c1', 'C1', 'member'],
  ];
  for (const [username, unit, role] of users) {
    await addUser(db, username, [{ unitId: tree[unit].id, role }]);
    as[username] = await openSession(app, username);
  }
});
afterAll(async () => {
  await app.close();
  await database.cleanup();
  await rm(dataDir, { recursive: true, force: true });
});

const session = (name: string): Session => as[name]!;

async function storedFiles(): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM stored_files`);
  return Number(result.rows[0]?.n ?? 0);
}

async function filesOnDisk(): Promise<string[]> {
  const folder = path.join(dataDir, 'files');
  try {
    const groups = await readdir(folder);
    const names = await Promise.all(
      groups.map(async (group) => (await readdir(path.join(folder, group))).map((name) => `${group}/${name}`)),
    );
    return names.flat();
  } catch {
    return [];
  }
}

function upload(who: string, unitId: number, fileName: string, content: Buffer, purpose = 'plan', contentType = 'image/png') {
  return session(who).upload(`/api/files?unitId=${unitId}&purpose=${purpose}`, { fileName, content, contentType });
}

describe('uploads', () => {
  it('stores a PNG and a PDF, judged by their content, and gives them back byte for byte', async () => {
    const png = await upload('officer.r', tree.R.id, 'Ảnh hội nghị.png', tinyPng());
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ name: 'Ảnh hội nghị.png', contentType: 'image/png', sizeBytes: tinyPng().length });
    // A PDF sent with a misleading name and type is stored as what it really is.
    const pdf = await upload('officer.r', tree.R.id, 'ke-hoach.docx', tinyPdf(), 'plan', 'application/msword');
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json()).toMatchObject({ name: 'ke-hoach.pdf', contentType: 'application/pdf' });

    const back = await session('officer.r').get(`/api/files/${pdf.json().id}`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('application/pdf');
    expect(back.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(back.rawPayload, tinyPdf())).toBe(0);
    const row = await db.execute<{ sha256: string; uploaded_by: number; owner_type: string | null }>(
      sql`SELECT sha256, uploaded_by, owner_type FROM stored_files WHERE id = ${png.json().id}`,
    );
    expect(row.rows[0]?.owner_type).toBeNull();
    expect(row.rows[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Stored under its id, never under the name it came with.
    const onDisk = await filesOnDisk();
    expect(onDisk).toContain(`0/${png.json().id}`);
    expect(await readFile(path.join(dataDir, 'files', '0', String(png.json().id)))).toEqual(tinyPng());
    const audit = await db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'file.upload'`);
    expect(Number(audit.rows[0]?.n)).toBe(2);
  });

  it('refuses an executable or a text file disguised as a PNG with 415, storing nothing', async () => {
    const before = [await storedFiles(), (await filesOnDisk()).length];
    for (const content of [fakeExe(), Buffer.from('Xin chào, đây là văn bản thường, không phải ảnh.\n', 'utf8')]) {
      const response = await upload('officer.r', tree.R.id, 'anh.png', content);
      expect(response.statusCode).toBe(415);
      expect(response.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
      expect(response.json().error.message).toContain('Loại tệp không được chấp nhận');
    }
    expect([await storedFiles(), (await filesOnDisk()).length]).toEqual(before);
  });

  it('stores a real Excel file but refuses one that declares it unpacks to a gigabyte (a zip bomb), storing nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Danh sách').addRow(['Họ và tên', 'Chi bộ']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const stored = await upload('officer.r', tree.R.id, 'danh-sach.xlsx', xlsx, 'plan', 'application/octet-stream');
    expect(stored.statusCode, stored.body).toBe(201);
    expect(stored.json().contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    const before = [await storedFiles(), (await filesOnDisk()).length];
    // The same file whose central directory says its sheet unpacks to 1 GB.
    const bomb = Buffer.from(xlsx);
    const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
    for (let offset = bomb.indexOf(signature); offset >= 0; offset = bomb.indexOf(signature, offset + 4)) {
      const nameLength = bomb.readUInt16LE(offset + 28);
      if (bomb.toString('utf8', offset + 46, offset + 46 + nameLength) === 'xl/worksheets/sheet1.xml')
        bomb.writeUInt32LE(1024 * 1024 * 1024, offset + 24);
    }
    const refused = await upload('officer.r', tree.R.id, 'bom.xlsx', bomb);
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(refused.json().error.message).toContain('quá lớn so với một tài liệu thật');
    expect([await storedFiles(), (await filesOnDisk()).length]).toEqual(before);
  });

  it('refuses an upload over the limit with 413, storing nothing', async () => {
    const before = [await storedFiles(), (await filesOnDisk()).length];
    const big = Buffer.concat([tinyPng(), Buffer.alloc(UPLOAD_LIMIT_BYTES * 2)]);
    const response = await upload('officer.r', tree.R.id, 'lon.png', big);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect([await storedFiles(), (await filesOnDisk()).length]).toEqual(before);
  });

  it('keeps a name with a path in it as a plain name', async () => {
    const response = await upload('officer.r', tree.R.id, '../../x.png', tinyPng());
    expect(response.statusCode).toBe(201);
    expect(response.json().name).toBe('x.png');
    const windows = await upload('officer.r', tree.R.id, '..\\..\\windows\\evil<name>.png', tinyPng());
    expect(windows.json().name).toBe('evil_name_.png');
    const row = await db.execute<{ original_name: string }>(sql`SELECT original_name FROM stored_files WHERE id = ${response.json().id}`);
    expect(row.rows[0]?.original_name).toBe('x.png');
    expect(await readdir(path.dirname(dataDir))).not.toContain('x.png');
    const download = await session('officer.r').get(`/api/files/${response.json().id}`);
    expect(download.headers['content-disposition']).toContain('filename="x.png"');
  });

  it('refuses an upload for a unit outside the uploader’s write scope, or without the role', async () => {
    const before = await storedFiles();
    expect((await upload('officer.a', tree.B.id, 'a.png', tinyPng())).statusCode).toBe(403);
    expect((await upload('officer.a', tree.R.id, 'a.png', tinyPng())).statusCode).toBe(403);
    expect((await upload('member.c1', tree.C1.id, 'a.png', tinyPng())).statusCode).toBe(403);
    expect((await upload('committee.c1', tree.C1.id, 'a.png', tinyPng(), 'plan')).statusCode).toBe(403);
    const unauthenticated = await app.inject({ method: 'POST', url: `/api/files?unitId=${tree.R.id}&purpose=plan` });
    expect(unauthenticated.statusCode).toBe(401);
    expect(await storedFiles()).toBe(before);
  });
});

describe('downloads', () => {
  let planFileId: number;
  let looseFileId: number;

  beforeAll(async () => {
    const file = await upload('officer.a', tree.A.id, 'ke-hoach-phuong.pdf', tinyPdf());
    planFileId = file.json().id;
    const plan = await session('officer.a').send('POST', '/api/plans', {
      unitId: tree.A.id,
      numberSymbol: '12-KH/ĐU',
      title: 'Kế hoạch của Đảng ủy phường An Bình',
      issuedOn: '2026-02-01',
      fromYear: 2026,
      toYear: 2026,
      taskGroups: [{ title: 'Học tập', contents: ['Học chuyên đề năm 2026'] }],
      fileIds: [planFileId],
    });
    expect(plan.statusCode).toBe(201);
    looseFileId = (await upload('officer.r', tree.R.id, 'chua-dinh-kem.png', tinyPng())).json().id;
  });

  it('lets a user of a unit below the plan’s unit download its file, and the levels above', async () => {
    for (const who of ['committee.c1', 'member.c1', 'officer.a', 'officer.r']) {
      const response = await session(who).get(`/api/files/${planFileId}`);
      expect(response.statusCode, who).toBe(200);
      expect(Buffer.compare(response.rawPayload, tinyPdf())).toBe(0);
    }
  });

  it('refuses the plan’s file to another branch of the tree', async () => {
    for (const who of ['officer.b', 'committee.c3']) {
      const response = await session(who).get(`/api/files/${planFileId}`);
      expect(response.statusCode, who).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    expect((await app.inject({ method: 'GET', url: `/api/files/${planFileId}` })).statusCode).toBe(401);
  });

  it('lets only its uploader download a file no record has attached yet', async () => {
    expect((await session('officer.r').get(`/api/files/${looseFileId}`)).statusCode).toBe(200);
    for (const who of ['officer.r2', 'officer.a', 'committee.c1']) {
      expect((await session(who).get(`/api/files/${looseFileId}`)).statusCode, who).toBe(403);
    }
  });

  it('refuses to attach a file uploaded for another unit, or already attached elsewhere', async () => {
    const before = await db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM plans`);
    const wrongUnit = await session('officer.r').send('POST', '/api/plans', {
      unitId: tree.R.id,
      numberSymbol: '40-KH/TU',
      title: 'Kế hoạch',
      issuedOn: '2026-02-01',
      fromYear: 2026,
      toYear: 2026,
      taskGroups: [{ title: 'Nhóm', contents: ['Nội dung'] }],
      fileIds: [planFileId],
    });
    expect(wrongUnit.statusCode).toBe(400);
    expect(wrongUnit.json().error.code).toBe('VALIDATION_FAILED');
    const after = await db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM plans`);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
    const owner = await db.execute<{ owner_type: string; unit_id: number }>(
      sql`SELECT owner_type, unit_id FROM stored_files WHERE id = ${planFileId}`,
    );
    expect(owner.rows[0]).toEqual({ owner_type: 'plan', unit_id: tree.A.id });
  });

  it('answers 404 for a file that does not exist', async () => {
    expect((await session('officer.r').get('/api/files/999999')).statusCode).toBe(404);
  });
});
