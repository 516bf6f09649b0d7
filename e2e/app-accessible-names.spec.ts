/**
 * Issue 12, accessibility: the import button's accessible name is its visible text (it read "Choose a CSV
 * file" but was named "Import CSV"), on the welcome page and in the compact bar above a loaded dataset.
 */
import { expect, screenshot, test, useSample } from './app/fixtures.ts';

test('the CSV import button is named by what it shows', async ({ app: page }) => {
  const welcome = page.locator('label.file-button');
  await expect(welcome).toHaveCount(1);
  await expect(welcome).toHaveText('Import CSV file');
  await expect(welcome.locator('input[type="file"]')).toHaveAccessibleName('Import CSV file');
  await expect(page.getByRole('button', { name: 'Import CSV file', exact: true })).toBeVisible();
  await screenshot(page, 'import-button-welcome');

  await useSample(page, 'iris');
  await expect(page.getByRole('heading', { name: 'iris.csv' })).toBeVisible();
  const compact = page.locator('label.file-button');
  await expect(compact).toHaveText('Import CSV');
  await expect(compact.locator('input[type="file"]')).toHaveAccessibleName('Import CSV');
});
