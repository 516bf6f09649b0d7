/**
 * A 100,000-row CSV imports through the worker (with progress), and the virtualized preview scrolls
 * through it: wheel-scrolling moves past the first rows, and the last row shows with its cells. How long
 * the main thread's tasks take while scrolling is measured by `npm run bench:ui` (a timing, not a test).
 */
import { expect, importCsv, screenshot, test } from './app/fixtures.ts';

/** A seeded CSV of `rows` rows: 8 numbers, a category, and a yes/no label. */
function bigCsv(rows: number): Buffer {
  let seed = 12345;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const lines = ['a,b,c,d,e,f,g,h,colour,label'];
  for (let r = 0; r < rows; r++) {
    const xs = Array.from({ length: 8 }, () => (next() * 10 - 5).toFixed(3));
    lines.push(
      `${xs.join(',')},${['red', 'green', 'blue'][r % 3]},${Number(xs[0]) + Number(xs[1]) > 0 ? 'yes' : 'no'}`,
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

test('100,000 rows import and scroll in the preview', async ({ app: page }) => {
  await importCsv(page, { name: 'large.csv', mimeType: 'text/csv', buffer: bigCsv(100_000) });
  await expect(page.getByRole('heading', { name: 'large.csv' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('100,000 rows · 10 columns', { exact: false })).toBeVisible();
  await expect(page.getByText('Classification · 2 classes')).toBeVisible();

  await page.getByRole('tab', { name: 'Preview' }).click();
  const grid = page.getByRole('grid', { name: 'Data preview' });
  await expect(grid.getByRole('row').nth(1)).toContainText('1');
  // Scroll with the wheel, as a user skims the rows: the rows move on.
  await grid.hover();
  for (let i = 0; i < 30; i++) await page.mouse.wheel(0, 600);
  await expect(grid.getByRole('rowheader', { name: /^\d+$/ }).first()).not.toHaveText('1');

  // Jump to the end (the scrollbar dragged down): the last row is there, with its cells.
  await grid.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(grid.getByRole('rowheader', { name: '100000', exact: true })).toBeVisible();
  await expect(
    grid
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: '100000', exact: true }) })
      .getByRole('gridcell')
      .first(),
  ).not.toHaveText('');
  await screenshot(page, 'data-preview-100k');
});
