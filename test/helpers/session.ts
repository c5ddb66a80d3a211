import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import ExcelJS from 'exceljs';
import { PASSWORD } from './fixtures';

export type Response = LightMyRequestResponse;
export type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A signed-in browser: its cookie, its CSRF token and the address it calls from. */
export type Session = {
  username: string;
  cookies: Record<string, string>;
  csrfToken: string;
  remoteAddress: string;
  get(url: string): Promise<Response>;
  send(method: Method, url: string, body?: unknown): Promise<Response>;
  upload(url: string, file: UploadFile): Promise<Response>;
};

export type UploadFile = { fileName: string; content: Buffer; contentType?: string };

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Posts the sign-in form from an address; the raw response, for tests about the sign-in itself. */
export function logIn(app: FastifyInstance, username: string, password = PASSWORD, remoteAddress = '127.0.0.1'): Promise<Response> {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
}

/** A multipart/form-data body with one file field named "file", as a browser sends an upload. */
export function multipartBody(file: UploadFile): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----noiguong-test-${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\n` +
      `Content-Disposition: form-data; name="file"; filename="${file.fileName}"\r\n` +
      `Content-Type: ${file.contentType ?? XLSX_CONTENT_TYPE}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file.content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Signs in through the API and keeps the cookie and CSRF token, like the web app does. */
export async function openSession(
  app: FastifyInstance,
  username: string,
  options: { password?: string; remoteAddress?: string } = {},
): Promise<Session> {
  const remoteAddress = options.remoteAddress ?? '127.0.0.1';
  const response = await logIn(app, username, options.password ?? PASSWORD, remoteAddress);
  if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'ng_session');
  if (!cookie) throw new Error(`sign-in of ${username} set no session cookie`);
  const cookies = { ng_session: cookie.value };
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  return {
    username,
    cookies,
    csrfToken,
    remoteAddress,
    get: (url) => app.inject({ method: 'GET', url, cookies, remoteAddress }),
    send: (method, url, body) =>
      app.inject({
        method,
        url,
        cookies,
        remoteAddress,
        headers: { 'x-csrf-token': csrfToken },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
    upload: (url, file) => {
      const { payload, headers } = multipartBody(file);
      return app.inject({ method: 'POST', url, cookies, remoteAddress, headers: { ...headers, 'x-csrf-token': csrfToken }, payload });
    },
  };
}

export type SheetValue = string | number | boolean | Date | null;

/** Reads a workbook's sheets back as plain rows of values (rich text and formulas flattened). */
export async function readWorkbook(buffer: Buffer): Promise<Map<string, SheetValue[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const sheets = new Map<string, SheetValue[][]>();
  book.eachSheet((sheet) => {
    const rows: SheetValue[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values: SheetValue[] = [];
      for (let column = 1; column <= sheet.columnCount; column++) values.push(plainCell(row.getCell(column).value));
      rows.push(values);
    });
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

function plainCell(value: ExcelJS.CellValue): SheetValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return plainCell(value.result);
  if ('text' in value) return String(value.text);
  return null;
}

/** Builds a workbook the way an office program would: one sheet, a header row, then the rows. */
export async function buildWorkbook(sheetName: string, rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}
