/**
 * Project files: save a trained project as a .bpstudio file (dataset embedded), start a new project,
 * open the file again, and find the data, the network and the run as they were.
 */
import { readFileSync } from 'node:fs';
import { expect, networkItems, openView, test, useSample } from './app/fixtures.ts';

test('save a project to a .bpstudio file and open it again', async ({ app: page }) => {
  await useSample(page, 'diabetes');
  await expect(page.getByText('Regression', { exact: true })).toBeVisible();
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple regressor' }).click();
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('25');
  await page.getByLabel('Backend').selectOption('wasm');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });
  await openView(page, 'Evaluate');
  await expect(page.locator('.metric').filter({ hasText: 'R²' })).toBeVisible({ timeout: 30_000 });
  const r2 = await page.locator('.metric').filter({ hasText: 'R²' }).locator('.value').innerText();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save project' }).first().click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('diabetes.bpstudio');
  const file = test.info().outputPath('diabetes.bpstudio');
  await download.saveAs(file);
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { format: string; dataset: { csv: string }; runs: unknown[] };
  expect(saved.format).toBe('backprop-studio/project');
  expect(saved.dataset.csv.split('\n')[0]).toBe('age,sex,bmi,bp,s1,s2,s3,s4,s5,s6,progression');
  expect(saved.runs).toHaveLength(1);

  await page.getByRole('button', { name: 'New project' }).click();
  await expect(page.getByRole('heading', { name: 'Start with your data' })).toBeVisible();

  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open project' }).click();
  await (await choosing).setFiles(file);
  await expect(page.getByLabel('Project name')).toHaveValue('diabetes');
  await openView(page, 'Data');
  await expect(page.getByRole('heading', { name: 'diabetes.csv' })).toBeVisible();
  await openView(page, 'Model');
  await expect(networkItems(page)).toHaveCount(1);
  await openView(page, 'Evaluate');
  await expect(page.locator('.metric').filter({ hasText: 'R²' }).locator('.value')).toHaveText(r2, { timeout: 30_000 });

  // A file that is not a project says so and changes nothing.
  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open project' }).click();
  await (
    await again
  ).setFiles({ name: 'notes.bpstudio', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(
    page.getByRole('alert').filter({ hasText: 'notes.bpstudio is not a Backprop Studio project' }),
  ).toBeVisible();
  await expect(page.getByLabel('Project name')).toHaveValue('diabetes');
});
