/**
 * Issue 5, test 4: malformed CSV files and invalid layer settings get clear messages where the user
 * looks, and the app keeps working afterwards.
 */
import { dragLayer, expect, importCsv, networkItems, openView, repoPath, screenshot, test } from './app/fixtures.ts';

test('malformed CSVs and invalid settings show clear messages, and the app keeps working', async ({ app: page }) => {
  const importError = page.getByRole('alert').filter({ hasText: 'This file could not be imported' });

  // An empty file.
  await importCsv(page, repoPath('e2e/app/fixtures/empty.csv'));
  await expect(importError).toContainText(
    'The file is empty. Choose a CSV file that has a header row and at least one row of data.',
  );

  // A binary file.
  await importCsv(page, {
    name: 'photo.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe, 0, 1, 2, 3]),
  });
  await expect(importError).toContainText('This file is not text');

  // Rows with the wrong number of values: named, and can be skipped.
  await importCsv(page, repoPath('e2e/app/fixtures/ragged.csv'));
  await expect(importError).toContainText('row 3 has 2');
  await expect(importError).toContainText('row 5 has 4');
  await screenshot(page, 'data-error-ragged');
  await page.getByRole('button', { name: 'Skip malformed rows' }).click();
  await expect(page.getByRole('heading', { name: 'ragged.csv' })).toBeVisible();
  await expect(page.getByText('2 rows · 3 columns', { exact: false })).toBeVisible();

  // A target with one class: the data view says why it cannot train.
  await importCsv(page, repoPath('e2e/app/fixtures/one-class.csv'));
  await expect(page.getByRole('heading', { name: 'one-class.csv' })).toBeVisible();
  await page.getByLabel('Target column').selectOption('label');
  await expect(page.getByRole('alert').filter({ hasText: 'These settings do not work yet' })).toContainText(
    "The target column 'label' has only one value ('a')",
  );
  await screenshot(page, 'data-error-one-class');

  // The app still works: a good file loads.
  await importCsv(page, repoPath('resources/samples/iris.csv'));
  await expect(page.getByRole('heading', { name: 'iris.csv' })).toBeVisible();
  await page.getByLabel('Target column').selectOption('species');
  await expect(page.getByText('Classification · 3 classes')).toBeVisible();
  await expect(importError).toHaveCount(0);

  // Invalid layer settings: the engine's message appears beside the field and on the layer.
  await openView(page, 'Model');
  await dragLayer(page, 'Dense');
  await dragLayer(page, 'Dropout');
  await expect(networkItems(page)).toHaveCount(2);
  await networkItems(page).first().click();
  await page.getByLabel('Units').fill('-3');
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('alert')).toHaveText('Dense 1: Units must be a whole number of at least 1, got -3.');
  await expect(page.getByLabel('Units')).toHaveAttribute('aria-invalid', 'true');
  await expect(networkItems(page).first().getByRole('alert')).toBeVisible();
  await networkItems(page).nth(1).click();
  await page.getByLabel('Rate (fraction dropped)').fill('1.5');
  await expect(inspector.getByRole('alert')).toHaveText('Dropout 1: Rate must be a number ≥ 0 and < 1, got 1.5.');
  await screenshot(page, 'model-invalid');

  // Training is blocked, with the reason.
  await openView(page, 'Train');
  await expect(page.getByRole('button', { name: 'Start training' })).toBeDisabled();
  await expect(page.getByText(/Fix 2 problems in the network or settings first/)).toBeVisible();
  await page.getByLabel('Learning rate').fill('-1');
  await expect(page.getByRole('form', { name: 'Training settings' }).getByRole('alert')).toContainText('-1');
  await screenshot(page, 'train-invalid');
  await page.getByLabel('Learning rate').fill('0.01');

  // Fixing the values clears the messages, and training works.
  await openView(page, 'Model');
  await networkItems(page).first().click();
  await page.getByLabel('Units').fill('8');
  await networkItems(page).nth(1).click();
  await page.getByLabel('Rate (fraction dropped)').fill('0.2');
  await expect(page.getByText('Ready to train')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Inspector' }).getByRole('alert')).toHaveCount(0);
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('20');
  await page.getByLabel('Backend').selectOption('wasm');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: /^Epoch/ })).toHaveText('Epoch 20 / 20');
});
