import { describe, expect, it } from 'vitest';
import { exportFileName } from './file-names';

describe('exportFileName', () => {
  it('spells what the file is, its year, what it is of and the day read, as Vietnamese write a date', () => {
    expect(exportFileName('Số liệu đăng ký làm theo', 'xlsx', { year: 2026, of: 'Xã An Phú', day: '2026-12-07' })).toBe(
      'Số liệu đăng ký làm theo 2026 - Xã An Phú - 07-12-2026.xlsx',
    );
    expect(exportFileName('Phản ánh, góp ý', 'xlsx', { of: 'Chi bộ 1', day: '2026-01-05' })).toBe(
      'Phản ánh, góp ý - Chi bộ 1 - 05-01-2026.xlsx',
    );
  });

  it('leaves out what is not given: a template or a numbered document carries no day', () => {
    expect(exportFileName('Mẫu danh sách đơn vị', 'xlsx')).toBe('Mẫu danh sách đơn vị.xlsx');
    expect(exportFileName('Biên bản xếp loại đảng viên', 'docx', { year: 2025, of: 'Chi bộ 2' })).toBe(
      'Biên bản xếp loại đảng viên 2025 - Chi bộ 2.docx',
    );
  });

  it('turns characters no file system takes into a hyphen (the slash of a document number)', () => {
    expect(exportFileName('Kế hoạch 05-KH/ĐU', 'docx')).toBe('Kế hoạch 05-KH-ĐU.docx');
    expect(exportFileName('Quyết định 12/QĐ-TU', 'docx', { of: 'Bằng khen: "Tập thể"' })).toBe(
      'Quyết định 12-QĐ-TU - Bằng khen- -Tập thể-.docx',
    );
  });
});
