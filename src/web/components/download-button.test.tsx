// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../testing/render';
import { DownloadButton } from './download-button';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let savedAs: string[] = [];
let fetched: string[] = [];

function answerWith(response: () => Response) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      fetched.push(url);
      return response();
    }),
  );
}

beforeEach(() => {
  savedAs = [];
  fetched = [];
  URL.createObjectURL = vi.fn(() => 'blob:export');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    savedAs.push(this.download);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('DownloadButton', () => {
  it('saves the file under the Vietnamese name the server gives it', async () => {
    const name = 'Số liệu khen thưởng 2026 - Xã An Phú - 07-12-2026.xlsx';
    answerWith(
      () =>
        new Response(new Blob(['xlsx']), {
          headers: {
            'content-type': XLSX,
            'content-disposition': `attachment; filename="So_lieu.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
          },
        }),
    );
    await renderInApp(
      <DownloadButton path="/api/exports/commendation-figures" params={{ unitId: 7, year: 2026 }} fileName="tep.xlsx">
        Xuất Excel
      </DownloadButton>,
    );
    fireEvent.click(screen.getByRole('button', { name: /Xuất Excel/ }));
    await waitFor(() => expect(savedAs).toEqual([name]));
    expect(fetched).toEqual(['/api/exports/commendation-figures?unitId=7&year=2026']);
  });

  it('shows the server’s refusal as a message and saves nothing', async () => {
    answerWith(
      () =>
        new Response(JSON.stringify({ error: { code: 'FORBIDDEN', message: 'Bạn không có quyền xuất số liệu của đơn vị này.' } }), {
          status: 403,
          headers: { 'content-type': 'application/json' },
        }),
    );
    await renderInApp(
      <DownloadButton path="/api/exports/commendation-figures" fileName="tep.xlsx">
        Xuất Excel
      </DownloadButton>,
    );
    fireEvent.click(screen.getByRole('button', { name: /Xuất Excel/ }));
    expect(await screen.findByText('Bạn không có quyền xuất số liệu của đơn vị này.')).toBeTruthy();
    expect(savedAs).toEqual([]);
  });
});
