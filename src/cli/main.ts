import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadConfig } from '../server/platform/config';
import { openDatabase, type DbHandle } from '../server/platform/db/client';
import { migrateDatabase } from '../server/platform/db/migrate';
import { systemActor, type Actor } from '../server/platform/auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../server/demo/load-demo';
import { loadDemoIfEmpty } from '../server/demo/demo-load-state';
import { consoleText } from '../server/platform/console-text';
import { createRootAdmin } from './create-admin';
import { applyImport, previewImport } from '../server/modules/imports/imports.service';
import { exportPeople, exportUnits } from '../server/modules/imports/exports.service';
import { backupDatabase, restoreDatabase } from '../server/platform/db/backup';
import { seedAtScale } from './seed-scale';
import { seedNational } from './seed-national';
import { registerDomainHandlers } from '../server/modules/domain-handlers';

const USAGE = `Cách dùng: npm run cli -- <lệnh> [tùy chọn]

  migrate                          áp dụng các bản cập nhật cấu trúc cơ sở dữ liệu
  seed                             nạp dữ liệu mẫu (một tỉnh) vào cơ sở dữ liệu trống
  seed --scale N [--people M]      tạo dữ liệu lớn: khoảng N đơn vị, M người (kiểm thử, đo hiệu năng)
  seed --national                  tạo dữ liệu toàn quốc: 34 tỉnh, 3.321 xã, 5,6 triệu đảng viên, 1 triệu cán bộ
       [--units N] [--members M] [--cadres C]   và một năm hoạt động (đăng ký, học tập, chuẩn mực, phản ánh, kiểm tra)
  create-admin <tên> <mật khẩu>    tạo tài khoản quản trị trên (các) đơn vị gốc
  import units|people <tệp.xlsx>   nhập danh sách từ Excel (dòng lỗi được liệt kê, không dòng nào được ghi nếu có lỗi)
  export units|people <tệp.xlsx>   xuất toàn bộ danh sách ra Excel
  backup <tệp.sql>                 sao lưu thành tệp SQL thuần (PostgreSQL cũng khôi phục được bằng psql)
  restore <tệp.sql|tệp.sql.gz>     khôi phục từ tệp sao lưu (kể cả bản sao lưu tự động) vào CSDL trống

Biến môi trường: DATA_DIR (mặc định ./data), DATABASE_URL (dùng PostgreSQL thay cho CSDL nhúng).`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** A numeric option, or undefined when absent; a value that is not a number is refused. */
function numberArgument(args: string[], name: string): number | undefined {
  const value = option(args, name);
  if (value === undefined) return undefined;
  const parsed = Number(value.replace(/[._]/g, ''));
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} phải là một số không âm (nhận được "${value}").`);
  return parsed;
}

/** The CLI acts with full rights on the whole tree, recorded in the audit log as the CLI. */
async function cliActor(handle: DbHandle): Promise<Actor> {
  const rows = await handle.pool.query<{ path: string }>(
    'SELECT path::text AS path FROM units WHERE parent_id IS NULL AND valid_to IS NULL',
  );
  const grants = rows.rows.map((row, index) => ({
    id: -index - 1,
    unitId: Number(row.path),
    unitCode: '',
    unitName: '',
    unitPath: row.path,
    role: 'admin' as const,
  }));
  // A pseudo root ("0" is no unit's path) lets the CLI create root units in an empty database.
  grants.push({ id: 0, unitId: 0, unitCode: '', unitName: '', unitPath: '0', role: 'admin' });
  return { ...systemActor('Dòng lệnh (CLI)'), grants };
}

async function run(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    namedStatements: config.namedStatements,
    parallelWorkers: config.parallelWorkers,
  });
  try {
    if (command === 'restore') {
      const file = rest[0];
      if (!file) throw new Error('Hãy cho biết tệp sao lưu: npm run cli -- restore <tệp.sql>');
      // Automatic backups are gzip-compressed (.sql.gz); a hand-made backup is plain SQL.
      const bytes = await readFile(file);
      await restoreDatabase(handle, (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
      console.log(`Đã khôi phục từ ${file}.`);
      return;
    }
    await migrateDatabase(handle.db);
    registerDomainHandlers();
    switch (command) {
      case 'migrate':
        console.log('Cơ sở dữ liệu đã được cập nhật cấu trúc.');
        return;
      case 'seed': {
        if (rest.includes('--national')) {
          await seedNational(handle, {
            units: numberArgument(rest, '--units'),
            members: numberArgument(rest, '--members'),
            cadres: numberArgument(rest, '--cadres'),
          });
          return;
        }
        const scale = option(rest, '--scale');
        if (scale) {
          await seedAtScale(handle, { units: Number(scale), people: Number(option(rest, '--people') ?? Number(scale) * 3) });
          return;
        }
        const accounts = await loadDemoIfEmpty(handle.db, {
          load: loadDemoData,
          onClearing: () => console.log(consoleText().clearingUnfinishedDemo),
        });
        if (!accounts) throw new Error('Cơ sở dữ liệu đã có dữ liệu; dữ liệu mẫu chỉ nạp vào cơ sở dữ liệu trống.');
        console.log(`Đã nạp dữ liệu mẫu. Tài khoản (mật khẩu ${DEMO_PASSWORD}): ${accounts.map((a) => a.username).join(', ')}`);
        return;
      }
      case 'create-admin': {
        const [username, password] = rest;
        if (!username || !password) throw new Error('Cách dùng: npm run cli -- create-admin <tên đăng nhập> <mật khẩu>');
        await createRootAdmin(handle.db, username, password);
        console.log(`Đã tạo tài khoản quản trị "${username}".`);
        return;
      }
      case 'import': {
        const [kind, file] = rest;
        if ((kind !== 'units' && kind !== 'people') || !file) throw new Error('Cách dùng: npm run cli -- import units|people <tệp.xlsx>');
        const actor = await cliActor(handle);
        const preview = await previewImport(handle.db, actor, kind, { fileName: path.basename(file), buffer: await readFile(file) });
        console.log(
          `${preview.totalRows} dòng: ${preview.validRows} hợp lệ (${preview.creates} thêm, ${preview.updates} cập nhật, ${preview.unchanged} không đổi), ${preview.errors.length} lỗi.`,
        );
        for (const error of preview.errors.slice(0, 50)) console.log(`  Dòng ${error.row}, cột "${error.column}": ${error.message}`);
        if (preview.errors.length > 0) {
          process.exitCode = 2;
          console.log('Chưa nhập dòng nào. Hãy sửa các lỗi trên rồi chạy lại.');
          return;
        }
        const result = await applyImport(handle.db, { ...actor, userId: null }, preview.batchId);
        console.log(`Đã nhập: ${result.created} thêm mới, ${result.updated} cập nhật, ${result.unchanged} không đổi.`);
        return;
      }
      case 'export': {
        const [kind, file] = rest;
        if ((kind !== 'units' && kind !== 'people') || !file) throw new Error('Cách dùng: npm run cli -- export units|people <tệp.xlsx>');
        const actor = await cliActor(handle);
        const body =
          kind === 'units'
            ? await exportUnits(handle.db, actor, { includeClosed: true })
            : await exportPeople(handle.db, actor, { includeSubtree: true });
        await writeFile(file, body);
        console.log(`Đã xuất ra ${file}.`);
        return;
      }
      case 'backup': {
        const file = rest[0];
        if (!file) throw new Error('Cách dùng: npm run cli -- backup <tệp.sql>');
        await writeFile(file, await backupDatabase(handle));
        console.log(`Đã sao lưu vào ${file}.`);
        return;
      }
      default:
        throw new Error(`Không có lệnh "${command}".\n\n${USAGE}`);
    }
  } finally {
    await handle.close();
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
