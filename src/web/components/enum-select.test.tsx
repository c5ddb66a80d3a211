// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { DatePicker, Form } from 'antd';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { renderInApp } from '../testing/render';
import { UnitKindSelect } from './enum-select';

const DISTRICT = 'Huyện ủy, Thị ủy, Thành ủy thuộc tỉnh (trước 01/07/2025)';
const COMMUNE = 'Đảng ủy xã, phường, đặc khu';

async function offeredKinds(initial: { effectiveDate?: dayjs.Dayjs; kind?: string }) {
  await renderInApp(
    <Form initialValues={initial}>
      <Form.Item name="effectiveDate" label="Ngày hiệu lực">
        <DatePicker />
      </Form.Item>
      <Form.Item name="kind" label="Loại đơn vị">
        <UnitKindSelect virtual={false} />
      </Form.Item>
    </Form>,
  );
  fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Loại đơn vị' }));
  return [...document.querySelectorAll('.ant-select-item-option')].map((option) => option.getAttribute('title') ?? option.textContent);
}

describe('UnitKindSelect', () => {
  it('offers a district committee for a change dated before 1/7/2025, with the kinds of that day', async () => {
    const kinds = await offeredKinds({ effectiveDate: dayjs('2024-05-01') });
    expect(kinds).toContain(DISTRICT);
    expect(kinds).toContain(COMMUNE);
  });

  it('does not offer it from 1/7/2025 on, unless the unit already is one', async () => {
    const kinds = await offeredKinds({ effectiveDate: dayjs('2025-07-01') });
    expect(kinds).toContain(COMMUNE);
    expect(kinds).not.toContain(DISTRICT);
  });

  it('keeps offering the unit’s own kind, so editing an old district does not lose it', async () => {
    expect(await offeredKinds({ effectiveDate: dayjs('2026-01-01'), kind: 'district_committee' })).toContain(DISTRICT);
  });
});
