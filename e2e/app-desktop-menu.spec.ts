/**
 * The desktop File menu's export commands, with the Electron preload replaced by a fake (the menu itself
 * needs the Electron binary): "Export model…" and "Export predictions…" save straight away when there is
 * something to save, and otherwise open the Export view saying what to do first.
 */
import { expect, openView, repoPath, test as base, useSample } from './app/fixtures.ts';
import { desktopSaves, runMenuCommand, useFakeDesktop } from './app/fake-desktop.ts';

const test = base.extend({
  page: async ({ page }, use) => {
    await useFakeDesktop(page);
    await use(page);
  },
});

test('File ▸ Export model… and Export predictions… save directly, or say what to do first', async ({ app: page }) => {
  await expect(page.getByText('Desktop', { exact: true })).toBeVisible();
  const toast = (text: string) => page.locator('.toast').filter({ hasText: text });
  const exportTab = page.getByRole('tab', { name: /Export$/ });

  // Nothing trained: each command opens the Export view and says what to do first; nothing is saved.
  await runMenuCommand(page, 'export-model');
  await expect(exportTab).toHaveAttribute('aria-selected', 'true');
  await expect(toast('Train a model first, then export it.')).toBeVisible();
  await openView(page, 'Data');
  await runMenuCommand(page, 'export-predictions');
  await expect(exportTab).toHaveAttribute('aria-selected', 'true');
  await expect(toast('Train a model first, then choose a CSV to predict with it here.')).toBeVisible();
  expect(await desktopSaves(page)).toEqual([]);

  await openView(page, 'Data');
  await useSample(page, 'diabetes');
  await expect(page.getByText('Regression', { exact: true })).toBeVisible();
  await openView(page, 'Model');
  await page.getByRole('button', { name: 'Simple regressor' }).click();
  await openView(page, 'Train');
  await page.getByLabel('Epochs').fill('20');
  await page.getByLabel('Backend').selectOption('wasm');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByText('Finished')).toBeVisible({ timeout: 60_000 });

  // A trained model: Export model… saves it without leaving the Train view.
  await runMenuCommand(page, 'export-model');
  await expect(toast('Model of Run 1 exported.')).toBeVisible();
  await expect(page.getByRole('tab', { name: /Train$/ })).toHaveAttribute('aria-selected', 'true');
  const [model] = await desktopSaves(page);
  expect(model?.method).toBe('exportModel');
  expect(model?.fileName).toBe('diabetes-run-1.model.json');
  expect(JSON.parse(model?.text ?? '{}')).toMatchObject({ format: 'backprop-studio/model' });

  // Nothing predicted yet: Export predictions… opens the Export view, which predicts a CSV and saves it.
  await runMenuCommand(page, 'export-predictions');
  await expect(exportTab).toHaveAttribute('aria-selected', 'true');
  await expect(toast('Choose a CSV to predict with Run 1 first.')).toBeVisible();
  await page.getByLabel('CSV to predict').setInputFiles(repoPath('resources/samples/diabetes.csv'));
  await expect(
    page.getByRole('status').filter({ hasText: /Predicted [\d,]+ rows of diabetes\.csv; the CSV was saved\./ }),
  ).toBeVisible();

  // Predictions exist: Export predictions… saves them again from any view, and the Export view still shows them.
  await openView(page, 'Evaluate');
  await runMenuCommand(page, 'export-predictions');
  await expect(toast('Predictions of diabetes.csv exported.')).toBeVisible();
  await expect(page.getByRole('tab', { name: /Evaluate$/ })).toHaveAttribute('aria-selected', 'true');
  const saves = await desktopSaves(page);
  expect(saves.map((s) => [s.method, s.fileName])).toEqual([
    ['exportModel', 'diabetes-run-1.model.json'],
    ['exportPredictions', 'diabetes-predictions.csv'],
    ['exportPredictions', 'diabetes-predictions.csv'],
  ]);
  expect(saves[2]?.text).toBe(saves[1]?.text);
  expect(saves[1]?.text.split('\n')[0]).toBe('age,sex,bmi,bp,s1,s2,s3,s4,s5,s6,progression,split,prediction');
  await openView(page, 'Export');
  await expect(page.getByRole('table', { name: 'First predicted rows' })).toBeVisible();

  // File ▸ Export ONNX (raw columns)… and Export TF.js… save through the binary export: one .onnx file (its
  // protobuf starts with ir_version 8), and model.json followed by weights.bin.
  await runMenuCommand(page, 'export-onnx-columns');
  await expect(toast('ONNX (raw columns) of Run 1 exported as diabetes-run-1.onnx.')).toBeVisible();
  await runMenuCommand(page, 'export-tfjs');
  await expect(toast('TF.js of Run 1 exported as model.json and weights.bin.')).toBeVisible();
  // File ▸ Export PyTorch package…: one zip (it starts with the zip signature PK\x03\x04).
  await runMenuCommand(page, 'export-pytorch');
  await expect(toast('PyTorch package of Run 1 exported as diabetes-run-1-pytorch.zip.')).toBeVisible();
  expect((await desktopSaves(page)).slice(3).map((s) => [s.method, s.fileName, s.text])).toEqual([
    ['exportModelFiles', 'diabetes-run-1.onnx', expect.stringMatching(/^0808/)],
    ['exportModelFiles', 'model.json + weights.bin', '7b22666f'], // '{"fo': model.json's format
    ['exportModelFiles', 'diabetes-run-1-pytorch.zip', '504b0304'],
  ]);
});
