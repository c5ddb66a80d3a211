import { ROLE_LABELS, type Role } from '../../shared/contracts/domain';

/** The operator reads Vietnamese unless the locale asks for English (LC_ALL, then LC_MESSAGES, then LANG). */
export function consoleSpeaksEnglish(env: NodeJS.ProcessEnv = process.env): boolean {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en([_.-]|$)/i.test(locale);
}

const ENGLISH_ROLES: Record<Role, string> = {
  admin: 'Administrator',
  officer: 'Officer',
  committee: 'Committee',
  inspector: 'Inspector',
  member: 'Member',
  supervisor: 'Supervisor',
  viewer: 'Viewer',
};

export type ConsoleText = {
  embeddedAt(dataDir: string): string;
  postgres: string;
  loadingDemo(where: string): string;
  clearingUnfinishedDemo: string;
  demoAccounts(password: string): string;
  role(role: Role): string;
  running(port: number, where: string): string;
  runningWorkers(port: number, workers: number): string;
  workersIgnored: string;
  workerRestarted(pid: number | undefined, reason: string): string;
  workbookReaderFailed(reason: string): string;
  startFailed(reason: string, dataDir: string | null): string;
};

const vietnamese: ConsoleText = {
  embeddedAt: (dataDir) => `CSDL nhúng tại ${dataDir}`,
  postgres: 'PostgreSQL',
  loadingDemo: (where) => `Đang nạp dữ liệu mẫu vào ${where}…`,
  clearingUnfinishedDemo: 'Lần khởi động trước dừng khi đang nạp dữ liệu mẫu: xóa phần dở dang và nạp lại từ đầu.',
  demoAccounts: (password) => `\nTài khoản dùng thử (mật khẩu chung: ${password}):`,
  role: (role) => ROLE_LABELS[role],
  running: (port, where) => `\nNoiGuong đang chạy tại http://localhost:${port} (${where}). Tài liệu API: http://localhost:${port}/api/docs`,
  runningWorkers: (port, workers) =>
    `\nNoiGuong đang chạy tại http://localhost:${port} (PostgreSQL, ${workers} tiến trình). Tài liệu API: http://localhost:${port}/api/docs`,
  workersIgnored: 'CSDL nhúng chỉ phục vụ một tiến trình: WORKERS được bỏ qua (dùng PostgreSQL để chạy nhiều tiến trình).',
  workerRestarted: (pid, reason) => `Tiến trình phục vụ ${pid} dừng (${reason}); khởi động tiến trình thay thế.`,
  workbookReaderFailed: (reason) => `Chưa khởi động được luồng đọc tệp Excel (${reason}); sẽ thử lại khi có tệp được tải lên.`,
  startFailed: (reason, dataDir) =>
    `\nKhông khởi động được NoiGuong: ${reason}\n` +
    'Phần dữ liệu dở dang (nếu có) không cản lần chạy sau: sửa nguyên nhân trên rồi chạy lại `npm start`.' +
    (dataDir ? `\nNếu vẫn lỗi, có thể xóa thư mục dữ liệu ${dataDir} để bắt đầu lại với dữ liệu mẫu.` : ''),
};

const english: ConsoleText = {
  embeddedAt: (dataDir) => `embedded database in ${dataDir}`,
  postgres: 'PostgreSQL',
  loadingDemo: (where) => `Loading demo data into the ${where}…`,
  clearingUnfinishedDemo: 'The previous start stopped while loading the demo data: clearing what it left and loading again.',
  demoAccounts: (password) => `\nDemo accounts (password for all: ${password}):`,
  role: (role) => ENGLISH_ROLES[role],
  running: (port, where) => `\nNoiGuong is running on http://localhost:${port} (${where}). API docs: http://localhost:${port}/api/docs`,
  runningWorkers: (port, workers) =>
    `\nNoiGuong is running on http://localhost:${port} (PostgreSQL, ${workers} processes). API docs: http://localhost:${port}/api/docs`,
  workersIgnored: 'The embedded database serves one process: WORKERS is ignored (use PostgreSQL for several processes).',
  workerRestarted: (pid, reason) => `Server process ${pid} stopped (${reason}); starting a replacement.`,
  workbookReaderFailed: (reason) => `The Excel reader thread did not start (${reason}); it will be tried again when a file is uploaded.`,
  startFailed: (reason, dataDir) =>
    `\nNoiGuong could not start: ${reason}\n` +
    'Anything half-made will not stop the next start: fix the cause above and run `npm start` again.' +
    (dataDir ? `\nIf it still fails, delete the data folder ${dataDir} to start over with the demo data.` : ''),
};

export function consoleText(env: NodeJS.ProcessEnv = process.env): ConsoleText {
  return consoleSpeaksEnglish(env) ? english : vietnamese;
}
