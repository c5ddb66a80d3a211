import type { Page } from 'playwright-core';

/** A percentage as the page writes it ("97,3%"), as a number. */
const percent = (text: string) => Number(text.replace('%', '').replace(/\./g, '').replace(',', '.'));

/**
 * Sorts the overview's table of child units by a rate's column, highest first, checks that the
 * rates now stand in that order, and returns the column as the page writes it ("—" where a unit
 * has no rate) with the rates as numbers.
 */
export async function sortChildrenByRate(page: Page, label: string): Promise<{ values: string[]; rates: number[] }> {
  const table = page.getByTestId('overview-children');
  await table.locator('tbody tr.ant-table-row').first().waitFor();
  const header = table.locator('thead th').filter({ hasText: label }).last();
  await header.click();
  await header.click();
  const column = await table
    .locator('thead th')
    .evaluateAll(
      (cells, name) =>
        cells.findIndex((cell) => cell.textContent?.startsWith(name) && cell.classList.contains('ant-table-column-has-sorters')),
      label,
    );
  const values = await table
    .locator('tbody tr.ant-table-row')
    .evaluateAll((rows, index) => rows.map((row) => row.querySelectorAll('td')[index]?.textContent ?? ''), column);
  const rates = values.filter((value) => value !== '—').map(percent);
  for (let index = 1; index < rates.length; index++) {
    if (rates[index]! > rates[index - 1]!) throw new Error(`not sorted from the highest "${label}": ${values.join(', ')}`);
  }
  return { values, rates };
}
