import { formatVietnameseDate } from './dates';

export type FileExtension = 'xlsx' | 'docx' | 'pdf' | 'png' | 'json';

/**
 * The one spelling of a downloaded file's name: what it is, its year, what it is of (a unit, a
 * person, a report), and for data read live (lists, figures) the day they were read, written as
 * Vietnamese write a date — "Số liệu đăng ký làm theo 2026 - Xã An Phú - 07-12-2026.xlsx".
 * Templates and numbered documents, which do not change with the day, carry no day. Characters no
 * file system takes (the slash of "05-KH/ĐU") become a hyphen.
 */
export function exportFileName(what: string, extension: FileExtension, about: { year?: number; of?: string; day?: string } = {}): string {
  const parts = [about.year === undefined ? what : `${what} ${about.year}`];
  if (about.of) parts.push(about.of);
  if (about.day) parts.push(formatVietnameseDate(about.day).replace(/\//g, '-'));
  return `${parts.join(' - ').replace(/[\\/:*?"<>|]+/g, '-')}.${extension}`;
}
