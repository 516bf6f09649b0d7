/**
 * Reading settings on the Data view: a semicolon file with decimal commas and dates that could be
 * day-first or month-first is read again with the chosen date order and decimal separator; the profile
 * and preview follow, the choice is kept in the project (file and autosave), and the exported model
 * stores how the file was read.
 */
import { readFileSync } from 'node:fs';
import { expect, importCsv, openView, repoPath, screenshot, test } from './app/fixtures.ts';

test('decimal separator and date order: detected, changed, kept with the project and stored in the model', async ({
  app: page,
}) => {
  await importCsv(page, repoPath('e2e/app/fixtures/european.csv'));
  await expect(page.getByRole('heading', { name: 'european.csv' })).toBeVisible();
  const numbers = page.getByLabel('Numbers');
  const dates = page.getByLabel('Dates');
  const sizeType = page.getByRole('article', { name: 'size' }).locator('.type');
  const ambiguity = page
    .locator('.warnings li')
    .filter({ hasText: "Column 'when' has dates such as '01/03/2024' (row 2) that could be day-first or month-first" });
  const firstDate = page
    .getByRole('grid', { name: 'Data preview' })
    .getByRole('row')
    .nth(1)
    .getByRole('gridcell')
    .first();

  // Detected: decimal commas (so 'size' is numeric), and dates read day-first by default, with a warning.
  await expect(numbers).toHaveValue('auto');
  await expect(numbers.locator('option:checked')).toHaveText('Auto (detected: comma)');
  await expect(dates.locator('option:checked')).toHaveText('Auto (assumed: day first)');
  await expect(sizeType).toHaveText('Numeric');
  await expect(ambiguity).toBeVisible();
  await page.getByRole('tab', { name: 'Preview' }).click();
  await expect(firstDate).toHaveText('2024-03-01');
  await screenshot(page, 'data-reading-detected');

  // Month first: the file is read again; the preview and the profile's warnings follow.
  await dates.selectOption('monthFirst');
  await expect(firstDate).toHaveText('2024-01-03');
  await page.getByRole('tab', { name: 'Columns' }).click();
  await expect(ambiguity).toHaveCount(0);
  await expect(dates).toHaveValue('monthFirst');
  await expect(dates.locator('option[value="auto"]')).toHaveText('Auto (detect)');

  // A decimal point makes '2,5' text: 'size' becomes 24 distinct texts, an identifier; Auto reads numbers again.
  await numbers.selectOption('.');
  await expect(sizeType).toHaveText('Identifier');
  await numbers.selectOption('auto');
  await expect(sizeType).toHaveText('Numeric');
  await expect(numbers.locator('option:checked')).toHaveText('Auto (detected: comma)');
  await expect(page.getByLabel('Target column')).toHaveValue('kind');
  await screenshot(page, 'data-reading-month-first');

  // The choice is saved with the project.
  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save project' }).first().click();
  const saved = JSON.parse(readFileSync(await (await saving).path(), 'utf8')) as { dataset: { options: unknown } };
  expect(saved.dataset.options).toEqual({ dateOrder: 'monthFirst' });

  // A model trained on it stores how the file was read.
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple classifier' }).click();
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('3');
  await page.getByLabel('Backend').selectOption('wasm');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });
  await openView(page, 'Export');
  const exporting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export model' }).click();
  const model = JSON.parse(readFileSync(await (await exporting).path(), 'utf8')) as { reading: unknown };
  expect(model.reading).toEqual({ decimal: ',', dateOrder: 'monthFirst' });

  // After a reload the autosaved project reads the file the same way.
  await expect(page.getByTestId('autosave-status')).toHaveAttribute('data-up-to-date', 'true', { timeout: 15_000 });
  await page.reload();
  await expect(page.getByText('Engine ready')).toBeVisible({ timeout: 30_000 });
  await openView(page, 'Data');
  await expect(page.getByRole('heading', { name: 'european.csv' })).toBeVisible();
  await expect(page.getByLabel('Dates')).toHaveValue('monthFirst');
  await expect(page.getByLabel('Numbers').locator('option:checked')).toHaveText('Auto (detected: comma)');
  await expect(ambiguity).toHaveCount(0);
});
