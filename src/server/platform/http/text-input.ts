import { AppError } from '../errors';

/**
 * Text arriving from outside, cleaned once for every route: NUL and the other control characters
 * (C0 but tab, line feed and carriage return; DEL; C1) are refused, because PostgreSQL refuses NUL
 * in text (a 500 otherwise) and terminal escapes stored in a name would be replayed into every log
 * and export that shows it. Everything else is normalised to NFC, so "Hòa" typed with a combining
 * accent is stored, searched and sorted as the same letters as the precomposed one.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

function refuse(fields: string[]): AppError {
  const where = fields.length > 0 ? ` ở: ${fields.join(', ')}` : '';
  return new AppError(
    'INVALID_CHARACTERS',
    `Nội dung có ký tự điều khiển không hợp lệ${where}. Hãy xóa ký tự đó (thường do sao chép từ phần mềm khác) rồi gửi lại.`,
    { fields },
  );
}

/** Cleans every string inside a parsed body, query or params (in place); throws listing the fields refused. */
export function cleanTextInput<T>(value: T): T {
  const refused: string[] = [];
  const visit = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') {
      if (FORBIDDEN.test(node)) {
        refused.push(path);
        return node;
      }
      return node.normalize('NFC');
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => (node[index] = visit(item, path ? `${path}.${index}` : String(index))));
      return node;
    }
    // Plain records: JSON bodies, and the querystring parser's objects (whose prototype has no prototype).
    if (node && typeof node === 'object' && !ArrayBuffer.isView(node) && !(node instanceof Date)) {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (FORBIDDEN.test(key)) refused.push(path ? `${path}.${key}` : key);
        else record[key] = visit(record[key], path ? `${path}.${key}` : key);
      }
    }
    return node;
  };
  const cleaned = visit(value, '') as T;
  if (refused.length > 0) throw refuse(refused.slice(0, 10));
  return cleaned;
}

/** The name of an uploaded file, cleaned like any text (multipart parts are not JSON bodies). */
export function cleanFileName(name: string): string {
  return cleanTextInput({ 'tên tệp': name })['tên tệp'];
}
